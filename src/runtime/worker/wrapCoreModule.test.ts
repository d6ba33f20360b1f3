import { parse } from '@bytecodealliance/jco-transpile/wasm-tools';
import { describe, expect, it } from 'vitest';
import { InvalidComponentError } from './invalidComponentError';
import { wrapPreview1Command } from './wrapCoreModule';

describe('wrapPreview1Command', () => {
  it('refuses a core module without _start as an invalid component, saying what it exports', async () => {
    const module = await parse('(module (func (export "add")))');
    const wrapping = wrapPreview1Command(module);
    await expect(wrapping).rejects.toThrow(InvalidComponentError);
    await expect(wrapping).rejects.toThrow('exports no _start (it exports: add)');
  });

  it('refuses a command that imports more than WASI preview1', async () => {
    const module = await parse(`(module
      (import "env" "host_call" (func))
      (func (export "_start")))`);
    await expect(wrapPreview1Command(module)).rejects.toThrow(
      new InvalidComponentError(
        'This core module imports env, which a WASI command cannot be given.',
      ),
    );
  });

  it('refuses bytes that start like a core module but do not compile', async () => {
    const broken = Uint8Array.of(0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x01, 0xff);
    const error = await wrapPreview1Command(broken).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidComponentError);
    expect((error as InvalidComponentError).code).toBe('InvalidComponent');
  });
});
