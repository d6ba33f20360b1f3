import type { DraftValue, Field } from './fieldModel';
import { type InputCheck, inputChecker } from './inputCheck';
import type { ToolInputSchema } from './jsonSchema';
import { readNode } from './schemaDraft';
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
 * JSON Schema itself (required, types, ranges; inputCheck.ts). Errors are keyed by the path of
 * the control they belong to: `name`, `address.city`, `lines[0].sku`.
 */
export function readDrafts(
  schema: ToolInputSchema,
  fields: Field[],
  drafts: Record<string, DraftValue>,
): ReadResult {
  const errors: FieldErrors = {};
  const value: Record<string, unknown> = {};
  const controls = new Set<string>();
  for (const field of fields) {
    const read = readNode(field, drafts[field.name] ?? null, field.name, errors, false, controls);
    if (read !== undefined) value[field.name] = read;
  }
  for (const [path, message] of Object.entries(checkInput(schema, fields, value))) {
    const at = controlOf(path, controls);
    errors[at] ??= at === path ? message : `${path}: ${lowerFirst(message)}`;
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, value };
}

/** What JSON Schema finds wrong with a tool's input, keyed by path (`lines[0].sku`). */
export function checkInput(
  schema: ToolInputSchema,
  fields: Field[],
  value: Record<string, unknown>,
): FieldErrors {
  let check = checks.get(schema);
  if (!check) {
    check = schemaCheck(schema, fields);
    checks.set(schema, check);
  }
  // A schema that cannot be checked stops the run with a sentence rather than a thrown error.
  return typeof check === 'function' ? check(value) : check;
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
  // Errors keyed by where they are (`lines[0].sku`), so each shows at its own control.
  const check = inputChecker(schema, FORM_ERROR_KEY, true);
  return typeof check === 'function' ? check : { [FORM_ERROR_KEY]: check };
}

/**
 * The control a problem at `path` shows at: the control there, else the nearest one holding it
 * (a place inside a JSON field or a list of lines has no control of its own).
 */
function controlOf(path: string, controls: ReadonlySet<string>): string {
  let at = path;
  while (at !== '' && !controls.has(at)) {
    const cut = Math.max(at.lastIndexOf('.'), at.lastIndexOf('['));
    if (cut <= 0) return at;
    at = at.slice(0, cut);
  }
  return at === '' ? path : at;
}

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);
