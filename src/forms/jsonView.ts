// The JSON view of a tool's arguments: the same value as the form, as JSON text. While it is open
// its text is what Run reads, kept among the form's drafts under a key no property can clash with
// in practice, so it is saved, restored and cloned with them as plain data.
import { errorMessage } from '../errors';
import type { DraftValue, Field } from './fieldModel';
import type { ToolInputSchema } from './jsonSchema';
import { checkInput, FORM_ERROR_KEY, type ReadResult } from './readDrafts';
import { draftsFromValue, readNode } from './schemaDraft';

/** The drafts' key of the JSON view's text; present only while the JSON view is open. */
export const JSON_VIEW_KEY = '\u0000json-view';

export function jsonViewText(drafts: Record<string, DraftValue>): string | undefined {
  const text = drafts[JSON_VIEW_KEY];
  return typeof text === 'string' ? text : undefined;
}

/** What the form holds as JSON, problems and all: a number that does not parse stays text. */
export function formValue(
  fields: Field[],
  drafts: Record<string, DraftValue>,
): Record<string, unknown> {
  const value: Record<string, unknown> = {};
  for (const field of fields) {
    const read = readNode(field, drafts[field.name] ?? null, field.name, {}, true);
    if (read !== undefined) value[field.name] = read;
  }
  return value;
}

type Parsed = { ok: true; value: Record<string, unknown> } | { ok: false; error: string };

/** The JSON view's text as the tool's arguments: a JSON object, or why it is none. */
export function parseJsonView(text: string): Parsed {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `Invalid JSON: ${errorMessage(error)}` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, error: 'The arguments must be a JSON object: { … }.' };
  }
  return { ok: true, value: value as Record<string, unknown> };
}

/**
 * Reads the JSON view as Run does: parsed, then checked against the schema as it is, so the tool
 * gets exactly the JSON typed (nothing coerced, nothing filled in). Errors are keyed by path.
 */
export function readJsonView(schema: ToolInputSchema, fields: Field[], text: string): ReadResult {
  const parsed = parseJsonView(text);
  if (!parsed.ok) return { ok: false, errors: { [FORM_ERROR_KEY]: parsed.error } };
  const errors = checkInput(schema, fields, parsed.value);
  return Object.keys(errors).length > 0 ? { ok: false, errors } : parsed;
}

type ToForm = { ok: true; drafts: Record<string, DraftValue> } | { ok: false; error: string };

/** The form's drafts showing a JSON value; refused when it has keys the form has no field for. */
export function toForm(fields: Field[], value: Record<string, unknown>): ToForm {
  const known = new Set(fields.map((f) => f.name));
  const unknown = Object.keys(value).filter((key) => !known.has(key));
  if (unknown.length > 0) {
    return {
      ok: false,
      error: `The tool takes no argument named ${unknown.map((k) => JSON.stringify(k)).join(', ')}; remove it to go on.`,
    };
  }
  return { ok: true, drafts: draftsFromValue(fields, value) };
}
