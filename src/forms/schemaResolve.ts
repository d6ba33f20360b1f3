// A subschema as a form reads it: its local `$ref`s followed and its `allOf` merged, so a control
// is chosen from what the value must be rather than from how the schema was written. Validation
// does not use this (inputCheck.ts validates against the schema as written).
import type { JsonSchema, JsonType } from './jsonSchema';

/** `$ref` hops followed for one subschema: a longer chain is a cycle or close enough to one. */
const MAX_REF_HOPS = 16;

/**
 * `schema` with its `$ref` (local JSON Pointers into `root`: `#/$defs/x`, `#`) and `allOf`
 * resolved. A `$ref` that leads nowhere, out of the document, or round in a circle is dropped,
 * leaving the keywords beside it: the form offers JSON there and validation names the problem.
 */
export function resolveSchema(schema: JsonSchema, root: JsonSchema, depth = 0): JsonSchema {
  let current = schema;
  const seen = new Set<string>();
  for (let hop = 0; typeof current.$ref === 'string' && hop < MAX_REF_HOPS; hop++) {
    const ref = current.$ref;
    const siblings = withoutRef(current);
    const target = seen.has(ref) ? undefined : pointer(root, ref);
    seen.add(ref);
    // Keywords beside a $ref (allowed since 2019-09) narrow what it points to.
    current = target ? { ...target, ...siblings } : siblings;
  }
  if (typeof current.$ref === 'string') current = withoutRef(current);
  // An allOf that leads back to itself through a $ref is merged only so far.
  if (Array.isArray(current.allOf) && current.allOf.length > 0 && depth < MAX_REF_HOPS) {
    const { allOf, ...own } = current;
    current = allOf.reduce<JsonSchema>(
      (merged, part) =>
        typeof part === 'object' && part !== null
          ? mergeSchemas(merged, resolveSchema(part, root, depth + 1))
          : merged,
      own,
    );
  }
  return current;
}

function withoutRef(schema: JsonSchema): JsonSchema {
  const rest = { ...schema };
  delete rest.$ref;
  return rest;
}

/** Two schemas a value must both meet, as one: properties and required joined, the rest kept. */
function mergeSchemas(a: JsonSchema, b: JsonSchema): JsonSchema {
  const merged: JsonSchema = { ...b, ...a };
  if (a.properties || b.properties) {
    // In the order they are written; where both have a property, the earlier part's stands.
    merged.properties = { ...a.properties, ...b.properties, ...a.properties };
  }
  if (a.required || b.required) {
    merged.required = [...new Set([...(a.required ?? []), ...(b.required ?? [])])];
  }
  if (a.type === undefined && b.type !== undefined) merged.type = b.type;
  return merged;
}

/** The subschema a local `$ref` names, or undefined (a remote ref, a path that is not there). */
function pointer(root: JsonSchema, ref: string): JsonSchema | undefined {
  if (!ref.startsWith('#')) return undefined;
  let node: unknown = root;
  const path = ref.slice(1);
  if (path === '') return root;
  if (!path.startsWith('/')) return undefined;
  for (const raw of path.slice(1).split('/')) {
    const key = safeDecode(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, key)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return typeof node === 'object' && node !== null && !Array.isArray(node)
    ? (node as JsonSchema)
    : undefined;
}

function safeDecode(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** The types a schema allows, as a list; empty when it does not say. */
export function typesOf(schema: JsonSchema): JsonType[] {
  const declared = schema.type;
  if (Array.isArray(declared)) return declared;
  return declared === undefined ? [] : [declared];
}

/**
 * A nullable schema's other half: `{type: ["string", "null"]}` gives `{type: "string"}`. Undefined
 * when the schema is not "one type or null".
 */
export function nonNullPart(schema: JsonSchema): JsonSchema | undefined {
  const types = typesOf(schema);
  if (types.length !== 2 || !types.includes('null')) return undefined;
  const other = types.find((t) => t !== 'null')!;
  const part: JsonSchema = { ...schema, type: other };
  if (Array.isArray(schema.enum)) part.enum = schema.enum.filter((v) => v !== null);
  if (part.default === null) delete part.default;
  return part;
}

/** The alternatives of a `oneOf` or `anyOf`, when there is a choice to make. */
export function alternativesOf(schema: JsonSchema): JsonSchema[] | undefined {
  const list = Array.isArray(schema.oneOf) ? schema.oneOf : schema.anyOf;
  return Array.isArray(list) && list.length > 0 ? list : undefined;
}

/** A name for an alternative: its title, the const that tells it apart, its type, else "Option n". */
export function alternativeLabel(alternative: JsonSchema, root: JsonSchema, index: number): string {
  const resolved = resolveSchema(alternative, root);
  if (resolved.title) return resolved.title;
  if (typeof alternative.$ref === 'string') {
    const last = alternative.$ref.split('/').pop();
    if (last) return last;
  }
  for (const [name, property] of Object.entries(resolved.properties ?? {})) {
    const constant = resolveSchema(property, root).const;
    if (typeof constant === 'string') return `${name}: ${constant}`;
  }
  const types = typesOf(resolved);
  return types.length > 0 ? types.join(' | ') : `Option ${index + 1}`;
}
