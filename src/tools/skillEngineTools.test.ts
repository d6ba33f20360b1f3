import { describe, expect, it } from 'vitest';
import { fieldsFromSchema, initialDrafts, readDrafts } from '../forms';
import type { SkillParameter } from '../runtime';
import { toSkillEngineArgs } from './skillEngineArgs';
import { schemaFromSkillParameters } from './skillEngineTools';

const params: SkillParameter[] = [
  { name: 'title', paramType: 'string', description: 'A title', required: true },
  {
    name: 'count',
    paramType: 'number',
    description: '',
    required: false,
    defaultValue: '3',
    validation: { minimum: 1 },
  },
  { name: 'loud', paramType: 'boolean', description: '', required: false, defaultValue: 'true' },
  { name: 'data', paramType: 'json', description: '', required: false, defaultValue: '{"a":1}' },
  { name: 'tags', paramType: 'array', description: '', required: false, defaultValue: 'x, y' },
  { name: 'doc', paramType: 'file', description: '', required: false },
  { name: 'token', paramType: 'secret', description: '', required: false },
];

describe('skill-engine parameters as JSON Schema', () => {
  const schema = schemaFromSkillParameters(params);

  it('gives each paramType its JSON Schema type, with typed defaults', () => {
    expect(schema.required).toEqual(['title']);
    expect(schema.properties).toMatchObject({
      title: { type: 'string', description: 'A title' },
      count: { type: 'number', default: 3, minimum: 1 },
      loud: { type: 'boolean', default: true },
      data: { contentMediaType: 'application/json', default: { a: 1 } },
      tags: { type: 'array', items: { type: 'string' }, default: ['x', 'y'] },
      doc: { type: 'string', format: 'binary' },
      token: { type: 'string', writeOnly: true },
    });
  });

  it('chooses the right control for each parameter', () => {
    expect(fieldsFromSchema(schema).map((f) => [f.name, f.kind, f.required])).toEqual([
      ['title', 'text', true],
      ['count', 'number', false],
      ['loud', 'checkbox', false],
      ['data', 'json', false],
      ['tags', 'list', false],
      ['doc', 'file', false],
      ['token', 'secret', false],
    ]);
  });

  it('prefills defaults in the form each control holds', () => {
    expect(initialDrafts(fieldsFromSchema(schema))).toEqual({
      title: '',
      count: '3',
      loud: true,
      data: '{\n  "a": 1\n}',
      tags: ['x', 'y'],
      doc: null,
      token: '',
    });
  });
});

describe('reading a filled form', () => {
  const schema = schemaFromSkillParameters(params);
  const fields = fieldsFromSchema(schema);
  const drafts = initialDrafts(fields);

  it('reports each problem beside its field', () => {
    const result = readDrafts(schema, fields, { ...drafts, count: 'abc', data: '{oops' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors).sort()).toEqual(['count', 'data', 'title']);
    expect(result.errors.title).toBe('Required.');
    expect(result.errors.count).toContain('not a number');
    expect(result.errors.data).toContain('Invalid JSON');
  });

  it('applies schema constraints such as minimum', () => {
    const result = readDrafts(schema, fields, { ...drafts, title: 't', count: '0' });
    expect(result).toMatchObject({ ok: false, errors: { count: 'Must be >= 1.' } });
  });

  it('encodes values the way skill-engine sends them: every value a string', () => {
    const result = readDrafts(schema, fields, {
      ...drafts,
      title: 'Hi',
      tags: ['a', '', 'b'],
      doc: { name: 'f.txt', size: 5, content: 'hello' },
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(toSkillEngineArgs(fields, result.value)).toEqual({
      title: 'Hi',
      count: '3',
      loud: 'true',
      data: '{"a":1}',
      tags: '["a","b"]',
      doc: 'hello',
    });
  });
});
