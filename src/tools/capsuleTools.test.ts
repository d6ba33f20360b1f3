import { describe, expect, it } from 'vitest';
import type { CapsuleManifest } from '../bundle';
import {
  CAPSULE_LIMITS,
  capsuleConfig,
  capsulePluginComponents,
  capsuleTools,
  readCapsuleOutput,
  toolCallInput,
} from './capsuleTools';

const manifest = (over: Partial<CapsuleManifest> = {}): CapsuleManifest => ({
  name: 'demo',
  components: [{ file: 'bin/demo.wasm' }],
  tools: [
    {
      name: 'search',
      description: 'Searches.',
      inputSchema: {
        type: 'object',
        properties: { query: { type: 'string' } },
        required: ['query'],
      },
    },
    { name: 'status', description: 'Says how it is.', inputSchema: { type: 'object' } },
  ],
  env: [],
  capabilities: {},
  ...over,
});
const bytes = (text: string) => new TextEncoder().encode(text);

describe('a capsule’s tools', () => {
  it('are its [[tool]] tables, with forms from input_schema and astrid’s limits', () => {
    const [search, status] = capsuleTools(manifest(), [
      { component: { file: 'bin/demo.wasm' }, bytes: bytes('\0asm') },
    ]);
    expect(search).toEqual({
      name: 'search',
      description: 'Searches.',
      schema: { type: 'object', properties: { query: { type: 'string' } }, required: ['query'] },
      call: { kind: 'capsule', entry: 'bin/demo.wasm', toolName: 'search' },
      limits: CAPSULE_LIMITS,
      origin: 'capsule',
    });
    expect(CAPSULE_LIMITS).toEqual({ timeoutMs: 10_000, maxMemoryBytes: 64 * 1024 * 1024 });
    // A schema without properties is a form without fields.
    expect(status!.schema).toEqual({ type: 'object', properties: {}, required: [] });
  });

  it('of several plugins are listed under the plugin whose code names them', () => {
    const alpha = { component: { id: 'alpha', file: 'a.wasm' }, bytes: bytes('..search..') };
    const beta = { component: { file: 'b.wasm' }, bytes: bytes('..nothing..') };
    const tools = capsuleTools(manifest(), [alpha, beta]);
    // `status` is named by neither: it is offered under both.
    expect(tools.map((t) => [t.group, t.label, t.name])).toEqual([
      ['alpha', 'search', 'alpha/search'],
      ['alpha', 'status', 'alpha/status'],
      ['b.wasm', 'status', 'b.wasm/status'],
    ]);
    expect(tools[2]!.call).toEqual({ kind: 'capsule', entry: 'b.wasm', toolName: 'status' });
  });

  it('come from executable components only, each file once', () => {
    const components = capsulePluginComponents(
      manifest({
        components: [
          { file: 'a.wasm' },
          { file: 'lib.wasm', type: 'library' },
          { file: 'a.wasm', id: 'again' },
          { file: 'b.wasm', type: 'executable' },
        ],
      }),
    );
    expect(components.map((c) => c.file)).toEqual(['a.wasm', 'b.wasm']);
  });
});

describe('a capsule’s configuration', () => {
  const env = [
    { key: 'token', type: 'secret' as const, request: 'Your token?' },
    { key: 'repo', type: 'string' as const, default: 'astralis/astrid', description: 'Repo' },
    { key: 'limits', type: 'string' as const, default: { max: 3 } },
  ];

  it('reaches astrid_get_config as JSON: a string quoted, the default where none is given', () => {
    expect(
      capsuleConfig(env, [
        ['token', 'abc'],
        ['undeclared', 'x'],
      ]),
    ).toEqual([
      ['token', '"abc"'],
      ['repo', '"astralis/astrid"'],
      ['limits', '{"max":3}'],
    ]);
  });

  it('leaves a key with neither a value nor a default out, and takes an empty value as none', () => {
    expect(capsuleConfig(env, [['repo', '']])).toEqual([
      ['repo', '"astralis/astrid"'],
      ['limits', '{"max":3}'],
    ]);
  });
});

describe('astrid’s call convention', () => {
  it('sends the arguments as the bytes of their JSON: a JSON array of numbers, as serde writes Vec<u8>', () => {
    const input = JSON.parse(toolCallInput('search', { query: 'é' }));
    expect(input).toEqual({
      name: 'search',
      arguments: [123, 34, 113, 117, 101, 114, 121, 34, 58, 34, 195, 169, 34, 125],
    });
    expect(new TextDecoder().decode(new Uint8Array(input.arguments))).toBe('{"query":"é"}');
  });

  it('shows a string result decoded, with the raw output beside it', () => {
    expect(readCapsuleOutput(bytes('"line one\\nline two"'))).toMatchObject({
      output: 'line one\nline two',
      raw: '"line one\\nline two"',
    });
    expect(readCapsuleOutput(bytes('{"a":1}'))).toMatchObject({ output: '{"a":1}' });
    expect(readCapsuleOutput(bytes('plain'))).toMatchObject({
      output: 'plain',
      formatNote: expect.stringContaining('not JSON'),
    });
    expect(readCapsuleOutput(new Uint8Array([0xff, 0x00, 0x41]))).toEqual({
      output: '00000000  ff 00 41',
      formatNote: 'The output is 3 bytes that are not UTF-8 text: shown in hex.',
    });
    expect(readCapsuleOutput(null)).toEqual({
      output: '',
      formatNote: 'The plugin set no output.',
    });
  });
});
