import { describe, expect, it } from 'vitest';
import { commandStdin, readCommandOutput } from './commandIo';

describe('command input', () => {
  it('writes JSON for json-stdio', () => {
    expect(commandStdin('json-stdio', { a: 1 })).toBe('{"a":1}');
    expect(commandStdin('json-stdio', undefined)).toBe('null');
  });

  it('writes the text of a single string for line-text, JSON otherwise', () => {
    expect(commandStdin('line-text', { text: 'one\ntwo' })).toBe('one\ntwo');
    expect(commandStdin('line-text', 'plain')).toBe('plain');
    expect(commandStdin('line-text', { a: 'x', b: 'y' })).toBe('{"a":"x","b":"y"}');
  });
});

describe('command output', () => {
  it('reads stdout as JSON when it parses, else as text', () => {
    expect(readCommandOutput('json-stdio', ' {"answer": 42}\n', 0)).toEqual({
      success: true,
      output: '{"answer":42}',
      errorMessage: null,
    });
    expect(readCommandOutput('json-stdio', 'hello\n', 0).output).toBe('hello');
  });

  it('counts the lines of line-text output', () => {
    expect(readCommandOutput('line-text', 'one\r\ntwo\n', 0)).toEqual({
      success: true,
      output: 'one\ntwo',
      errorMessage: null,
      lineCount: 2,
    });
  });

  it('makes a non-zero exit a failure that names the status', () => {
    expect(readCommandOutput('json-stdio', '', 7)).toMatchObject({
      success: false,
      errorMessage: 'The command exited with status 7.',
    });
  });
});
