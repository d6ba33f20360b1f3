// A tool's input checked against its JSON Schema. Tool schemas come from skills at run time, so
// they cannot be compiled ahead of time, and compiling one in the page (as Ajv does, with
// Function()) would need 'unsafe-eval' in the Content-Security-Policy. @cfworker/json-schema
// interprets the schema instead. Its errors name the keyword and where it failed; the sentences
// a person reads are made here from the schema itself.
import {
  dereference,
  validate,
  type OutputUnit,
  type Schema,
  type SchemaDraft,
} from '@cfworker/json-schema';
import { errorMessage } from '../errors';
import { jsonSchemaDraft07 } from '../generated/validators';
import type { ToolInputSchema } from './jsonSchema';

/** Problems with an input, keyed by top-level field; `''` for those about the whole input. */
export type InputErrors = Record<string, string>;

export type InputCheck = (value: Record<string, unknown>) => InputErrors;

const CANNOT_CHECK = "This tool's input schema cannot be used to check its input";

/**
 * The check of a tool's input, or why its schema cannot give one: a schema that breaks
 * draft-07's meta-schema (checked by an Ajv validator generated ahead of time) is named rather
 * than misread; so is a `$ref` that leads nowhere, found at the first check.
 */
export function inputChecker(
  schema: ToolInputSchema,
  formKey: string,
  deep = false,
): InputCheck | string {
  const draft = draftOf(schema);
  // Draft-04 writes exclusiveMinimum as a boolean, which the draft-07 meta-schema refuses.
  if (draft !== '4' && !jsonSchemaDraft07(schema)) {
    const problems = (jsonSchemaDraft07.errors ?? []).slice(0, 3).map((error) => {
      const at = error.instancePath === '' ? 'the schema' : error.instancePath;
      return `${at} ${error.message ?? 'is wrong'}`;
    });
    return `${CANNOT_CHECK}: ${problems.join('; ')}.`;
  }
  // Resolving $refs marks the schema's objects; the form reads the schema too, so a copy is used.
  const root = structuredClone(schema) as Schema;
  let tree: SchemaTree;
  try {
    tree = { root, lookup: dereference(root) };
  } catch (error) {
    // An $id that is not a URI, for one.
    return `${CANNOT_CHECK}: ${firstSentence(error)}`;
  }
  return (value) => {
    let units: OutputUnit[];
    try {
      // Not short-circuited: every field's problem at once.
      units = validate(value, root, draft, tree.lookup, false).errors;
    } catch (error) {
      return { [formKey]: `${CANNOT_CHECK}: ${firstSentence(error)}` };
    }
    return errorsByField(units, tree, formKey, deep);
  };
}

/** cfworker goes on to list every schema it knows: the first sentence is the one to read. */
const firstSentence = (error: unknown) => errorMessage(error).split('\n')[0]!.split('  ')[0];

/** A tool's schema with its `$ref`s resolved, as validation walks it. */
interface SchemaTree {
  root: Schema;
  lookup: Record<string, Schema | boolean>;
}

/** The draft a schema says it is written in; draft-07, as most tool schemas are, when unsaid. */
function draftOf(schema: ToolInputSchema): SchemaDraft {
  const declared = (schema as { $schema?: unknown }).$schema;
  const id = typeof declared === 'string' ? declared : '';
  if (id.includes('draft-04')) return '4';
  if (id.includes('2019-09')) return '2019-09';
  if (id.includes('2020-12')) return '2020-12';
  return '7';
}

// Keywords whose error only says that something inside failed; the inner error says what.
const WRAPPERS = new Set([
  '$ref',
  '$recursiveRef',
  'properties',
  'patternProperties',
  'additionalProperties',
  'unevaluatedProperties',
  'items',
  'prefixItems',
  'additionalItems',
  'unevaluatedItems',
  'allOf',
  'dependentSchemas',
  'dependencies',
  'then',
  'else',
]);

/**
 * One sentence per field: the first error that says what is wrong (not one that only says
 * something inside failed). Errors about the input as a whole go under `formKey`, when no field
 * has one of its own. With `deep`, one per place inside a field too, keyed by its path
 * (`lines[0].sku`), for a form that has a control there.
 */
function errorsByField(
  units: readonly OutputUnit[],
  tree: SchemaTree,
  formKey: string,
  deep: boolean,
): InputErrors {
  const chosen = new Map<string, { unit: OutputUnit; inner: string[] }>();
  let whole: OutputUnit | undefined;
  // A failed alternative of anyOf or oneOf is no problem of its own: the unit of the anyOf is.
  // A form shows one alternative's fields, though: there, the errors of the alternative that
  // failed least (the one chosen, as a rule) are said at its fields.
  const kept = deep ? closestAlternatives(units) : new Set<OutputUnit>();
  for (const unit of units) {
    if (ALTERNATIVE.test(unit.keywordLocation) && !kept.has(unit)) continue;
    const path = decodeLocation(unit.instanceLocation);
    if (unit.keyword === 'required') {
      const key = /required property "([\s\S]*)"\.$/.exec(unit.error)?.[1];
      if (key !== undefined) path.push(key);
    }
    const [field, ...inner] = path;
    if (field === undefined) {
      whole ??= WRAPPERS.has(unit.keyword) ? undefined : unit;
      continue;
    }
    const at = deep ? innerPath(path) : field;
    const current = chosen.get(at);
    if (!current || (WRAPPERS.has(current.unit.keyword) && !WRAPPERS.has(unit.keyword))) {
      chosen.set(at, { unit, inner: deep ? [] : inner });
    }
  }
  const errors: InputErrors = {};
  for (const [at, { unit, inner }] of chosen) {
    // A wrapper's error under a place that has a truer one of its own says nothing more; nor
    // does "match one of the forms" when the chosen form says what is wrong inside it.
    const says = WRAPPERS.has(unit.keyword) || unit.keyword === 'oneOf' || unit.keyword === 'anyOf';
    if (deep && says && hasInner(chosen, at)) continue;
    errors[at] = sentence(at, inner, unit, tree);
  }
  if (Object.keys(errors).length === 0 && whole) {
    errors[formKey] = `The input ${mustBe(whole, tree)}.`;
  }
  return errors;
}

const ALTERNATIVE = /\/(anyOf|oneOf)\/\d+(\/|$)/;

/**
 * The errors of each anyOf/oneOf's alternative with the fewest, when one has fewer than all the
 * others: on a tie no alternative is more likely the one meant, and none is kept.
 */
function closestAlternatives(units: readonly OutputUnit[]): Set<OutputUnit> {
  const groups = new Map<string, Map<string, OutputUnit[]>>();
  for (const unit of units) {
    const match = /^(.*?\/(?:anyOf|oneOf))\/(\d+)(?:\/|$)/.exec(unit.keywordLocation);
    if (!match) continue;
    const alternatives = groups.get(match[1]!) ?? new Map<string, OutputUnit[]>();
    groups.set(match[1]!, alternatives);
    alternatives.set(match[2]!, [...(alternatives.get(match[2]!) ?? []), unit]);
  }
  const kept = new Set<OutputUnit>();
  for (const alternatives of groups.values()) {
    const count = (list: OutputUnit[]) => list.filter((u) => !WRAPPERS.has(u.keyword)).length;
    const [best, next] = [...alternatives.values()].sort((a, b) => count(a) - count(b));
    if (best && (!next || count(best) < count(next))) for (const unit of best) kept.add(unit);
  }
  return kept;
}

/** Whether some place inside `at` (`at.x`, `at[0]`) has an error of its own. */
function hasInner(chosen: Map<string, unknown>, at: string): boolean {
  for (const key of chosen.keys()) {
    if (key.startsWith(`${at}.`) || key.startsWith(`${at}[`)) return true;
  }
  return false;
}

/** What is wrong, as a sentence about the field, or about a place inside it ("x[0].y: ..."). */
function sentence(field: string, inner: readonly string[], unit: OutputUnit, tree: SchemaTree) {
  const what = unit.keyword === 'required' ? 'required' : mustBe(unit, tree);
  return inner.length === 0 ? `${capitalise(what)}.` : `${innerPath([field, ...inner])}: ${what}.`;
}

/** The end of a sentence about a value: "must be >= 1", "needs at least 2 items". */
function mustBe(unit: OutputUnit, tree: SchemaTree): string {
  const holder = schemaAt(tree, unit.keywordLocation);
  const limit = holder?.[unit.keyword] as unknown;
  const n = typeof limit === 'number' ? limit : undefined;
  switch (unit.keyword) {
    case 'type':
      return `must be ${orList(([] as unknown[]).concat(limit).map((t) => TYPE_PHRASES[String(t)] ?? String(t)))}`;
    case 'enum':
      return Array.isArray(limit)
        ? `must be one of: ${limit.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(', ')}`
        : fallback(unit);
    case 'const':
      return `must be ${JSON.stringify(limit)}`;
    case 'minimum':
      if (n === undefined) break;
      return `must be ${holder?.exclusiveMinimum === true ? '>' : '>='} ${n}`;
    case 'maximum':
      if (n === undefined) break;
      return `must be ${holder?.exclusiveMaximum === true ? '<' : '<='} ${n}`;
    case 'exclusiveMinimum':
      return n === undefined ? fallback(unit) : `must be > ${n}`;
    case 'exclusiveMaximum':
      return n === undefined ? fallback(unit) : `must be < ${n}`;
    case 'multipleOf':
      return n === undefined ? fallback(unit) : `must be a multiple of ${n}`;
    case 'minLength':
      return n === undefined ? fallback(unit) : `must be at least ${plural(n, 'character')} long`;
    case 'maxLength':
      return n === undefined ? fallback(unit) : `must be at most ${plural(n, 'character')} long`;
    case 'pattern':
      return `must match the pattern ${String(limit)}`;
    case 'format':
      return `must be a valid ${String(limit)}`;
    case 'minItems':
      return n === undefined ? fallback(unit) : `needs at least ${plural(n, 'item')}`;
    case 'maxItems':
      return n === undefined ? fallback(unit) : `takes at most ${plural(n, 'item')}`;
    case 'anyOf':
      return 'must match one of the forms allowed here (anyOf)';
    case 'oneOf':
      return 'must match exactly one of the forms allowed here (oneOf)';
    case 'not':
      return 'must not match the schema under "not"';
    case 'false':
      return 'is not allowed here';
  }
  return fallback(unit);
}

/** @cfworker's own words, when the schema does not say enough to word it better. */
const fallback = (unit: OutputUnit) => lowerFirst(unit.error.replace(/\.$/, ''));

const TYPE_PHRASES: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  null: 'null',
};

/**
 * The schema object that holds the keyword at `location` (`#/properties/n/minimum`), following
 * the `$ref`s validation followed. Undefined when the path cannot be walked.
 */
function schemaAt(tree: SchemaTree, location: string): Record<string, unknown> | undefined {
  const segments = decodeLocation(location);
  segments.pop();
  let node: unknown = tree.root;
  for (const segment of segments) {
    if (typeof node !== 'object' || node === null) return undefined;
    const object = node as Record<string, unknown>;
    node =
      segment === '$ref'
        ? tree.lookup[String(object.__absolute_ref__ ?? object.$ref)]
        : object[segment];
  }
  return typeof node === 'object' && node !== null ? (node as Record<string, unknown>) : undefined;
}

/** `#/a~1b/0` as ['a/b', '0']: cfworker writes locations as URI-encoded JSON Pointers. */
function decodeLocation(location: string): string[] {
  const pointer = location.replace(/^#/, '');
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((raw) => safeDecode(raw).replace(/~1/g, '/').replace(/~0/g, '~'));
}

function safeDecode(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** ['items', '0', 'name'] as "items[0].name". */
function innerPath(path: readonly string[]): string {
  return path
    .map((segment, i) =>
      /^\d+$/.test(segment) ? `[${segment}]` : i === 0 ? segment : `.${segment}`,
    )
    .join('');
}

function orList(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? 'a value';
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);
