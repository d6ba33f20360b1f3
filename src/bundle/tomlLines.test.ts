import { describe, expect, it } from 'vitest';
import { findTomlLine } from './tomlLines';

describe('findTomlLine', () => {
  const text = [
    'top = 1', // 1
    '[package]', // 2
    'name = "x"', // 3
    '[env.TOKEN]', // 4
    'type = "secret"', // 5
    '[[tool]]', // 6
    'name = "a"', // 7
    '[tool.input_schema]', // 8
    'type = "object"', // 9
    '[[tool]]', // 10
    'name = "b"', // 11
    'notes = """', // 12
    '[not.a.header]', // 13
    '"""', // 14
    '[[tool]]', // 15
    '[tool.input_schema]', // 16
    '[ "quoted.key" . inner ]  # comment', // 17
  ].join('\n');

  it.each([
    [['package'], {}, 2],
    [['package'], { key: 'name' }, 3],
    [['package'], { key: 'version' }, 2],
    [[], { key: 'top' }, 1],
    [[], { key: 'missing' }, undefined],
    [['env', 'TOKEN'], { key: 'type' }, 5],
    [['env'], {}, 4],
    [['env'], { key: 'TOKEN' }, 4],
    [['tool'], { index: 0 }, 6],
    [['tool'], { index: 1, key: 'name' }, 11],
    [['tool'], { index: 0, key: 'input_schema' }, 8],
    [['tool'], { index: 2, key: 'input_schema' }, 16],
    [['tool'], { index: 1, key: 'input_schema' }, 10],
    [['not', 'a', 'header'], {}, undefined],
    [['quoted.key', 'inner'], {}, 17],
    [['nowhere'], {}, undefined],
  ] as const)('%j %j -> %s', (table, options, line) => {
    expect(findTomlLine(text, table, options)).toBe(line);
  });

  it('counts CRLF lines like LF lines', () => {
    expect(findTomlLine('a = 1\r\n[package]\r\nname = "x"\r\n', ['package'], { key: 'name' })).toBe(
      3,
    );
  });
});
