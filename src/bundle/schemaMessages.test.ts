import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { MANIFEST_AJV_OPTIONS, SCHEMA_ANNOTATIONS } from './manifestSchemas';
import {
  fieldMessages,
  inFieldOrder,
  schemaChecker,
  whatIsWrong,
  type SchemaNode,
} from './schemaMessages';

const SCHEMA: SchemaNode = {
  type: 'object',
  required: ['title'],
  additionalProperties: false,
  properties: {
    title: { type: 'string', maxLength: 5 },
    mode: { enum: ['fast', 'slow'] },
    tags: { type: 'array', items: { type: 'string' }, expected: 'a list of strings' },
    labels: { type: 'object', additionalProperties: { type: 'string' } },
    steps: {
      type: 'array',
      hints: { string: 'write one step per list item' },
      items: {
        type: 'object',
        additionalProperties: false,
        properties: { run: { type: 'string' }, quiet: { type: 'boolean' } },
      },
    },
  },
};

// The manifests' validators are generated ahead of time with these options; a test's schema is
// compiled here, in Node, the same way.
const ajv = new Ajv(MANIFEST_AJV_OPTIONS).addVocabulary(SCHEMA_ANNOTATIONS);
const checkerOf = (schema: SchemaNode) => schemaChecker(schema, ajv.compile(schema));

const check = checkerOf(SCHEMA);
const messages = (data: unknown) => fieldMessages(check(data), 'config').map((m) => m.message);

describe('schema errors as sentences', () => {
  it('finds nothing wrong with data that fits', () => {
    expect(check({ title: 'ok', mode: 'fast', steps: [{ run: 'a', quiet: true }] })).toEqual([]);
  });

  it('names the field, what it must be and what it is', () => {
    expect(messages({ title: 3, tags: 'a b', mode: 'quick' })).toEqual([
      'title: must be a string, not a number (3)',
      'mode: must be "fast" or "slow" ("quick")',
      'tags: must be a list of strings, not a string ("a b")',
    ]);
  });

  it('counts a maximum length in characters, as people do', () => {
    expect(messages({ title: '技能技能技能' })).toEqual([
      'title: must be at most 5 characters (is 6)',
    ]);
  });

  it('says true or false for booleans, and gives the index of a list item', () => {
    expect(messages({ title: 't', steps: [{ run: 'a' }, { quiet: 'yes' }] })).toEqual([
      'steps[1].quiet: must be true or false, not a string ("yes")',
    ]);
  });

  it('names a map entry by its key, and a missing field as required', () => {
    expect(messages({ labels: { owner: 'me', size: 2 } })).toEqual([
      'title: required',
      'labels: the value of "size" must be a string, not a number (2)',
    ]);
  });

  it('gives the usual mistake instead of the value when the schema knows it', () => {
    expect(messages({ title: 't', steps: 'build test' })).toEqual([
      'steps: must be a list; write one step per list item',
    ]);
  });

  it('names the root when the data is not an object at all', () => {
    expect(messages([])).toEqual(['config: must be an object, not a list']);
  });

  it('lists unknown fields of one kind together and the allowed fields once', () => {
    const data = { title: 't', color: 1, size: 2, steps: [{ run: 'a', env: {} }, { cwd: '.' }] };
    expect(messages(data)).toEqual([
      'color, size: unknown fields; the allowed fields are title, mode, tags, labels, steps',
      'steps[0].env, steps[1].cwd: unknown fields; the allowed fields are run, quiet',
    ]);
  });

  it('orders messages by field, those about the whole object first', () => {
    const found = [
      { path: ['steps', 1], message: 'b' },
      { path: ['title'], message: 'c' },
      { path: ['steps', 0], message: 'a' },
      { path: [], message: 'first' },
    ];
    expect(inFieldOrder(found, ['title', 'steps'])).toEqual(['first', 'c', 'a', 'b']);
  });

  it('falls back to Ajv wording for a keyword the messages do not know', () => {
    const checkItems = checkerOf({ type: 'array', maxItems: 1 } as SchemaNode);
    const [problem] = checkItems([1, 2]);
    expect(problem?.kind).toBe('other');
    expect(whatIsWrong(problem!)).toBe('must NOT have more than 1 items');
  });
});
