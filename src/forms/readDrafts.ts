import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import type { DraftValue, Field, FileDraft } from './fieldModel';
import type { ToolInputSchema } from './jsonSchema';
import { errorMessage } from '../errors';
import { MAX_SCHEMA_DEPTH, SCHEMA_TOO_DEEP, schemaNestsDeeperThan } from './schemaDepth';

export type FieldErrors = Record<string, string>;

/** The key of a problem that belongs to the whole form rather than to one of its fields. */
export const FORM_ERROR_KEY = '';

export type ReadResult =
  { ok: true; value: Record<string, unknown> } | { ok: false; errors: FieldErrors };

// One validator for the page; compiled schemas (or why one could not be) are kept per schema.
const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false });
const compiled = new WeakMap<object, ValidateFunction | FieldErrors>();

/**
 * Turns what the controls hold into the tool's input and checks it against the schema: first
 * what only the control can know (a number that does not parse, JSON with a syntax error), then
 * JSON Schema itself (required, types, ranges) with ajv. Errors are keyed by field name.
 */
export function readDrafts(
  schema: ToolInputSchema,
  fields: Field[],
  drafts: Record<string, DraftValue>,
): ReadResult {
  const errors: FieldErrors = {};
  const value: Record<string, unknown> = {};
  for (const field of fields) {
    const draft = drafts[field.name] ?? null;
    const read = readField(field, draft);
    if ('error' in read) errors[field.name] = read.error;
    else if (read.value !== undefined) value[field.name] = read.value;
  }
  let validate = compiled.get(schema);
  if (!validate) {
    validate = compileSchema(schema, fields);
    compiled.set(schema, validate);
  }
  // A schema that cannot be checked stops the run with a sentence rather than a thrown error.
  if (typeof validate !== 'function') return { ok: false, errors: validate };
  if (!validate(value)) {
    for (const error of validate.errors ?? []) {
      const name = errorField(error);
      if (name && !errors[name]) errors[name] = describeSchemaError(error);
    }
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, value };
}

/**
 * Ajv's validator for a schema, or the sentences saying why there is none: a schema nested too
 * deep is refused before Ajv sees it (its compiler recurses, and overflows the stack on a
 * 1,000-level schema); one Ajv rejects is named too.
 */
function compileSchema(schema: ToolInputSchema, fields: Field[]): ValidateFunction | FieldErrors {
  if (schemaNestsDeeperThan(schema)) {
    // Beside the fields that nest too deep, or for the whole form when none does alone.
    const deep = fields.filter((field) =>
      schemaNestsDeeperThan(field.schema, MAX_SCHEMA_DEPTH - 1),
    );
    return deep.length > 0
      ? Object.fromEntries(deep.map((field) => [field.name, SCHEMA_TOO_DEEP]))
      : { [FORM_ERROR_KEY]: SCHEMA_TOO_DEEP };
  }
  try {
    return ajv.compile(schema);
  } catch (error) {
    return {
      [FORM_ERROR_KEY]: `This tool's input schema cannot be used to check its input: ${errorMessage(error)}`,
    };
  }
}

type FieldRead = { value: unknown } | { error: string };

export function readField(field: Field, draft: DraftValue): FieldRead {
  switch (field.kind) {
    case 'checkbox':
      return { value: draft === true };
    case 'number': {
      const text = typeof draft === 'string' ? draft.trim() : '';
      if (text === '') return { value: undefined };
      const n = Number(text);
      if (!Number.isFinite(n)) return { error: `"${text}" is not a number.` };
      if (field.schema.type === 'integer' && !Number.isInteger(n))
        return { error: 'Enter a whole number.' };
      return { value: n };
    }
    case 'json': {
      const text = typeof draft === 'string' ? draft.trim() : '';
      if (text === '') return { value: undefined };
      try {
        return { value: JSON.parse(text) };
      } catch (e) {
        return { error: `Invalid JSON: ${errorMessage(e)}` };
      }
    }
    case 'list':
      return { value: Array.isArray(draft) ? draft.filter((item) => item !== '') : [] };
    case 'file':
      return {
        value: draft && typeof draft === 'object' ? (draft as FileDraft).content : undefined,
      };
    default: {
      const text = typeof draft === 'string' ? draft : '';
      return { value: text === '' ? undefined : text };
    }
  }
}

function errorField(error: ErrorObject): string | undefined {
  if (error.keyword === 'required')
    return (error.params as { missingProperty: string }).missingProperty;
  const top = error.instancePath.split('/')[1];
  return top === undefined ? undefined : top.replace(/~1/g, '/').replace(/~0/g, '~');
}

function describeSchemaError(error: ErrorObject): string {
  switch (error.keyword) {
    case 'required':
      return 'Required.';
    case 'enum':
      return `Must be one of: ${(error.params as { allowedValues: unknown[] }).allowedValues.join(', ')}.`;
    case 'minItems':
      return `Needs at least ${(error.params as { limit: number }).limit} item(s).`;
    default:
      return `${capitalise(error.message ?? 'Invalid value')}.`;
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
