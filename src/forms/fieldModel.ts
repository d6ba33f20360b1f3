import type { JsonSchema, ToolInputSchema } from './jsonSchema';
import { MAX_SCHEMA_DEPTH, schemaNestsDeeperThan } from './schemaDepth';
import { alternativesOf, nonNullPart, resolveSchema, typesOf } from './schemaResolve';
import type { WitDraft } from './witDraft';

export type FieldKind =
  | 'text'
  | 'secret'
  | 'select'
  | 'number'
  | 'checkbox'
  | 'json'
  | 'list'
  | 'file'
  // Controls that hold other controls: a fieldset, a list of items, a choice, a "null" toggle.
  | 'object'
  | 'array'
  | 'choice'
  | 'nullable';

/** A file chosen in a form: what the skill gets is `content`, text or a base64 data URL. */
export interface FileDraft {
  name: string;
  size: number;
  content: string;
}

/**
 * What a control holding others holds. Each is told apart by its one `$` key (no FileDraft or
 * text has one), and all are plain data, so a form's drafts can be kept and cloned as they are.
 * `$extra` keeps the keys of an object that the form has no field for (typed in the JSON view).
 */
export type NestedDraft =
  | { $object: Record<string, DraftValue>; $extra?: Record<string, unknown> }
  | { $items: DraftValue[] }
  | { $choice: number; value: DraftValue }
  | { $null: boolean; value: DraftValue };

/** What a control holds while the user edits it: text stays text until Run, so typing is never fought. */
export type DraftValue = string | boolean | string[] | FileDraft | WitDraft | NestedDraft | null;

export interface Field {
  name: string;
  kind: FieldKind;
  description: string;
  required: boolean;
  /** The field's schema with its `$ref`s followed and `allOf` merged. */
  schema: JsonSchema;
  options?: string[];
  /** The type the schema declares, as the chip beside the field shows it: `array<number>`. */
  typeText: string;
  /** A text that may run to several lines: a textarea, where Enter is a new line. */
  multiline: boolean;
  /** The tool's whole schema, where `$ref`s inside this field lead. */
  root?: JsonSchema;
  /** How many controls this one sits inside. */
  depth?: number;
}

/**
 * How many controls may nest inside each other before a field is offered as JSON: a schema that
 * refers to itself (a tree) would otherwise nest forever.
 */
export const MAX_FORM_DEPTH = 8;

/** One control per property, in declaration order, chosen by the property's type. */
export function fieldsFromSchema(schema: ToolInputSchema): Field[] {
  // A schema nested too deep is not walked (Run says why); its properties are offered as JSON.
  const root = schemaNestsDeeperThan(schema) ? schema : resolveSchema(schema, schema);
  return objectFields(root, schema, 0);
}

/** The fields of an object schema (already resolved), at `depth`. */
export function objectFields(schema: JsonSchema, root: JsonSchema, depth: number): Field[] {
  const required = new Set(Array.isArray(schema.required) ? schema.required : []);
  return Object.entries(schema.properties ?? {}).map(([name, property]) =>
    makeField(name, property, required.has(name), root, depth),
  );
}

/** The field for one subschema: its `$ref`s followed, its control chosen. */
export function makeField(
  name: string,
  raw: JsonSchema,
  required: boolean,
  root: JsonSchema,
  depth: number,
): Field {
  const usable = typeof raw === 'object' && raw !== null;
  const deep = usable && schemaNestsDeeperThan(raw, MAX_SCHEMA_DEPTH - 1);
  const property = !usable ? {} : deep ? raw : resolveSchema(raw, root);
  const kind = fieldKind(property, deep ? MAX_FORM_DEPTH : depth);
  const options =
    property.const !== undefined
      ? [String(property.const)]
      : Array.isArray(property.enum)
        ? property.enum.map(String)
        : undefined;
  return {
    name,
    kind,
    description: property.description ?? '',
    required,
    schema: property,
    ...(options ? { options } : {}),
    typeText: schemaTypeText(property),
    multiline: kind === 'text' && isLongText(name, property),
    root,
    depth,
  };
}

/** The fields inside a field that holds others: its properties, its chosen branch, its item. */
export function childFields(field: Field): Field[] {
  return field.kind === 'object'
    ? objectFields(field.schema, field.root ?? field.schema, (field.depth ?? 0) + 1)
    : [];
}

/** The field of one item of an array field. */
export function itemField(field: Field, index: number): Field {
  const items = field.schema.items ?? {};
  return makeField(
    `${field.name} ${index + 1}`,
    items,
    true,
    field.root ?? {},
    (field.depth ?? 0) + 1,
  );
}

/** The field of a choice's alternative `index`, named as the choice. */
export function branchField(field: Field, index: number): Field {
  const shared = { ...field.schema };
  delete shared.oneOf;
  delete shared.anyOf;
  const alternative = alternativesOf(field.schema)?.[index] ?? {};
  // Keywords beside oneOf (a shared type, properties) apply to every alternative.
  const merged: JsonSchema = { allOf: [shared, alternative] };
  return makeField(field.name, merged, field.required, field.root ?? {}, (field.depth ?? 0) + 1);
}

/** The field a nullable field holds when it is not null. */
export function nonNullField(field: Field): Field {
  const part = nonNullPart(field.schema) ?? {};
  return makeField(field.name, part, field.required, field.root ?? {}, (field.depth ?? 0) + 1);
}

/** A parameter named as if it held a text of some length: `text`, `body`, `user_content`. */
const LONG_TEXT_NAME = /(^|[_-])(text|body|content|markdown|prompt)$/i;
const LONG_TEXT_CAMEL = /[a-z](Text|Body|Content)$/;
/** Past this many characters a string is given a textarea. */
export const LONG_TEXT_CHARS = 300;

/**
 * Whether a string is long enough for a textarea: the schema says so (`format: textarea`,
 * `x-multiline`, a maxLength over a few hundred), its name does, or its default spans lines.
 * Anything else is one line, where Enter runs the tool.
 */
export function isLongText(name: string, schema: JsonSchema): boolean {
  const extra = schema as Record<string, unknown>;
  return (
    schema.format === 'textarea' ||
    extra['x-multiline'] === true ||
    (typeof schema.maxLength === 'number' && schema.maxLength > LONG_TEXT_CHARS) ||
    LONG_TEXT_NAME.test(name) ||
    LONG_TEXT_CAMEL.test(name) ||
    (typeof schema.default === 'string' && schema.default.includes('\n'))
  );
}

/** The declared type, as a person reads it: `string`, `integer`, `array<number>`, `string | null`. */
export function schemaTypeText(schema: JsonSchema): string {
  const declared = (schema as { type?: unknown }).type;
  if (Array.isArray(declared)) return declared.map(String).join(' | ');
  if (declared === 'array') {
    return schema.items && typeof schema.items === 'object' && !Array.isArray(schema.items)
      ? `array<${schemaTypeText(schema.items)}>`
      : 'array';
  }
  if (typeof declared === 'string') {
    return declared === 'string' && schema.format === 'binary' ? 'string (file)' : declared;
  }
  if (Array.isArray(schema.enum)) return 'enum';
  if (schema.oneOf) return 'oneOf';
  if (schema.anyOf) return 'anyOf';
  if (schema.properties) return 'object';
  if (schema.contentMediaType === 'application/json') return 'json';
  return 'any';
}

/** The control for a (resolved) schema; past MAX_FORM_DEPTH, anything that nests is JSON. */
export function fieldKind(schema: JsonSchema, depth = 0): FieldKind {
  const deep = depth >= MAX_FORM_DEPTH;
  if (schema.const !== undefined) return 'select';
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return 'select';
  if (nonNullPart(schema)) return deep ? 'json' : 'nullable';
  if (alternativesOf(schema)) return deep ? 'json' : 'choice';
  const types = typesOf(schema);
  if (types.length > 1) return 'json';
  const type = types[0] ?? (schema.properties ? 'object' : undefined);
  switch (type) {
    case 'number':
    case 'integer':
      return 'number';
    case 'boolean':
      return 'checkbox';
    case 'object':
      return !deep && schema.properties && Object.keys(schema.properties).length > 0
        ? 'object'
        : 'json';
    case 'array':
      return arrayKind(schema, deep);
    case 'string':
      if (schema.format === 'binary') return 'file';
      if (schema.writeOnly || schema.format === 'password') return 'secret';
      return 'text';
    default:
      return 'json';
  }
}

/** Plain strings are a list of lines; items of any other single shape get a control each. */
function arrayKind(schema: JsonSchema, deep: boolean): FieldKind {
  const items = schema.items;
  if (!items || typeof items !== 'object' || Array.isArray(items)) return 'json';
  if (items.type === 'string' && !items.enum && !items.format && !items.$ref) return 'list';
  return deep ? 'json' : 'array';
}
