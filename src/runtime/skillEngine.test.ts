import { describe, expect, it } from 'vitest';
import { parseMetadata, parseTools, parseToolResult, parseValidateResult } from './skillEngine';

describe('parseToolResult reads every shape real skill-engine skills return', () => {
  it.each([
    [
      'the runtime contract',
      '{"ok":{"success":true,"output":"hi","errorMessage":null}}',
      true,
      'hi',
      null,
    ],
    ['an object instead of a string', { ok: { success: true, output: 'hi' } }, true, 'hi', null],
    [
      'a bare record, as the shipped examples return',
      { success: true, output: 'hi', errorMessage: null },
      true,
      'hi',
      null,
    ],
    ['an err wrapper', '{"err":"boom"}', false, '', 'boom'],
    [
      'error instead of errorMessage',
      { success: false, error: 'bad input' },
      false,
      '',
      'bad input',
    ],
    ['success as a string', { success: 'true', output: 'x' }, true, 'x', null],
    ['success defaulting to true', { output: 'x' }, true, 'x', null],
    ['an ok wrapper around a plain string', '{"ok":"plain"}', true, 'plain', null],
  ])('%s', (_, raw, success, output, errorMessage) => {
    expect(parseToolResult(raw)).toMatchObject({ success, output, errorMessage });
  });

  it('gives a failure without a message a message', () => {
    expect(parseToolResult({ success: false }).errorMessage).toMatch(/without a message/);
  });

  it('shows non-JSON text as output, with a note', () => {
    expect(parseToolResult('hello')).toMatchObject({ success: true, output: 'hello' });
    expect(parseToolResult('hello').formatNote).toBeDefined();
  });

  it('stringifies structured output', () => {
    expect(parseToolResult({ success: true, output: { a: 1 } }).output).toBe('{"a":1}');
  });
});

describe('parseTools', () => {
  it('reads the wire form and fills what is optional', () => {
    const tools = parseTools(
      JSON.stringify([
        {
          name: 'hello',
          description: 'Greet',
          parameters: [
            { name: 'name', paramType: 'string', description: 'Name', required: true },
            { name: 'n', paramType: 'number', required: false, defaultValue: 1 },
          ],
        },
        { name: 'bare' },
      ]),
    );
    expect(tools).toEqual([
      {
        name: 'hello',
        description: 'Greet',
        parameters: [
          { name: 'name', paramType: 'string', description: 'Name', required: true },
          { name: 'n', paramType: 'number', description: '', required: false, defaultValue: '1' },
        ],
      },
      { name: 'bare', description: '', parameters: [] },
    ]);
  });

  it('accepts an ok wrapper, the host-side "type" key, and treats unknown types as strings', () => {
    const [tool] = parseTools({
      ok: [
        {
          name: 't',
          parameters: [
            { name: 'a', type: 'JSON' },
            { name: 'b', paramType: 'enum' },
          ],
        },
      ],
    });
    expect(tool!.parameters.map((p) => p.paramType)).toEqual(['json', 'string']);
  });

  it('explains what is wrong with malformed tool lists', () => {
    expect(() => parseTools('{"not":"a list"}')).toThrow(/JSON array/);
    expect(() => parseTools('[{"description":"no name"}]')).toThrow(/Tool 1 .* no name/);
    expect(() => parseTools('not json')).toThrow(/did not return JSON/);
    expect(() => parseTools('{"err":"no tools today"}')).toThrow(/no tools today/);
  });
});

describe('parseMetadata', () => {
  it('falls back where skill-engine does', () => {
    expect(parseMetadata('{}', 'folder-name')).toEqual({
      name: 'folder-name',
      version: '0.0.0',
      description: '',
      author: '',
    });
    expect(
      parseMetadata({ ok: { name: 'x', version: '2.0.0', license: 'MIT' } }, 'f'),
    ).toMatchObject({
      name: 'x',
      version: '2.0.0',
      license: 'MIT',
    });
  });
});

describe('parseValidateResult', () => {
  it('fails only on an error', () => {
    expect(parseValidateResult('{"ok":null}')).toEqual({ valid: true });
    expect(parseValidateResult('{"err":"missing token"}')).toEqual({
      valid: false,
      message: 'missing token',
    });
    expect(parseValidateResult({ valid: false, error: 'no' })).toEqual({
      valid: false,
      message: 'no',
    });
  });
});
