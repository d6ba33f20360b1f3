// Manifests are checked against JSON Schema with Ajv; this turns Ajv's errors into problems a
// person can act on: which field, what it must be, and what it is now. The awaken SkillSpec and
// the astrid Capsule.toml checks share it, and each words the problems in its own voice.
import type { ErrorObject, ValidateFunction } from 'ajv';

type JsonType = 'string' | 'number' | 'integer' | 'boolean' | 'array' | 'object' | 'null';

/** The part of JSON Schema the manifest schemas use, plus the annotations their messages read. */
export interface SchemaNode {
  type?: JsonType | JsonType[];
  enum?: readonly unknown[];
  const?: unknown;
  maxLength?: number;
  required?: readonly string[];
  properties?: Record<string, SchemaNode>;
  additionalProperties?: boolean | SchemaNode;
  propertyNames?: SchemaNode;
  items?: SchemaNode;
  examples?: readonly unknown[];
  /** How the message ends "must be ...", e.g. "a list of strings", when the type says too little. */
  expected?: string;
  /** Said instead of "not <value>" when the value has this JSON type: the usual mistake behind it. */
  hints?: Partial<Record<JsonType, string>>;
  /** The diagnostic rule of problems with this value or anything inside it (Capsule.toml). */
  rule?: string;
  /** The diagnostic rule of keys this object does not know (Capsule.toml). */
  unknownRule?: string;
}

export type Path = (string | number)[];

export interface SchemaProblem {
  /** `other` is a keyword these schemas do not use yet, worded by Ajv. */
  kind: 'missing' | 'unknown' | 'type' | 'enum' | 'tooLong' | 'other';
  /** Where the value is; for a missing or unknown key, where that key is (or would be). */
  path: Path;
  /** The schema of the value; for an unknown key, the schema of the object that holds it. */
  node: SchemaNode;
  /** The nearest `rule` annotation from the root down to the value. */
  rule: string | undefined;
  /** Whether the last key is an entry of a map (additionalProperties), not a named field. */
  isMapEntry: boolean;
  /** The value found; undefined for a missing key. */
  value: unknown;
  /** The values an enum allows, or the keys an object knows. */
  allowed: readonly unknown[];
  limit?: number;
  /** Ajv's own words, for `other`. */
  ajvMessage?: string;
}

/**
 * A check of data against `schema` by `validate`, Ajv's validator of that schema generated ahead
 * of time (src/generated/validators.js, from manifestSchemas.ts): the page compiles no code.
 * `schema` is what the messages read its annotations from.
 */
export function schemaChecker(
  schema: SchemaNode,
  validate: ValidateFunction,
): (data: unknown) => SchemaProblem[] {
  return (data) => (validate(data) ? [] : schemaProblems(validate.errors ?? [], schema, data));
}

/** Ajv's errors as problems: one per value (the first Ajv gives), one per unknown key. */
function schemaProblems(
  errors: readonly ErrorObject[],
  root: SchemaNode,
  data: unknown,
): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    // propertyNames repeats each of its findings as an inner error tagged with the name.
    if (error.propertyName !== undefined) continue;
    const at = decodePointer(error.instancePath, data);
    const params = error.params as Record<string, unknown>;
    let problem: SchemaProblem;
    switch (error.keyword) {
      case 'required':
        problem = problemAt('missing', [...at, String(params.missingProperty)], root, data);
        break;
      case 'additionalProperties':
      case 'propertyNames': {
        const key = String(params.additionalProperty ?? params.propertyName);
        const object = problemAt('unknown', at, root, data);
        problem = { ...object, path: [...at, key], allowed: knownKeys(object.node) };
        break;
      }
      case 'type':
        problem = problemAt('type', at, root, data);
        break;
      case 'enum':
      case 'const': {
        const allowed = error.keyword === 'enum' ? params.allowedValues : [params.allowedValue];
        problem = { ...problemAt('enum', at, root, data), allowed: allowed as unknown[] };
        break;
      }
      case 'maxLength':
        problem = { ...problemAt('tooLong', at, root, data), limit: Number(params.limit) };
        break;
      default:
        // Not used by the manifest schemas yet: Ajv's words are better than nothing.
        problem = {
          ...problemAt('other', at, root, data),
          ajvMessage: error.message ?? 'is wrong',
        };
    }
    const id = JSON.stringify(problem.path);
    if (problem.kind !== 'unknown' && seen.has(id)) continue;
    seen.add(id);
    problems.push(problem);
  }
  return problems;
}

function problemAt(
  kind: SchemaProblem['kind'],
  path: Path,
  root: SchemaNode,
  data: unknown,
): SchemaProblem {
  let node: SchemaNode = root;
  let rule = root.rule;
  let isMapEntry = false;
  let value = data;
  for (const segment of path) {
    const named = typeof segment === 'string' ? node.properties?.[segment] : undefined;
    const entry = typeof node.additionalProperties === 'object' ? node.additionalProperties : {};
    isMapEntry = !named && typeof segment === 'string';
    node = named ?? (typeof segment === 'number' ? (node.items ?? {}) : entry);
    rule = node.rule ?? rule;
    value = isContainer(value) ? (value as Record<string | number, unknown>)[segment] : undefined;
  }
  return { kind, path, node, rule, isMapEntry, value, allowed: [] };
}

function knownKeys(node: SchemaNode): string[] {
  const names = node.propertyNames?.enum?.map(String);
  return names ?? Object.keys(node.properties ?? {});
}

/** `/arguments/0/name` as ['arguments', 0, 'name']: indexes into arrays become numbers. */
function decodePointer(pointer: string, data: unknown): Path {
  if (pointer === '') return [];
  const path: Path = [];
  let value = data;
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const segment = Array.isArray(value) ? Number(key) : key;
    path.push(segment);
    value = isContainer(value) ? (value as Record<string | number, unknown>)[segment] : undefined;
  }
  return path;
}

// --- Wording ---------------------------------------------------------------------------------

/**
 * What is wrong with a value, as the end of a sentence about it: "must be a string, not a number
 * (3)". Formats word missing and unknown keys themselves, as each names its keys its own way.
 */
export function whatIsWrong(problem: SchemaProblem, objectNoun = 'an object'): string {
  const { node, value } = problem;
  switch (problem.kind) {
    case 'type': {
      const hint = node.hints?.[jsonType(value)];
      const expected = node.expected ?? typePhrase(node.type);
      return hint
        ? `must be ${expected}; ${hint}`
        : `must be ${expected}, not ${describeValue(value, objectNoun)}`;
    }
    case 'enum':
      return `must be ${node.expected ?? orList(problem.allowed.map((v) => JSON.stringify(v)))} (${JSON.stringify(value)})`;
    case 'tooLong':
      return `must be at most ${problem.limit} characters (is ${charCount(String(value))})`;
    case 'missing':
      return 'is required';
    case 'unknown':
      return 'is not known here';
    case 'other':
      return problem.ajvMessage ?? 'is wrong';
  }
}

function typePhrase(type: SchemaNode['type']): string {
  const types = (Array.isArray(type) ? type : [type]).filter((t) => t !== 'null');
  const phrases: Record<JsonType, string> = {
    string: 'a string',
    number: 'a number',
    integer: 'a whole number',
    boolean: 'true or false',
    array: 'a list',
    object: 'an object',
    null: 'null',
  };
  return orList(types.map((t) => (t ? phrases[t] : 'a value')));
}

/** A value as a person would name it: "a list", "null", "a number (3)". */
function describeValue(value: unknown, objectNoun = 'an object'): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return objectNoun;
  return `a ${typeof value} (${JSON.stringify(value)})`;
}

function jsonType(value: unknown): JsonType {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value as JsonType;
}

/** `["a", "b", "c"]` as "a, b or c". */
const orList = (items: readonly string[]) => joinList(items, 'or');

/** `["a", "b", "c"]` as "a, b and c". */
export const andList = (items: readonly string[]) => joinList(items, 'and');

function joinList(items: readonly string[], word: string): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${word} ${items[items.length - 1]}`;
}

/** ['arguments', 0, 'name'] as "arguments[0].name"; the root as `root`. */
function fieldPath(path: Path, root = 'value'): string {
  if (path.length === 0) return root;
  return path
    .map((segment, i) =>
      typeof segment === 'number' ? `[${segment}]` : i === 0 ? segment : `.${segment}`,
    )
    .join('');
}

/**
 * Problems in the "field: what is wrong" form. Unknown keys are reported together, once for
 * each object schema, so the list of allowed keys is given once however many there are.
 */
export function fieldMessages(problems: readonly SchemaProblem[], root: string): FieldMessage[] {
  const out: FieldMessage[] = [];
  const unknown = new Map<SchemaNode, SchemaProblem[]>();
  for (const problem of problems) {
    if (problem.kind === 'unknown') {
      const group = unknown.get(problem.node);
      if (group) group.push(problem);
      else unknown.set(problem.node, [problem]);
      continue;
    }
    const { path } = problem;
    const key = path[path.length - 1];
    let message: string;
    if (problem.kind === 'missing') message = `${fieldPath(path, root)}: required`;
    else if (problem.isMapEntry)
      message = `${fieldPath(path.slice(0, -1), root)}: the value of ${JSON.stringify(key)} ${whatIsWrong(problem)}`;
    else message = `${fieldPath(path, root)}: ${whatIsWrong(problem)}`;
    out.push({ path, message });
  }
  for (const group of unknown.values()) {
    const [first] = group;
    const names = group.map((p) => fieldPath(p.path, root)).join(', ');
    const plural = group.length > 1 ? 's' : '';
    out.push({
      path: first!.path.slice(0, -1),
      message: `${names}: unknown field${plural}; the allowed fields are ${first!.allowed.join(', ')}`,
    });
  }
  return out;
}

export interface FieldMessage {
  path: Path;
  message: string;
}

/**
 * Messages in the order of the fields they are about (`fields` is the schema's order), those
 * about the whole object first, then by index within a list; otherwise in the order given.
 */
export function inFieldOrder(
  messages: readonly FieldMessage[],
  fields: readonly string[],
): string[] {
  const rank = ({ path: [field, index] }: FieldMessage) => [
    field === undefined ? -1 : fields.indexOf(String(field)),
    typeof index === 'number' ? index : -1,
  ];
  return messages
    .map((message) => ({ message, rank: rank(message) }))
    .sort((a, b) => a.rank[0]! - b.rank[0]! || a.rank[1]! - b.rank[1]!)
    .map(({ message }) => message.message);
}

const isContainer = (value: unknown): value is object =>
  typeof value === 'object' && value !== null;

/** Characters as Rust's chars().count() and JSON Schema's maxLength count them: code points. */
export const charCount = (value: string) => [...value].length;
