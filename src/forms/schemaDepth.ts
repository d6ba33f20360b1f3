/**
 * How deep a tool's input schema may nest before the playground stops: deeper than this and Ajv's
 * compiler (and anything else that recurses over the schema) can run out of stack. Real tool
 * schemas nest a handful of levels.
 */
export const MAX_SCHEMA_DEPTH = 32;

export const SCHEMA_TOO_DEEP = `This tool's input schema nests deeper than ${MAX_SCHEMA_DEPTH} levels; the playground does not build a form for it.`;

// Keywords whose value holds subschemas by name or in a list: the holder itself is no level.
const SCHEMA_MAPS = new Set([
  'properties',
  'patternProperties',
  'dependentSchemas',
  '$defs',
  'definitions',
]);
const SCHEMA_LISTS = new Set(['allOf', 'anyOf', 'oneOf', 'prefixItems', 'items']);

/**
 * Whether a schema nests more than `limit` levels: each subschema is a level, and so is every
 * object or array inside any other keyword (`default`, `enum`, unknown ones), so nothing nested
 * escapes the count. The walk keeps its own stack and stops at the limit, so a 10,000-level
 * schema costs no more than a 33-level one.
 */
export function schemaNestsDeeperThan(schema: unknown, limit = MAX_SCHEMA_DEPTH): boolean {
  const stack: Array<[node: unknown, level: number]> = [[schema, 0]];
  while (stack.length > 0) {
    const [node, level] = stack.pop()!;
    if (typeof node !== 'object' || node === null) continue;
    if (level > limit) return true;
    if (Array.isArray(node)) {
      for (const item of node) stack.push([item, level + 1]);
      continue;
    }
    for (const [key, child] of Object.entries(node)) {
      if (typeof child !== 'object' || child === null) continue;
      if (SCHEMA_MAPS.has(key) && !Array.isArray(child)) {
        for (const sub of Object.values(child)) stack.push([sub, level + 1]);
      } else if (SCHEMA_LISTS.has(key) && Array.isArray(child)) {
        for (const sub of child) stack.push([sub, level + 1]);
      } else stack.push([child, level + 1]);
    }
  }
  return false;
}
