import { describe, expect, it } from 'vitest';
import { compareOutputs, diffJson, diffText } from './runDiff';

describe('comparing two runs', () => {
  it('names the JSON keys that differ, at any depth, with both values', () => {
    const before = { name: 'Ada', words: 2, where: { city: 'London' }, gone: true };
    const after = { name: 'Ada', words: 3, where: { city: 'Paris' }, added: 'x' };
    expect(diffJson(before, after)).toEqual(
      expect.arrayContaining([
        { path: '/words', kind: 'changed', before: 2, after: 3 },
        { path: '/where/city', kind: 'changed', before: 'London', after: 'Paris' },
        { path: '/gone', kind: 'removed', before: true },
        { path: '/added', kind: 'added', after: 'x' },
      ]),
    );
    expect(diffJson(before, after)).toHaveLength(4);
    expect(diffJson(before, structuredClone(before))).toEqual([]);
  });

  it('compares text line by line', () => {
    expect(diffText('one\ntwo\nthree\n', 'one\n2\nthree\n')).toEqual([
      { kind: 'same', text: 'one\n' },
      { kind: 'removed', text: 'two\n' },
      { kind: 'added', text: '2\n' },
      { kind: 'same', text: 'three\n' },
    ]);
  });

  it('compares outputs by key when both are JSON, else by line', () => {
    expect(compareOutputs('{"words": 2}', '{"words": 5}')).toEqual({
      kind: 'json',
      changes: [{ path: '/words', kind: 'changed', before: 2, after: 5 }],
    });
    expect(compareOutputs('Hello, Ada.', 'Hello, Bob.')).toMatchObject({
      kind: 'text',
      changed: true,
    });
    expect(compareOutputs('same', 'same')).toMatchObject({ kind: 'text', changed: false });
  });
});
