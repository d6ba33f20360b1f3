import { describe, expect, it } from 'vitest';
import { PluginCache, unsatisfiedImports } from './pluginCache';

const fn = (module: string, name: string): WebAssembly.ModuleImportDescriptor => ({
  module,
  name,
  kind: 'function',
});

describe('what a plugin may import', () => {
  it('takes the Extism kernel, WASI and every function astrid 0.1.1 registers', () => {
    expect(
      unsatisfiedImports([
        fn('extism:host/env', 'input_length'),
        fn('wasi_snapshot_preview1', 'fd_write'),
        fn('extism:host/user', 'astrid_get_config'),
        fn('extism:host/user', 'astrid_cron_cancel'),
        fn('shim', '__invokeHostFunc'),
      ]),
    ).toEqual([]);
  });

  it('names what neither astrid nor Extism would give it', () => {
    expect(
      unsatisfiedImports([
        fn('extism:host/user', 'astrid_spawn_host'),
        fn('env', 'helper'),
        { module: 'env', name: 'memory', kind: 'memory' },
      ]),
    ).toEqual([
      'astrid_spawn_host from extism:host/user, which astrid-capsule 0.1.1 does not register',
      'env#helper, which neither Extism nor astrid provides',
      'the memory env#memory (Extism gives a plugin functions only)',
    ]);
  });

  it('refuses a WebAssembly component: astrid runs core modules', async () => {
    const component = new Uint8Array([0, 0x61, 0x73, 0x6d, 0x0d, 0, 1, 0]);
    await expect(
      new PluginCache().load({ id: 'c', name: 'plugin.wasm', bytes: component }, 1024),
    ).rejects.toThrow(
      'plugin.wasm is not an Extism plugin: astrid runs core WebAssembly modules, and this is a WebAssembly component.',
    );
  });

  it('compiles a core module and says what it imports and exports', async () => {
    // (module (import "extism:host/user" "astrid_ipc_poll" (func (param i64) (result i64)))
    //         (memory (export "memory") 1))
    const module = new Uint8Array([
      0,
      0x61,
      0x73,
      0x6d,
      1,
      0,
      0,
      0,
      1,
      6,
      1,
      0x60,
      1,
      0x7e,
      1,
      0x7e,
      2,
      0x24,
      1,
      16,
      ...new TextEncoder().encode('extism:host/user'),
      15,
      ...new TextEncoder().encode('astrid_ipc_poll'),
      0,
      0,
      5,
      3,
      1,
      0,
      1,
      7,
      10,
      1,
      6,
      ...new TextEncoder().encode('memory'),
      2,
      0,
    ]);
    const loaded = await new PluginCache().load({ id: 'm', name: 'm.wasm', bytes: module }, 16);
    expect(loaded.info).toEqual({
      imports: ['extism:host/user#astrid_ipc_poll'],
      exports: [['memory', 'memory']],
      wrapped: false,
      stubbed: ['astrid_ipc_poll'],
    });
    expect(loaded.usesHttp).toBe(false);
  });
});
