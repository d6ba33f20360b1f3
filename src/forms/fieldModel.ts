import type { JsonSchema, ToolInputSchema } from './jsonSchema';
import { MAX_SCHEMA_DEPTH, schemaNestsDeeperThan } from './schemaDepth';
import type { WitDraft } from './witDraft';

export type FieldKind =
  'text' | 'secret' | 'select' | 'number' | 'checkbox' | 'json' | 'list' | 'file';

/** A file chosen in a form: what the skill gets is `content`, text or a base64 data URL. */
export interface FileDraft {
  name: string;
  size: number;
  content: string;
}

/** What a control holds while the user edits it: text stays text until Run, so typing is never fought. */
export type DraftValue = string | boolean | string[] | FileDraft | WitDraft | null;

export interface Field {
  name: string;
  kind: FieldKind;
  description: string;
  required: boolean;
  schema: JsonSchema;
  options?: string[];
  /** The type the schema declares, as the chip beside the field shows it: `array<number>`. */
  typeText: string;
  /** A text that may run to several lines: a textarea, where Enter is a new line. */
  multiline: boolean;
}

/** One control per property, in declaration order, chosen by the property's type. */
export function fieldsFromSchema(schema: ToolInputSchema): Field[] {
  const required = new Set(schema.required);
  return Object.entries(schema.properties).map(([name, property]) => {
    const kind = fieldKind(property);
    return {
      name,
      kind,
      description: property.description ?? '',
      required: required.has(name),
      schema: property,
      ...(Array.isArray(property.enum) ? { options: property.enum.map(String) } : {}),
      typeText: schemaTypeText(property),
      multiline: kind === 'text' && isLongText(name, property),
    };
  });
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
  if (schema.contentMediaType === 'application/json') return 'json';
  return 'any';
}

export function fieldKind(schema: JsonSchema): FieldKind {
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return 'select';
  switch (schema.type) {
    case 'number':
    case 'integer':
      return 'number';
    case 'boolean':
      return 'checkbox';
    case 'array':
      return schema.items?.type === 'string' ? 'list' : 'json';
    case 'string':
      if (schema.format === 'binary') return 'file';
      if (schema.writeOnly || schema.format === 'password') return 'secret';
      return 'text';
    default:
      return 'json';
  }
}

/** The control's starting value: the schema's default in the control's own form, else empty. */
export function initialDraft(field: Field): DraftValue {
  // A default nested past the limit is not printed (JSON.stringify recurses); Run says why.
  if (schemaNestsDeeperThan(field.schema, MAX_SCHEMA_DEPTH - 1)) {
    return initialDraft({ ...field, schema: {} });
  }
  const value = field.schema.default;
  switch (field.kind) {
    case 'checkbox':
      return value === true;
    case 'list':
      return Array.isArray(value) ? value.map(String) : [];
    case 'file':
      return null;
    case 'json':
      return value === undefined
        ? ''
        : typeof value === 'string'
          ? value
          : JSON.stringify(value, null, 2);
    default:
      return value === undefined || value === null ? '' : String(value);
  }
}

export function initialDrafts(fields: Field[]): Record<string, DraftValue> {
  return Object.fromEntries(fields.map((f) => [f.name, initialDraft(f)]));
}
