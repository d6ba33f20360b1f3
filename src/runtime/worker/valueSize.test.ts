import { describe, expect, it } from 'vitest';
import { utf8Length, valueBytes } from './valueSize';

describe('valueBytes', () => {
  it('counts strings in UTF-8 bytes and byte arrays by their length', () => {
    expect(valueBytes('héllo', 100)).toEqual({ bytes: 6 });
    expect(valueBytes(new Uint8Array(50), 100)).toEqual({ bytes: 50 });
    expect(valueBytes(new Float64Array(4), 100)).toEqual({ bytes: 32 });
  });

  it('adds up the parts of records, lists, variants and results', () => {
    // A record, as jco gives it: camelCase keys; a list; a variant; a bigint.
    const value = { tag: 'ok', val: { name: 'abc', points: [1, 2], big: 3n } };
    // 3 containers + keys (tag, val, name, points, big = 19) + 'ok' 2 + 'abc' 3 + 3 numbers 24.
    expect(valueBytes(value, 1000)).toEqual({ bytes: 3 + 19 + 2 + 3 + 24 });
  });

  it('stops walking once the count passes the cap, and says the count is a floor', () => {
    const many = Array.from({ length: 100_000 }, () => []);
    const counted = valueBytes(many, 1000);
    expect(counted.partial).toBe(true);
    expect(counted.bytes).toBeGreaterThan(1000);
    expect(counted.bytes).toBeLessThan(1100);
  });

  it('walks a value nested far deeper than the call stack allows', () => {
    let deep: unknown = 'leaf';
    for (let i = 0; i < 200_000; i++) deep = [deep];
    expect(valueBytes(deep, Infinity)).toEqual({ bytes: 200_000 + 4 });
  });
});

describe('utf8Length', () => {
  it('agrees with TextEncoder on every width of character, and lone surrogates', () => {
    for (const text of ['', 'ascii', 'ß', '€uro', '😀 grin', 'a\ud800b', '\udc00', 'x😀😀']) {
      expect(utf8Length(text)).toBe(new TextEncoder().encode(text).byteLength);
    }
  });
});
