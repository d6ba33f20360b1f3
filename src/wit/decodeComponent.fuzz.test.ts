import { parse } from '@bytecodealliance/jco-transpile/wasm-tools';
import { describe, expect, it } from 'vitest';
import { builtComponents } from '../test/componentFixtures';
import { DecodeError, decodeComponentExports } from './decodeComponent';

// Malformed components end in a DecodeError or in a result, never in another exception, a hang
// or a runaway allocation. The mutations are seeded, so every run tries the same bytes.

/** mulberry32: a small seeded generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Outcome = 'decoded' | 'refused' | string;

function attempt(bytes: Uint8Array): Outcome {
  try {
    const result = decodeComponentExports(bytes);
    if (!Array.isArray(result.functions) || !Array.isArray(result.unsupported))
      return 'a result without its lists';
    return 'decoded';
  } catch (error) {
    return error instanceof DecodeError ? 'refused' : String(error);
  }
}

/**
 * An offset to change: anywhere, or where the component's own sections are (its types and
 * imports at the start, its lifts and exports at the end); the core modules in between are
 * skipped by length, so most of their bytes change nothing.
 */
function offset(next: () => number, length: number): number {
  const where = next();
  if (where < 1 / 3) return Math.floor(next() * length);
  if (where < 2 / 3) return Math.floor(next() * Math.min(length, 4096));
  return length - 1 - Math.floor(next() * Math.min(length, 32 * 1024));
}

/** Every mutation of one component, each tried and undone in place (no copies of megabytes). */
function fuzz(name: string, original: Uint8Array, seed: number) {
  const bytes = original.slice();
  const next = random(seed);
  const outcomes = { decoded: 0, refused: 0 };
  const failures: string[] = [];
  const record = (what: string, outcome: Outcome) => {
    if (outcome === 'decoded' || outcome === 'refused') outcomes[outcome]++;
    else failures.push(`${name}, ${what}: ${outcome}`);
  };
  for (let i = 0; i < 60; i++) {
    const length = i < 20 ? bytes.length - 1 - i : Math.floor(next() * bytes.length);
    record(`cut at ${length}`, attempt(bytes.subarray(0, length)));
  }
  for (let i = 0; i < 200; i++) {
    const at = offset(next, bytes.length);
    const bit = 1 << Math.floor(next() * 8);
    bytes[at]! ^= bit;
    record(`bit ${bit} of byte ${at} flipped`, attempt(bytes));
    bytes[at]! ^= bit;
  }
  // A length or count made huge: five bytes of the largest LEB128 a u32 holds.
  for (let i = 0; i < 60; i++) {
    const at = offset(next, bytes.length - 5);
    const saved = bytes.slice(at, at + 5);
    bytes.set([0xff, 0xff, 0xff, 0xff, 0x0f], at);
    record(`0xffffffff written at ${at}`, attempt(bytes));
    bytes.set(saved, at);
  }
  for (let i = 0; i < 60; i++) {
    const at = offset(next, bytes.length);
    const saved = bytes[at]!;
    bytes[at] = [0x00, 0x01, 0x7f, 0x80, 0xff][i % 5]!;
    record(`byte ${at} set to ${bytes[at]}`, attempt(bytes));
    bytes[at] = saved;
  }
  return { outcomes, failures };
}

describe('the component decoder on malformed bytes', () => {
  const components = [...builtComponents()];

  it.each(components.map(([name], i) => [name, i] as const))(
    '%s: truncations, bit flips and huge lengths end in a result or a DecodeError',
    (name, seed) => {
      const { outcomes, failures } = fuzz(name, components[seed]![1], 1000 + seed);
      expect(failures).toEqual([]);
      // The mutations reach the decoder's checks: some are refused, and the count adds up.
      expect(outcomes.refused).toBeGreaterThan(0);
      expect(outcomes.decoded + outcomes.refused).toBe(380);
    },
    120_000,
  );
});

describe('the component decoder against crafted bytes', () => {
  const preamble = [0x00, 0x61, 0x73, 0x6d, 0x0d, 0x00, 0x01, 0x00];
  const leb = (n: number) => {
    const out: number[] = [];
    do {
      out.push((n & 0x7f) | (n > 0x7f ? 0x80 : 0));
      n >>>= 7;
    } while (n > 0);
    return out;
  };
  const section = (id: number, body: number[]) => [id, ...leb(body.length), ...body];

  it('refuses a count larger than its section before reading an item', () => {
    const bytes = new Uint8Array([...preamble, ...section(7, [0xff, 0xff, 0xff, 0xff, 0x0f])]);
    expect(() => decodeComponentExports(bytes)).toThrow(
      /A list of 4294967295 items runs past its section/,
    );
  });

  it('refuses instance types nested a hundred thousand deep, instead of overflowing the stack', () => {
    const depth = 100_000;
    const body: number[] = [0x01];
    for (let i = 0; i < depth; i++) body.push(0x42, 0x01, 0x01);
    body.push(0x42, 0x00);
    const bytes = new Uint8Array([...preamble, ...section(7, body)]);
    expect(() => decodeComponentExports(bytes)).toThrow(/nest more than 64 levels deep/);
  });

  it('refuses components nested too deep', async () => {
    const wat = `${'(component '.repeat(80)}${')'.repeat(80)}`;
    await expect(parse(wat).then(decodeComponentExports)).rejects.toThrow(
      /nest more than 64 levels deep/,
    );
  });

  it('refuses a type whose tree doubles sixty times, instead of walking 2^60 parts', async () => {
    const types = Array.from(
      { length: 60 },
      (_, i) => `(type $t${i + 1} (tuple $t${i} $t${i}))`,
    ).join('\n');
    const wat = `(component
      (core module $m (func (export "f") (param i32)))
      (core instance $i (instantiate $m))
      (alias core export $i "f" (core func $cf))
      (type $t0 (tuple u8 u8))
      ${types}
      (type $ft (func (param "x" $t60)))
      (func $g (type $ft) (canon lift (core func $cf)))
      (export "g" (func $g)))`;
    const bytes = await parse(wat);
    expect(() => decodeComponentExports(bytes)).toThrow(/A type has more than 100000 parts/);
  });

  it('refuses a name that is not UTF-8', () => {
    // An import section with one import named by the bytes ff fe.
    const bytes = new Uint8Array([
      ...preamble,
      ...section(10, [0x01, 0x00, 0x02, 0xff, 0xfe, 0x01, 0x00]),
    ]);
    expect(() => decodeComponentExports(bytes)).toThrow(/A name is not valid UTF-8/);
  });
});
