// Every way a tool declares its input ends as JSON Schema, and from there as one form model.
import { describe, expect, it } from 'vitest';
import { parseCapsuleManifest } from '../bundle';
import { draftsFromValue, fieldsFromSchema, readDrafts, type ToolInputSchema } from '../forms';
import { capsuleTools } from './capsuleTools';
import { commandTools } from './commandTools';
import { schemaFromSkillParameters } from './skillEngineTools';
import { schemaFromSkillArguments } from './skillSpecArguments';

const enc = new TextEncoder();
const files = (entries: Record<string, string>) =>
  new Map(Object.entries(entries).map(([p, t]) => [p, enc.encode(t)]));

/** The kind of control each field gets, inner fields of objects included. */
const kinds = (schema: ToolInputSchema) =>
  Object.fromEntries(fieldsFromSchema(schema).map((f) => [f.name, f.kind]));

/** A value shown in the form and read back, as Run reads it. */
const roundTrip = (schema: ToolInputSchema, value: Record<string, unknown>) => {
  const fields = fieldsFromSchema(schema);
  return readDrafts(schema, fields, draftsFromValue(fields, value));
};

describe('declarations as JSON Schema', () => {
  it('maps all six skill-engine types (and secret) to types and controls', () => {
    const schema = schemaFromSkillParameters(
      (['string', 'number', 'boolean', 'array', 'json', 'file', 'secret'] as const).map(
        (paramType) => ({ name: paramType, paramType, description: '', required: false }),
      ),
    );
    expect(schema.properties).toEqual({
      string: { type: 'string' },
      number: { type: 'number' },
      boolean: { type: 'boolean' },
      array: { type: 'array', items: { type: 'string' } },
      json: { contentMediaType: 'application/json' },
      file: { type: 'string', format: 'binary' },
      secret: { type: 'string', writeOnly: true },
    });
    expect(kinds(schema)).toEqual({
      string: 'text',
      number: 'number',
      boolean: 'checkbox',
      array: 'list',
      json: 'json',
      file: 'file',
      secret: 'secret',
    });
  });

  it('takes a Capsule.toml input_schema whole: nested objects, enums and $ref', () => {
    const toml = `
[package]
name = "shop"
version = "0.1.0"

[[component]]
id = "shop"
file = "bin/shop.wasm"

[[tool]]
name = "ship"
description = "Ships a parcel."
[tool.input_schema]
type = "object"
required = ["to", "speed"]
[tool.input_schema."$defs".address]
type = "object"
required = ["city"]
properties = { city = { type = "string" }, zip = { type = "string", pattern = "^[0-9]{5}$" } }
[tool.input_schema.properties]
speed = { type = "string", enum = ["slow", "fast"] }
to = { "$ref" = "#/$defs/address" }
parcel = { type = "object", properties = { kg = { type = "number", minimum = 0 }, fragile = { type = "boolean" } } }
`;
    const { manifest, diagnostics } = parseCapsuleManifest(toml, new Set(['bin/shop.wasm']));
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const [ship] = capsuleTools(manifest!, [
      { component: manifest!.components[0]!, bytes: enc.encode('\0asm') },
    ]);
    expect(ship!.schema.properties.to).toEqual({ $ref: '#/$defs/address' });
    expect(kinds(ship!.schema)).toEqual({ speed: 'select', to: 'object', parcel: 'object' });
    const value = {
      speed: 'fast',
      to: { city: 'Utrecht', zip: '35121' },
      parcel: { kg: 2, fragile: true },
    };
    expect(roundTrip(ship!.schema, value)).toEqual({ ok: true, value });
    expect(roundTrip(ship!.schema, { ...value, to: { city: 'Utrecht', zip: 'x' } })).toMatchObject({
      ok: false,
      errors: { 'to.zip': 'Must match the pattern ^[0-9]{5}$.' },
    });
  });

  it('takes a sidecar manifest inputSchema whole, oneOf and arrays of objects included', () => {
    const inputSchema = {
      type: 'object',
      properties: {
        rows: { type: 'array', items: { type: 'object', properties: { n: { type: 'integer' } } } },
        shape: {
          oneOf: [
            {
              title: 'circle',
              type: 'object',
              properties: { r: { type: 'number' } },
              required: ['r'],
            },
            {
              title: 'square',
              type: 'object',
              properties: { side: { type: 'number' } },
              required: ['side'],
            },
          ],
        },
      },
      required: ['shape'],
    };
    const sidecar = JSON.stringify({ version: 1, tools: [{ name: 'draw', inputSchema }] });
    const { tools } = commandTools(files({ 'skill.wasm': '', 'skill-tools.json': sidecar }), null);
    expect(tools[0]!.schema).toMatchObject(inputSchema);
    expect(kinds(tools[0]!.schema)).toEqual({ rows: 'array', shape: 'choice' });
    const value = { rows: [{ n: 1 }, { n: 2 }], shape: { side: 3 } };
    expect(roundTrip(tools[0]!.schema, value)).toEqual({ ok: true, value });
  });

  it('gives OpenSkills actions their required and optional inputs as strings, nothing more', () => {
    const { tools } = commandTools(files({ 'wasm/skill.wasm': '' }), {
      actions: [
        {
          id: 'greet',
          target: { type: 'wasm', path: 'wasm/skill.wasm' },
          input: { required: ['name'], optional: ['punctuation'] },
        },
      ],
    });
    expect(tools[0]!.schema).toEqual({
      type: 'object',
      properties: { name: { type: 'string' }, punctuation: { type: 'string' } },
      required: ['name'],
      additionalProperties: false,
    });
  });

  it('gives SkillSpec arguments as strings, required as declared, nothing undeclared', () => {
    const schema = schemaFromSkillArguments([
      { name: 'topic', description: 'What to research', required: true },
      { name: 'depth', description: '', required: false },
    ]);
    expect(schema).toEqual({
      type: 'object',
      properties: {
        topic: { type: 'string', description: 'What to research' },
        depth: { type: 'string' },
      },
      required: ['topic'],
      additionalProperties: false,
    });
    expect(roundTrip(schema, { depth: 'deep' })).toEqual({
      ok: false,
      errors: { topic: 'Required.' },
    });
  });
});
