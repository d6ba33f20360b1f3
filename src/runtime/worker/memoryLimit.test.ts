import { parse } from '@bytecodealliance/jco-transpile/wasm-tools';
import { describe, expect, it } from 'vitest';
import { InvalidComponentError } from './invalidComponentError';
import { capMemories, MemoryLimitError } from './memoryLimit';

const wat = async (text: string) => parse(text);

describe('capMemories', () => {
  it('gives an unbounded memory the limit as its maximum, and leaves the code working', async () => {
    const module = await wat(`(module
      (memory (export "memory") 1)
      (func (export "answer") (result i32) i32.const 42))`);
    const capped = capMemories(module, 4);
    const { instance } = await WebAssembly.instantiate(capped as BufferSource);
    const memory = instance.exports.memory as WebAssembly.Memory;
    expect((instance.exports.answer as () => number)()).toBe(42);
    expect(memory.grow(3)).toBe(1);
    expect(() => memory.grow(1)).toThrow(RangeError);
  });

  it('lowers a larger declared maximum and keeps a smaller one', async () => {
    const large = capMemories(await wat('(module (memory (export "m") 1 100))'), 4);
    const small = capMemories(await wat('(module (memory (export "m") 1 2))'), 4);
    const grow = async (bytes: Uint8Array, pages: number) => {
      const { instance } = await WebAssembly.instantiate(bytes as BufferSource);
      return () => (instance.exports.m as WebAssembly.Memory).grow(pages);
    };
    expect(await grow(large, 3).then((f) => f())).toBe(1);
    await expect(grow(large, 4).then((f) => f())).rejects.toThrow(RangeError);
    await expect(grow(small, 2).then((f) => f())).rejects.toThrow(RangeError);
  });

  it('caps imported memories too, next to other kinds of import', async () => {
    const module = await wat(`(module
      (import "env" "f" (func))
      (import "env" "t" (table 1 funcref))
      (import "env" "g" (global i32))
      (import "env" "mem" (memory 1)))`);
    const capped = capMemories(module, 4);
    const imports = (maximum: number) => ({
      env: {
        f: () => {},
        t: new WebAssembly.Table({ initial: 1, element: 'anyfunc' }),
        g: new WebAssembly.Global({ value: 'i32' }, 0),
        mem: new WebAssembly.Memory({ initial: 1, maximum }),
      },
    });
    await expect(
      WebAssembly.instantiate(capped as BufferSource, imports(4)),
    ).resolves.toBeDefined();
    // A memory that may grow past the cap no longer fits the import.
    await expect(WebAssembly.instantiate(capped as BufferSource, imports(8))).rejects.toThrow();
  });

  it('refuses a module whose memory starts over the limit, with a sentence', async () => {
    const module = await wat('(module (memory 10))');
    expect(() => capMemories(module, 4)).toThrow(MemoryLimitError);
    expect(() => capMemories(module, 4)).toThrow(
      'starts with 0.625 MiB of memory; the limit is 0.25 MiB',
    );
  });

  it('returns a module without memories unchanged', async () => {
    const module = await wat('(module (func (export "f")))');
    expect(capMemories(module, 4)).toBe(module);
  });

  it('refuses bytes too short or cut short as an invalid component', async () => {
    expect(() => capMemories(Uint8Array.of(0, 0x61, 0x73), 4)).toThrow(InvalidComponentError);
    const module = await wat('(module (memory 1))');
    expect(() => capMemories(module.subarray(0, module.length - 1), 4)).toThrow(
      InvalidComponentError,
    );
  });
});
