import Ajv from 'ajv';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type DraftValue, fieldsFromSchema } from './fieldModel';
import { draftFromValue } from './schemaDraft';
import type { ToolInputSchema } from './jsonSchema';
import { FORM_ERROR_KEY, readDrafts } from './readDrafts';

const tool = (schema: object): ToolInputSchema =>
  ({ type: 'object', required: [], ...schema }) as unknown as ToolInputSchema;

/** The errors readDrafts gives for `value`, each field's JSON typed into its control(s). */
function errorsFor(schema: ToolInputSchema, value: Record<string, unknown>) {
  const fields = fieldsFromSchema(schema);
  const drafts: Record<string, DraftValue> = Object.fromEntries(
    fields.map((field): [string, DraftValue] => {
      const v = value[field.name];
      if (v === undefined) return [field.name, field.kind === 'checkbox' ? false : ''];
      if (field.kind === 'checkbox' || field.kind === 'list') return [field.name, v as DraftValue];
      if (['object', 'array', 'choice', 'nullable'].includes(field.kind)) {
        return [field.name, draftFromValue(field, v)];
      }
      return [field.name, typeof v === 'string' ? v : JSON.stringify(v)];
    }),
  );
  const read = readDrafts(schema, fields, drafts);
  return read.ok ? {} : read.errors;
}

describe("a tool's input checked against its schema, without compiling code", () => {
  afterEach(() => vi.restoreAllMocks());

  it('words each keyword from the schema, beside its field', () => {
    const schema = tool({
      properties: {
        name: { type: 'string', minLength: 3, pattern: '^[a-z]+$' },
        count: { type: 'integer', minimum: 1, maximum: 9 },
        mode: { enum: ['fast', 'slow'] },
        ratio: { type: 'number', exclusiveMaximum: 1 },
        data: { type: 'object', properties: { x: { type: 'number' } }, required: ['x', 'y'] },
        tags: { type: 'array', items: { type: 'string' }, minItems: 2 },
      },
      required: ['name', 'mode'],
    });
    expect(errorsFor(schema, { count: 12, ratio: 1, data: { x: 1 }, tags: ['a'] })).toEqual({
      name: 'Required.',
      mode: 'Required.',
      count: 'Must be <= 9.',
      ratio: 'Must be < 1.',
      data: 'data.y: required.',
      tags: 'Needs at least 2 items.',
    });
    expect(
      errorsFor(schema, { name: 'ab', mode: 'quick', data: { x: 'a', y: 1 }, tags: ['a', 'b'] }),
    ).toEqual({
      name: 'Must be at least 3 characters long.',
      mode: 'Must be one of: fast, slow.',
      'data.x': '"a" is not a number.',
    });
    expect(errorsFor(schema, { name: 'ABC', mode: 'fast', tags: ['a', 'b'] })).toEqual({
      name: 'Must match the pattern ^[a-z]+$.',
    });
  });

  it('names the place inside a JSON value, through $refs', () => {
    const schema = tool({
      $defs: { point: { type: 'object', properties: { y: { type: 'number', minimum: 0 } } } },
      properties: { points: { type: 'array', items: { $ref: '#/$defs/point' } } },
    });
    expect(errorsFor(schema, { points: [{ y: 1 }, { y: -2 }] })).toEqual({
      'points[1].y': 'Must be >= 0.',
    });
  });

  it('reads the draft a schema names: 2020-12 prefixItems, draft-04 boolean exclusiveMinimum', () => {
    const modern = tool({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      properties: {
        pair: { type: 'array', prefixItems: [{ type: 'string' }, { type: 'number' }] },
      },
    });
    expect(errorsFor(modern, { pair: ['a', 'b'] })).toEqual({ pair: 'pair[1]: must be a number.' });
    const old = tool({
      $schema: 'http://json-schema.org/draft-04/schema#',
      properties: { n: { type: 'number', minimum: 0, exclusiveMinimum: true } },
    });
    expect(errorsFor(old, { n: 0 })).toEqual({ n: 'Must be > 0.' });
  });

  it('says what the whole input lacks when no field is to blame', () => {
    const schema = tool({
      properties: { a: { type: 'string' }, b: { type: 'string' } },
      anyOf: [{ required: ['a'] }, { required: ['b'] }],
    });
    expect(errorsFor(schema, {})).toEqual({
      [FORM_ERROR_KEY]: 'The input must match one of the forms allowed here (anyOf).',
    });
    expect(errorsFor(schema, { b: 'x' })).toEqual({});
  });

  it('names a schema it cannot use instead of misreading it', () => {
    const broken = tool({ properties: { n: { type: 'number', minimum: 'ten' } } });
    expect(errorsFor(broken, { n: 3 })).toEqual({
      [FORM_ERROR_KEY]:
        "This tool's input schema cannot be used to check its input: /properties/n/minimum must be number.",
    });
    const dangling = tool({ properties: { n: { $ref: '#/$defs/missing' } } });
    expect(errorsFor(dangling, { n: 3 })).toEqual({
      [FORM_ERROR_KEY]:
        'This tool\'s input schema cannot be used to check its input: Unresolved $ref "#/$defs/missing".',
    });
  });

  it('names an $id it cannot resolve against instead of throwing', () => {
    const odd = tool({ $id: 'http://[oops', properties: { n: { type: 'number' } } });
    expect(errorsFor(odd, { n: 1 })[FORM_ERROR_KEY]).toMatch(
      /^This tool's input schema cannot be used to check its input: /,
    );
  });

  it('compiles nothing: no Ajv compile, so the page needs no eval', () => {
    const compile = vi.spyOn(Ajv.prototype, 'compile');
    const schema = tool({ properties: { n: { type: 'number', maximum: 2 } } });
    expect(errorsFor(schema, { n: 3 })).toEqual({ n: 'Must be <= 2.' });
    expect(compile).not.toHaveBeenCalled();
  });

  it('leaves the schema the form reads as it was', () => {
    const schema = tool({
      $defs: { s: { type: 'string' } },
      properties: { a: { $ref: '#/$defs/s' } },
    });
    const before = JSON.stringify(schema);
    errorsFor(schema, { a: 1 });
    expect(JSON.stringify(schema)).toBe(before);
  });
});
