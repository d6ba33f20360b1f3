import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import type { DraftValue, Field, FileDraft } from './fieldModel';
import type { ToolInputSchema } from './jsonSchema';
import { errorMessage } from '../errors';

export type FieldErrors = Record<string, string>;

export type ReadResult =
  { ok: true; value: Record<string, unknown> } | { ok: false; errors: FieldErrors };

// One validator for the page; compiled schemas are kept per schema object.
const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false });
const compiled = new WeakMap<object, ValidateFunction>();

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
    validate = ajv.compile(schema);
    compiled.set(schema, validate);
  }
  if (!validate(value)) {
    for (const error of validate.errors ?? []) {
      const name = errorField(error);
      if (name && !errors[name]) errors[name] = describeSchemaError(error);
    }
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, value };
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
