import { describe, expect, it } from 'vitest';
import type { TranspiledComponent } from '../runtime';
import { readRecord } from './readRecord';
import {
  transpileEntryFormat,
  transpileIndexFormat,
  transpileKey,
  TRANSPILE_SCHEME,
} from './transpileCache';

describe('transpileKey', () => {
  it('names the component, the jco version and the transpile scheme', () => {
    expect(transpileKey('ab12', '1.35.0')).toBe(`ab12|jco@1.35.0|${TRANSPILE_SCHEME}`);
  });

  it('differs when any part differs, so an upgrade never reuses an old transpile', () => {
    const keys = new Set([
      transpileKey('ab12', '1.35.0'),
      transpileKey('ab13', '1.35.0'),
      transpileKey('ab12', '1.36.0'),
      transpileKey('ab12', '1.35.0', 'other-options'),
    ]);
    expect(keys.size).toBe(4);
  });
});

describe('the transpile cache records', () => {
  const transpiled: TranspiledComponent = {
    js: 'export async function instantiate() {}',
    coreModules: [['component.core.wasm', new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0])]],
    imports: ['wasi:cli/environment'],
    exports: [['run', 'instance']],
  };

  it('reads an entry of the current version', () => {
    expect(readRecord({ version: 1, transpiled }, transpileEntryFormat)).toEqual({
      ok: true,
      value: { version: 1, transpiled },
      migrated: false,
    });
  });

  it('migrates an entry stored before entries had a version: jco output as it was', () => {
    const read = readRecord({ ...transpiled, wrapped: true }, transpileEntryFormat);
    expect(read).toEqual({
      ok: true,
      value: { version: 1, transpiled: { ...transpiled, wrapped: true } },
      migrated: true,
    });
  });

  it('refuses an entry whose core modules are not bytes', () => {
    const corrupt = { ...transpiled, coreModules: [['component.core.wasm', {}]] };
    expect(readRecord(corrupt, transpileEntryFormat)).toMatchObject({ ok: false });
    expect(readRecord({ version: 1, transpiled: corrupt }, transpileEntryFormat)).toMatchObject({
      ok: false,
    });
  });

  it('reads the index and refuses one whose entries lack a size', () => {
    const index = { version: 1, entries: { a: { size: 10, lastUsed: 1 } } };
    expect(readRecord(index, transpileIndexFormat).ok).toBe(true);
    expect(
      readRecord({ version: 1, entries: { a: { lastUsed: 1 } } }, transpileIndexFormat).ok,
    ).toBe(false);
  });
});
