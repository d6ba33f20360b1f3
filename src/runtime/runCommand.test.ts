import { describe, expect, it } from 'vitest';
import { buildRunCommand, outcomeOf } from './runCommand';
import type { RunRequest } from './runRequest';

const limits = { maxOutputBytes: 1024, maxLineBytes: 64, maxMemoryBytes: 65536 };
const component = { id: 'p', name: 'plugin.wasm' };

describe('the run command', () => {
  it("copies a plugin's store, then transfers the copy: the caller's bytes stay its own", () => {
    const value = new TextEncoder().encode('41');
    const request: RunRequest = {
      component: { ...component, bytes: new Uint8Array() },
      calls: [{ exportName: 'astrid_tool_call', args: ['{}'] }],
      env: [],
      timeoutMs: 1000,
      maxOutputBytes: 1024,
      plugin: { config: [['owner', '"Ada"']], kv: [['count', value]] },
    };
    const { command, transfer } = buildRunCommand(1, request, component, limits, new Set());
    expect(command.plugin).toEqual({ config: [['owner', '"Ada"']], kv: [['count', value]] });
    const sent = command.plugin!.kv[0]![1];
    expect(sent).not.toBe(value);
    expect(transfer).toContain(sent.buffer);
    expect(transfer).not.toContain(value.buffer);
  });

  it("gives a plugin's store and refusals back with the outcome, failed or not", () => {
    const kv: Array<[string, Uint8Array]> = [['k', new Uint8Array([1])]];
    const refused = [{ function: 'astrid_ipc_poll', reason: 'unavailable' as const, detail: '' }];
    const timings = { wrapMs: 0, transpileMs: 0, compileMs: 0, instantiateMs: 0, callMs: 0 };
    const failed = outcomeOf(
      {
        kind: 'finished',
        runId: 1,
        outcome: { ok: false, error: { code: 'ExecutionFailure', message: 'no' } },
        timings,
        kv,
        refused,
      },
      'bytes',
    );
    expect(failed).toMatchObject({ status: 'error', kv, refused });
    const ok = outcomeOf(
      { kind: 'finished', runId: 1, outcome: { ok: true, results: [] }, timings },
      'worker',
    );
    expect(ok).toEqual({
      status: 'ok',
      results: [],
      timings,
      transpiled: false,
      loadedFrom: 'worker',
      info: undefined,
    });
  });
});
