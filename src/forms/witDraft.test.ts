import { describe, expect, it } from 'vitest';
import type { WitParam, WitType } from '../wit';
import { initialWitDraft, readWitDrafts, readWitValue, type WitErrors } from './witDraft';

const read = (type: WitType, draft: unknown) => {
  const errors: WitErrors = {};
  const value = readWitValue(type, draft, 'v', errors);
  return { value, errors };
};

describe('readWitValue', () => {
  it.each([
    ['s8', '-128', -128],
    ['u8', '255', 255],
    ['s16', '-32768', -32768],
    ['u16', '65535', 65535],
    ['s32', '-2147483648', -2147483648],
    ['u32', '4294967295', 4294967295],
    ['s64', '-9223372036854775808', -9223372036854775808n],
    ['u64', '18446744073709551615', 18446744073709551615n],
  ] as const)('takes the ends of %s (%s)', (kind, text, value) => {
    expect(read({ kind }, text)).toEqual({ value, errors: {} });
  });

  it.each([
    ['s8', '128', 'A s8 is -128 to 127.'],
    ['u8', '-1', 'A u8 is 0 to 255.'],
    ['u32', '4294967296', 'A u32 is 0 to 4294967295.'],
    ['u64', '18446744073709551616', 'A u64 is 0 to 18446744073709551615.'],
    ['s32', '1.5', 'Enter a whole number.'],
    ['u16', '', 'Required.'],
  ] as const)('refuses %s %s', (kind, text, message) => {
    expect(read({ kind }, text).errors).toEqual({ v: message });
  });

  it('reads floats, with nan and the infinities', () => {
    expect(read({ kind: 'f64' }, ' 2.5e3 ').value).toBe(2500);
    expect(read({ kind: 'f32' }, 'inf').value).toBe(Infinity);
    expect(read({ kind: 'f32' }, '-inf').value).toBe(-Infinity);
    expect(read({ kind: 'f64' }, 'NaN').value).toBeNaN();
    expect(read({ kind: 'f64' }, 'two').errors.v).toMatch(/is not a number/);
  });

  it('takes one character, counting code points', () => {
    expect(read({ kind: 'char' }, '🦀').value).toBe('🦀');
    expect(read({ kind: 'char' }, 'ab').errors.v).toBe('Enter exactly one character.');
    expect(read({ kind: 'char' }, '').errors.v).toBe('Enter exactly one character.');
  });

  it('gives records and flags camelCase keys, as jco expects', () => {
    const record: WitType = {
      kind: 'record',
      fields: [
        { name: 'first-name', type: { kind: 'string' } },
        { name: 'is-admin', type: { kind: 'bool' } },
      ],
    };
    expect(read(record, { 'first-name': 'Ada', 'is-admin': true }).value).toEqual({
      firstName: 'Ada',
      isAdmin: true,
    });
    const flags: WitType = { kind: 'flags', names: ['read', 'write-all'] };
    expect(read(flags, ['write-all']).value).toEqual({ read: false, writeAll: true });
  });

  it('gives variants and results as {tag, val}, options as the value or undefined', () => {
    const shape: WitType = {
      kind: 'variant',
      cases: [{ name: 'circle', type: { kind: 'f64' } }, { name: 'dot' }],
    };
    expect(read(shape, { tag: 'circle', val: '2' }).value).toEqual({ tag: 'circle', val: 2 });
    expect(read(shape, { tag: 'dot' }).value).toEqual({ tag: 'dot' });
    const option: WitType = { kind: 'option', inner: { kind: 'u8' } };
    expect(read(option, { tag: 'none', val: '' }).value).toBeUndefined();
    expect(read(option, { tag: 'some', val: '7' }).value).toBe(7);
    const nested: WitType = { kind: 'option', inner: option };
    expect(read(nested, { tag: 'some', val: { tag: 'none' } }).value).toEqual({
      tag: 'some',
      val: undefined,
    });
    const result: WitType = { kind: 'result', ok: { kind: 'u8' }, err: { kind: 'string' } };
    expect(read(result, { tag: 'err', val: 'no' }).value).toEqual({ tag: 'err', val: 'no' });
  });

  it('gives numeric lists as typed arrays and others as arrays', () => {
    expect(read({ kind: 'list', element: { kind: 'u8' } }, ['1', '255']).value).toEqual(
      new Uint8Array([1, 255]),
    );
    expect(read({ kind: 'list', element: { kind: 's64' } }, ['-1']).value).toEqual(
      new BigInt64Array([-1n]),
    );
    expect(read({ kind: 'list', element: { kind: 'string' } }, ['a']).value).toEqual(['a']);
    expect(read({ kind: 'list', element: { kind: 'u8' }, length: 2 }, ['1']).errors.v).toBe(
      'Needs exactly 2 items.',
    );
  });

  it('keys each error by the path of its control', () => {
    const params: WitParam[] = [
      {
        name: 'points',
        type: {
          kind: 'list',
          element: { kind: 'record', fields: [{ name: 'x', type: { kind: 'u8' } }] },
        },
      },
      { name: 't', type: { kind: 'tuple', items: [{ kind: 'u8' }, { kind: 'char' }] } },
      { name: 'o', type: { kind: 'option', inner: { kind: 's8' } } },
    ];
    const drafts = {
      points: [{ x: '1' }, { x: 'x' }],
      t: ['300', 'ok'],
      o: { tag: 'some', val: '' },
    };
    expect(readWitDrafts(params, drafts)).toEqual({
      ok: false,
      errors: {
        'points[1].x': 'Enter a whole number.',
        't.0': 'A u8 is 0 to 255.',
        't.1': 'Enter exactly one character.',
        'o.some': 'Required.',
      },
    });
  });
});

describe('initialWitDraft', () => {
  it('starts every control empty or at its first choice', () => {
    const type: WitType = {
      kind: 'record',
      fields: [
        { name: 'on', type: { kind: 'bool' } },
        { name: 'unit', type: { kind: 'enum', names: ['mm', 'cm'] } },
        { name: 'shape', type: { kind: 'variant', cases: [{ name: 'dot' }] } },
        { name: 'maybe', type: { kind: 'option', inner: { kind: 'u8' } } },
        { name: 'pair', type: { kind: 'tuple', items: [{ kind: 'u8' }, { kind: 'string' }] } },
        { name: 'tags', type: { kind: 'list', element: { kind: 'string' } } },
        { name: 'style', type: { kind: 'flags', names: ['bold'] } },
      ],
    };
    expect(initialWitDraft(type)).toEqual({
      on: false,
      unit: 'mm',
      shape: { tag: 'dot' },
      maybe: { tag: 'none', val: '' },
      pair: ['', ''],
      tags: [],
      style: [],
    });
  });
});
