import { describe, expect, it } from 'vitest';
import type { ToolInputSchema } from '../forms';
import {
  redactArguments,
  scrubSecrets,
  secretFields,
  SECRET_MARKER,
  withoutSecretDrafts,
} from './secretArguments';
import type { Tool } from './tool';

const schema: ToolInputSchema = {
  type: 'object',
  properties: {
    name: { type: 'string' },
    token: { type: 'string', writeOnly: true },
    login: {
      type: 'object',
      properties: { user: { type: 'string' }, password: { type: 'string', format: 'password' } },
    },
    keys: { type: 'array', items: { type: 'string', writeOnly: true } },
  },
  required: [],
};
const tool: Tool = {
  name: 'call',
  description: '',
  schema,
  call: { kind: 'skill-engine' },
  origin: 'get-tools',
};

describe('secret arguments', () => {
  it('are named from the schema: writeOnly and the password format, at any depth', () => {
    expect(secretFields(tool)).toEqual(['token', 'login', 'keys']);
  });

  it('are replaced at any depth, and collected', () => {
    const secrets: unknown[] = [];
    const kept = redactArguments(
      schema,
      {
        name: 'Ada',
        token: 'tok-123',
        login: { user: 'ada', password: 'hunter22' },
        keys: ['k1', 'k2'],
      },
      secrets,
    );
    expect(kept).toEqual({
      name: 'Ada',
      token: SECRET_MARKER,
      login: { user: 'ada', password: SECRET_MARKER },
      keys: [SECRET_MARKER, SECRET_MARKER],
    });
    expect(secrets).toEqual(['tok-123', 'hunter22', 'k1', 'k2']);
  });

  it('are found through $ref and in a oneOf choice', () => {
    const referenced: ToolInputSchema = {
      type: 'object',
      $defs: { key: { type: 'string', writeOnly: true } },
      properties: {
        auth: {
          oneOf: [
            { type: 'object', properties: { user: { type: 'string' } } },
            { type: 'object', properties: { apiKey: { $ref: '#/$defs/key' } } },
          ],
        },
        plain: { type: 'string' },
      },
      required: [],
    };
    const secrets: unknown[] = [];
    expect(
      redactArguments(referenced, { auth: { apiKey: 'k-9999' }, plain: 'p' }, secrets),
    ).toEqual({ auth: { apiKey: SECRET_MARKER }, plain: 'p' });
    expect(secrets).toEqual(['k-9999']);
    expect(secretFields({ ...tool, schema: referenced })).toEqual(['auth']);
  });

  it('leave the form’s drafts, which keep every other field as it is', () => {
    expect(
      withoutSecretDrafts(tool, { name: 'Ada', token: 'tok-123', login: '{}', keys: ['a'] }),
    ).toEqual({
      name: 'Ada',
    });
  });

  it('are scrubbed from any text a run printed, deep in a record', () => {
    const record = { stdout: 'token=tok-123\n', nested: [{ out: 'x tok-123 y' }], n: 3 };
    expect(scrubSecrets(record, ['tok-123', 'ab'])).toEqual({
      stdout: `token=${SECRET_MARKER}\n`,
      nested: [{ out: `x ${SECRET_MARKER} y` }],
      n: 3,
    });
  });
});
