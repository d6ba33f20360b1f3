import { describe, expect, it } from 'vitest';
import type { WitType } from './types';
import { formatWave } from './wave';

const point: WitType = {
  kind: 'record',
  name: 'point',
  fields: [
    { name: 'x', type: { kind: 'f64' } },
    { name: 'y-pos', type: { kind: 'f64' } },
  ],
};

describe('formatWave', () => {
  it.each<[string, WitType, unknown, string]>([
    ['bool', { kind: 'bool' }, true, 'true'],
    ['u64 stays exact', { kind: 'u64' }, 18446744073709551615n, '18446744073709551615'],
    ['floats', { kind: 'f32' }, -Infinity, '-inf'],
    ['nan', { kind: 'f64' }, NaN, 'nan'],
    ['char escapes its quote', { kind: 'char' }, "'", "'\\''"],
    ['string escapes', { kind: 'string' }, 'a "b"\n\u0001', '"a \\"b\\"\\n\\u{1}"'],
    ['record, by WIT field name', point, { x: 1.5, yPos: -2 }, '{x: 1.5, y-pos: -2}'],
    ['enum', { kind: 'enum', names: ['mm', 'cm'] }, 'cm', 'cm'],
    [
      'flags',
      { kind: 'flags', names: ['bold', 'all-caps'] },
      { bold: false, allCaps: true },
      '{all-caps}',
    ],
    ['tuple', { kind: 'tuple', items: [{ kind: 'u8' }, { kind: 'char' }] }, [1, 'x'], "(1, 'x')"],
    [
      'typed-array list',
      { kind: 'list', element: { kind: 'u8' } },
      new Uint8Array([1, 2]),
      '[1, 2]',
    ],
    ['option none', { kind: 'option', inner: { kind: 'u8' } }, undefined, 'none'],
    ['option some', { kind: 'option', inner: { kind: 'u8' } }, 0, 'some(0)'],
    [
      'nested option',
      { kind: 'option', inner: { kind: 'option', inner: { kind: 'u8' } } },
      { tag: 'some', val: undefined },
      'some(none)',
    ],
    ['result ok', { kind: 'result', ok: { kind: 's32' } }, { tag: 'ok', val: -3 }, 'ok(-3)'],
    ['result err without payload', { kind: 'result', ok: { kind: 's32' } }, { tag: 'err' }, 'err'],
    [
      'variant',
      { kind: 'variant', cases: [{ name: 'circle', type: { kind: 'f64' } }, { name: 'dot' }] },
      { tag: 'circle', val: 2 },
      'circle(2)',
    ],
    [
      'variant without payload',
      { kind: 'variant', cases: [{ name: 'dot' }] },
      { tag: 'dot' },
      'dot',
    ],
  ])('%s', (_, type, value, expected) => {
    expect(formatWave(type, value)).toBe(expected);
  });

  it('breaks a value too long for one line over indented lines', () => {
    const points = Array.from({ length: 6 }, (_, i) => ({ x: i * 1000.25, yPos: i }));
    expect(formatWave({ kind: 'list', element: point }, points)).toBe(
      [
        '[',
        '  {x: 0, y-pos: 0},',
        '  {x: 1000.25, y-pos: 1},',
        '  {x: 2000.5, y-pos: 2},',
        '  {x: 3000.75, y-pos: 3},',
        '  {x: 4001, y-pos: 4},',
        '  {x: 5001.25, y-pos: 5},',
        ']',
      ].join('\n'),
    );
  });
});
