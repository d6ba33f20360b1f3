import { describe, expect, it } from 'vitest';
import { fieldsFromSchema } from './fieldModel';
import { initialDrafts } from './schemaDraft';
import type { JsonSchema, ToolInputSchema } from './jsonSchema';
import { FORM_ERROR_KEY, readDrafts } from './readDrafts';
import { MAX_SCHEMA_DEPTH, SCHEMA_TOO_DEEP, schemaNestsDeeperThan } from './schemaDepth';

/** A tool whose `deep` property nests `levels` subschemas below the tool's own schema. */
function nested(levels: number, via: 'properties' | 'items'): ToolInputSchema {
  let schema: JsonSchema = { type: 'string', default: 'x' };
  for (let i = 1; i < levels; i++) {
    schema =
      via === 'items'
        ? { type: 'array', items: schema }
        : { type: 'object', properties: { inner: schema } };
  }
  return {
    type: 'object',
    properties: { deep: schema, plain: { type: 'string' } },
    required: [],
  };
}

describe('schema depth', () => {
  it('counts subschemas as levels, not the maps and lists that hold them', () => {
    expect(schemaNestsDeeperThan(nested(MAX_SCHEMA_DEPTH, 'properties'))).toBe(false);
    expect(schemaNestsDeeperThan(nested(MAX_SCHEMA_DEPTH + 1, 'properties'))).toBe(true);
    expect(schemaNestsDeeperThan(nested(MAX_SCHEMA_DEPTH, 'items'))).toBe(false);
    expect(schemaNestsDeeperThan(nested(MAX_SCHEMA_DEPTH + 1, 'items'))).toBe(true);
  });

  it('counts what nests inside any keyword, defaults and unknown ones included', () => {
    let value: unknown = 1;
    for (let i = 0; i < 100; i++) value = { a: value };
    expect(schemaNestsDeeperThan({ type: 'object', default: value })).toBe(true);
    expect(schemaNestsDeeperThan({ type: 'object', 'x-extra': [[[[[value]]]]] })).toBe(true);
  });

  it('walks a 100,000-level schema without overflowing', () => {
    expect(schemaNestsDeeperThan(nested(100_000, 'properties'))).toBe(true);
  });
});

describe('a tool whose schema nests 10,000 levels', () => {
  const schema = nested(10_000, 'properties');
  const fields = fieldsFromSchema(schema);

  it('gets a form whose starting values build without printing a deep default', () => {
    let value: unknown = 1;
    for (let i = 0; i < 100_000; i++) value = { a: value };
    const withDefault = {
      ...schema,
      properties: { ...schema.properties, deep: { default: value } },
    };
    expect(initialDrafts(fieldsFromSchema(withDefault))).toEqual({ deep: '', plain: '' });
  });

  it('is refused at Run with a sentence beside the field that nests too deep', () => {
    expect(readDrafts(schema, fields, { deep: '{}', plain: 'x' })).toEqual({
      ok: false,
      errors: { deep: SCHEMA_TOO_DEEP },
    });
    expect(SCHEMA_TOO_DEEP).toBe(
      "This tool's input schema nests deeper than 32 levels; the playground does not build a form for it.",
    );
  });

  it('says so for the whole form when the depth is outside its fields', () => {
    let deep: JsonSchema = {};
    for (let i = 0; i < 10_000; i++) deep = { allOf: [deep] } as JsonSchema;
    const tool = { ...deep, type: 'object', properties: {}, required: [] } as ToolInputSchema;
    expect(readDrafts(tool, [], {})).toEqual({
      ok: false,
      errors: { [FORM_ERROR_KEY]: SCHEMA_TOO_DEEP },
    });
  });
});

describe('a schema Ajv cannot compile', () => {
  it('is named at Run instead of throwing', () => {
    const schema = {
      type: 'object',
      properties: { n: { type: 'number', minimum: 'ten' } },
      required: [],
    } as unknown as ToolInputSchema;
    const read = readDrafts(schema, fieldsFromSchema(schema), { n: '3' });
    expect(read.ok).toBe(false);
    expect(!read.ok && read.errors[FORM_ERROR_KEY]).toMatch(
      /^This tool's input schema cannot be used to check its input: /,
    );
  });
});
