import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fieldsFromSchema } from './fieldModel';
import type { ToolInputSchema } from './jsonSchema';
import { formValue, readJsonView, toForm } from './jsonView';
import { readDrafts } from './readDrafts';
import { draftsFromValue, initialDrafts } from './schemaDraft';

// The e2e fixture's tool: nested objects, an array of objects, enums, a oneOf, $refs.
const order = (
  JSON.parse(
    readFileSync(
      new URL('../../e2e/fixtures/schema-forms/skill-tools.json', import.meta.url),
      'utf8',
    ),
  ) as { tools: Array<{ inputSchema: ToolInputSchema }> }
).tools[0]!.inputSchema;

const ORDER = {
  customer: { name: 'Ada', email: 'ada@example.org', address: { city: 'Berlin', country: 'FR' } },
  lines: [
    { sku: 'XYZ-9', quantity: 5 },
    { sku: 'ABC-1', quantity: 2 },
  ],
  payment: { method: 'invoice', days: 30 },
  note: null,
};

describe('forms from any JSON Schema', () => {
  it('gives each shape its control, following $refs', () => {
    const fields = fieldsFromSchema({ ...order, required: order.required ?? [] });
    expect(fields.map((f) => [f.name, f.kind])).toEqual([
      ['customer', 'object'],
      ['lines', 'array'],
      ['payment', 'choice'],
      ['note', 'nullable'],
    ]);
  });

  it('starts from the defaults, inner ones too, with as many items as minItems asks', () => {
    const fields = fieldsFromSchema(order);
    const value = formValue(fields, initialDrafts(fields));
    expect(value).toEqual({
      customer: { address: { country: 'DE' } },
      lines: [{ quantity: 1 }],
      payment: { method: 'card' },
      note: null,
    });
  });

  it('shows a value and reads it back unchanged, oneOf branch and all', () => {
    const fields = fieldsFromSchema(order);
    const drafts = draftsFromValue(fields, ORDER);
    expect(readDrafts(order, fields, drafts)).toEqual({ ok: true, value: ORDER });
    const card = { ...ORDER, payment: { method: 'card', last4: '4242' }, note: 'hi' };
    expect(readDrafts(order, fields, draftsFromValue(fields, card))).toEqual({
      ok: true,
      value: card,
    });
  });

  it('says what is wrong where it is: inside an item, inside a $ref', () => {
    const fields = fieldsFromSchema(order);
    const bad = {
      ...ORDER,
      customer: { ...ORDER.customer, email: 'nope', address: { city: '' } },
      lines: [{ sku: 'abc', quantity: 0 }],
    };
    const read = readDrafts(order, fields, draftsFromValue(fields, bad));
    expect(read.ok ? {} : read.errors).toEqual({
      'customer.email': 'Must be a valid email.',
      'customer.address.city': 'Required.',
      'lines[0].sku': 'Must match the pattern ^[A-Z]{3}-[0-9]+$.',
      'lines[0].quantity': 'Must be >= 1.',
    });
  });

  it('reads the JSON view as typed, and refuses what does not parse or fit', () => {
    const fields = fieldsFromSchema(order);
    expect(readJsonView(order, fields, JSON.stringify(ORDER))).toEqual({ ok: true, value: ORDER });
    expect(readJsonView(order, fields, '{"lines": [')).toMatchObject({
      ok: false,
      errors: { '': expect.stringContaining('Invalid JSON') },
    });
    const zero = { ...ORDER, lines: [{ sku: 'ABC-1', quantity: 0 }] };
    expect(readJsonView(order, fields, JSON.stringify(zero))).toEqual({
      ok: false,
      errors: { 'lines[0].quantity': 'Must be >= 1.' },
    });
    expect(toForm(fields, { ...ORDER, extra: 1 })).toMatchObject({ ok: false });
  });

  it('keeps keys an object form has no field for, and a number typed wrong as its text', () => {
    const fields = fieldsFromSchema(order);
    const odd = { ...ORDER, customer: { ...ORDER.customer, vip: true } };
    expect(formValue(fields, draftsFromValue(fields, odd))).toEqual(odd);
    const drafts = draftsFromValue(fields, ORDER);
    const lines = drafts.lines as { $items: Array<{ $object: Record<string, unknown> }> };
    lines.$items[0]!.$object.quantity = 'five';
    expect((formValue(fields, drafts).lines as unknown[])[0]).toEqual({
      sku: 'XYZ-9',
      quantity: 'five',
    });
    expect(readDrafts(order, fields, drafts)).toMatchObject({
      ok: false,
      errors: { 'lines[0].quantity': '"five" is not a number.' },
    });
  });

  it('merges allOf and stops a schema that refers to itself at a depth, as JSON', () => {
    const tree: ToolInputSchema = {
      type: 'object',
      $defs: {
        node: {
          type: 'object',
          properties: { label: { type: 'string' }, child: { $ref: '#/$defs/node' } },
          required: ['child'],
        },
        loop: { $ref: '#/$defs/loop' },
      },
      properties: {
        root: { $ref: '#/$defs/node' },
        both: {
          allOf: [
            { type: 'object', properties: { a: { type: 'string' } }, required: ['a'] },
            { properties: { b: { type: 'integer' } } },
          ],
        },
        loop: { $ref: '#/$defs/loop' },
      },
      required: [],
    };
    const [root, both, loop] = fieldsFromSchema(tree);
    expect(both).toMatchObject({ kind: 'object', schema: { required: ['a'] } });
    expect(Object.keys(both!.schema.properties!)).toEqual(['a', 'b']);
    expect(loop!.kind).toBe('json');
    // Each level is a fieldset until the depth limit, where the rest is one JSON field.
    let drafts = initialDrafts([root!]).root as { $object: Record<string, unknown> };
    let levels = 0;
    while (typeof drafts === 'object' && drafts !== null && '$object' in drafts) {
      drafts = drafts.$object.child as typeof drafts;
      levels++;
    }
    expect(levels).toBe(8);
    expect(drafts).toBe('');
  });
});

describe('schemas that would never end', () => {
  it('builds a form for an allOf that leads back to itself, and for one 10,000 levels deep', () => {
    const loop: ToolInputSchema = {
      type: 'object',
      $defs: { a: { allOf: [{ $ref: '#/$defs/a' }, { properties: { x: { type: 'string' } } }] } },
      properties: { v: { $ref: '#/$defs/a' } },
      required: [],
    };
    expect(fieldsFromSchema(loop).map((f) => f.name)).toEqual(['v']);
    let deep: Record<string, unknown> = { type: 'number' };
    for (let i = 0; i < 10_000; i++) deep = { allOf: [deep] };
    const tool = { type: 'object', properties: { n: deep }, required: [] } as ToolInputSchema;
    const fields = fieldsFromSchema(tool);
    expect(fields.map((f) => [f.name, f.kind])).toEqual([['n', 'json']]);
    expect(readDrafts(tool, fields, initialDrafts(fields))).toMatchObject({ ok: false });
  });
});

describe('a problem inside a oneOf', () => {
  it('is said at the field of the chosen alternative, not as "match one of the forms"', () => {
    const fields = fieldsFromSchema(order);
    const card = { ...ORDER, payment: { method: 'card', last4: '12' } };
    const read = readDrafts(order, fields, draftsFromValue(fields, card));
    expect(read.ok ? {} : read.errors).toEqual({
      'payment.last4': 'Must match the pattern ^[0-9]{4}$.',
    });
  });
});
