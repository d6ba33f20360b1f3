import type { DraftValue, Field, FileDraft } from './fieldModel';
import { type InputCheck, inputChecker } from './inputCheck';
import type { ToolInputSchema } from './jsonSchema';
import { errorMessage } from '../errors';
import { MAX_SCHEMA_DEPTH, SCHEMA_TOO_DEEP, schemaNestsDeeperThan } from './schemaDepth';

export type FieldErrors = Record<string, string>;

/** The key of a problem that belongs to the whole form rather than to one of its fields. */
export const FORM_ERROR_KEY = '';

export type ReadResult =
  { ok: true; value: Record<string, unknown> } | { ok: false; errors: FieldErrors };

// The check of each schema (or why there is none), made once per schema.
const checks = new WeakMap<object, InputCheck | FieldErrors>();

/**
 * Turns what the controls hold into the tool's input and checks it against the schema: first
 * what only the control can know (a number that does not parse, JSON with a syntax error), then
 * JSON Schema itself (required, types, ranges; inputCheck.ts). Errors are keyed by field name.
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
  let check = checks.get(schema);
  if (!check) {
    check = schemaCheck(schema, fields);
    checks.set(schema, check);
  }
  // A schema that cannot be checked stops the run with a sentence rather than a thrown error.
  if (typeof check !== 'function') return { ok: false, errors: check };
  // What a control could not read is said first; the schema's word on it would only repeat it.
  for (const [name, message] of Object.entries(check(value))) errors[name] ??= message;
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, value };
}

/**
 * The check of a schema, or the sentences saying why there is none: a schema nested too deep is
 * refused before anything walks it (a validator recurses over it, and a 1,000-level schema
 * overflows the stack); one that is not a valid schema is named too.
 */
function schemaCheck(schema: ToolInputSchema, fields: Field[]): InputCheck | FieldErrors {
  if (schemaNestsDeeperThan(schema)) {
    // Beside the fields that nest too deep, or for the whole form when none does alone.
    const deep = fields.filter((field) =>
      schemaNestsDeeperThan(field.schema, MAX_SCHEMA_DEPTH - 1),
    );
    return deep.length > 0
      ? Object.fromEntries(deep.map((field) => [field.name, SCHEMA_TOO_DEEP]))
      : { [FORM_ERROR_KEY]: SCHEMA_TOO_DEEP };
  }
  const check = inputChecker(schema, FORM_ERROR_KEY);
  return typeof check === 'function' ? check : { [FORM_ERROR_KEY]: check };
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
