import { describe, expect, it } from 'vitest';
import { treeFromFiles, filesFromTree } from '../../../vfs';
import type { Grants } from '../../protocol';
import {
  astridFunctions,
  HostRefusal,
  shimFunctions,
  type AstridRun,
  type HostMemory,
} from './astridHost';
import { ASTRID_FUNCTIONS, SHIM_FUNCTIONS } from './hostFunctionList';

/** Extism's host memory as blocks by address, as the JS SDK keeps it. */
function hostMemory() {
  const blocks = new Map<bigint, Uint8Array>();
  let next = 1n;
  const memory: HostMemory = {
    read: (address) => {
      const bytes = blocks.get(address);
      return bytes ? { bytes: () => bytes } : null;
    },
    store: (value) => {
      const address = next++ << 48n;
      blocks.set(address, typeof value === 'string' ? new TextEncoder().encode(value) : value);
      return address;
    },
  };
  const put = (text: string) => memory.store(text);
  const text = (address: unknown) =>
    new TextDecoder().decode(blocks.get(address as bigint) ?? new Uint8Array([0xff]));
  return { memory, put, text };
}

const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

function setUp(grants: Grants = { read: true, write: true, hosts: [] }, asyncHttp = false) {
  const logged: string[] = [];
  const run: AstridRun = {
    config: new Map([
      ['owner', '"Ada"'],
      ['retries', '3'],
    ]),
    kv: new Map(),
    workspace: treeFromFiles([['notes/a.txt', new TextEncoder().encode('first')]]),
    grants,
    refused: [],
    log: (level, message) => logged.push(`${level}: ${message}`),
    http: async (request) => JSON.stringify({ status: 200, headers: {}, body: request }),
  };
  const host = hostMemory();
  const fns = astridFunctions({ current: run }, { asyncHttp });
  const call = (name: keyof typeof ASTRID_FUNCTIONS, ...args: string[]) =>
    fns[name](host.memory, ...args.map(host.put));
  return { run, host, fns, call, logged };
}

describe("astrid's host functions", () => {
  it('supplies all twenty extism:host/user functions and the three shim helpers', () => {
    const { fns } = setUp();
    expect(Object.keys(fns).sort()).toEqual(Object.keys(ASTRID_FUNCTIONS).sort());
    expect(Object.keys(ASTRID_FUNCTIONS)).toHaveLength(20);
    const shim = shimFunctions({ current: setUp().run });
    expect(Object.keys(shim)).toEqual([...SHIM_FUNCTIONS]);
  });

  it('answers astrid_get_config with the value as JSON text, and "" for a key without one', () => {
    const { call, host } = setUp();
    expect(host.text(call('astrid_get_config', 'owner'))).toBe('"Ada"');
    expect(host.text(call('astrid_get_config', 'retries'))).toBe('3');
    expect(host.text(call('astrid_get_config', 'missing'))).toBe('');
  });

  it('sends astrid_log to the run log with its level', () => {
    const { call, logged } = setUp();
    call('astrid_log', 'warn', 'careful');
    expect(logged).toEqual(['warn: careful']);
  });

  it('keeps key-value pairs in the run store; a key never set reads as ""', () => {
    const { call, host, run } = setUp();
    expect(host.text(call('astrid_kv_get', 'count'))).toBe('');
    call('astrid_kv_set', 'count', '41');
    expect(decode(run.kv.get('count')!)).toBe('41');
    expect(host.text(call('astrid_kv_get', 'count'))).toBe('41');
  });

  it('reads and writes /workspace files, and lists, stats and removes them', () => {
    const { call, host, run } = setUp();
    expect(host.text(call('astrid_read_file', '/notes/a.txt'))).toBe('first');
    expect(host.text(call('astrid_fs_exists', 'notes/b.txt'))).toBe('false');
    call('astrid_fs_mkdir', 'notes/deep');
    call('astrid_write_file', 'notes/deep/b.txt', 'second');
    expect(host.text(call('astrid_fs_exists', 'notes/deep/b.txt'))).toBe('true');
    expect(host.text(call('astrid_fs_readdir', 'notes'))).toBe('["a.txt","deep"]');
    expect(JSON.parse(host.text(call('astrid_fs_stat', 'notes/deep/b.txt')))).toEqual({
      size: 6,
      isDir: false,
      mtime: 0,
    });
    call('astrid_fs_unlink', 'notes/a.txt');
    expect([...filesFromTree(run.workspace!).keys()]).toEqual(['notes/deep/b.txt']);
  });

  it('refuses a write without the write grant, and says so in the refusals', () => {
    const { call, run } = setUp({ read: true, write: false, hosts: [] });
    expect(() => call('astrid_write_file', 'x.txt', 'y')).toThrow(
      new HostRefusal(
        'PermissionDenied',
        'security denied write_file of "x.txt": the instance\'s grants do not let the capsule write /workspace.',
      ),
    );
    expect(run.refused).toEqual([
      { function: 'astrid_write_file', reason: 'denied', detail: expect.stringContaining('x.txt') },
    ]);
    // Reading is still granted.
    expect(() => call('astrid_read_file', 'notes/a.txt')).not.toThrow();
  });

  it('gives no files at all without a grant: reads are refused too', () => {
    const { call } = setUp({ read: false, write: false, hosts: [] });
    for (const name of ['astrid_read_file', 'astrid_fs_exists', 'astrid_fs_readdir'] as const) {
      expect(() => call(name, 'notes')).toThrow(/security denied/);
    }
  });

  it('keeps every path inside the workspace', () => {
    const { call } = setUp();
    expect(() => call('astrid_read_file', '../../etc/passwd')).toThrow(
      'path escapes workspace boundary: ../../etc/passwd',
    );
    expect(() => call('astrid_write_file', 'nowhere/x.txt', 'y')).toThrow(
      'write_file failed: nowhere is not a directory of the workspace.',
    );
  });

  it('refuses what the playground does not serve, naming it, and records the refusal', () => {
    const { call, run } = setUp();
    const refusal = (() => {
      try {
        call('astrid_ipc_publish', 'topic', '{}');
      } catch (error) {
        return error;
      }
    })();
    expect(refusal).toBeInstanceOf(HostRefusal);
    expect((refusal as HostRefusal).code).toBe('ExecutionFailure');
    expect((refusal as HostRefusal).message).toBe(
      "The capsule called astrid_ipc_publish, which is not available in the playground (astrid's event bus (IPC) connects capsules inside astrid).",
    );
    expect(() => call('astrid_cron_schedule', 'n', '* * * * *', '{}')).toThrow(/not available/);
    expect(run.refused.map((r) => [r.function, r.reason])).toEqual([
      ['astrid_ipc_publish', 'unavailable'],
      ['astrid_cron_schedule', 'unavailable'],
    ]);
  });

  it('serves astrid_http_request asynchronously through the run, and refuses it without JSPI', async () => {
    const withJspi = setUp(undefined, true);
    const answer = await withJspi.call('astrid_http_request', '{"url":"https://a.example/"}');
    expect(JSON.parse(withJspi.host.text(answer)).body).toBe('{"url":"https://a.example/"}');
    const without = setUp(undefined, false);
    expect(() => without.call('astrid_http_request', '{}')).toThrow(/needs JavaScript Promise/);
    expect(without.run.refused).toEqual([
      {
        function: 'astrid_http_request',
        reason: 'unavailable',
        detail: expect.stringMatching(/needs JavaScript Promise Integration/),
      },
    ]);
  });

  it('refuses an argument larger than astrid allows', () => {
    const { fns, host } = setUp();
    const key = host.memory.store(new Uint8Array(5000));
    expect(() => fns.astrid_kv_get(host.memory, key)).toThrow(/larger than astrid's 4096 bytes/);
  });
});
