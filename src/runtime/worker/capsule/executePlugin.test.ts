import { parse } from '@bytecodealliance/jco-transpile/wasm-tools';
import { describe, expect, it } from 'vitest';
import type { RunCommand, WorkerEvent } from '../../protocol';
import { executePlugin } from './executePlugin';

// A capsule's log lines (astrid_log) reach the page as stderr, so they spend the run's one output
// budget like every other channel: a capsule that logs without end stops at the limit.

/** A plugin whose astrid_tool_call logs `lines` lines of 1,000 "x" at level info, then returns. */
const LOGGING_PLUGIN = (lines: number) => `(module
  (import "extism:host/env" "alloc" (func $alloc (param i64) (result i64)))
  (import "extism:host/env" "store_u8" (func $store_u8 (param i64 i32)))
  (import "extism:host/user" "astrid_log" (func $log (param i64 i64)))
  (memory (export "memory") 1)
  ;; A block of host memory holding \`length\` bytes of \`byte\`.
  (func $repeat (param $length i64) (param $byte i32) (result i64)
    (local $at i64) (local $i i64)
    (local.set $at (call $alloc (local.get $length)))
    (block $done
      (loop $fill
        (br_if $done (i64.ge_u (local.get $i) (local.get $length)))
        (call $store_u8 (i64.add (local.get $at) (local.get $i)) (local.get $byte))
        (local.set $i (i64.add (local.get $i) (i64.const 1)))
        (br $fill)))
    (local.get $at))
  (func (export "astrid_tool_call") (result i32)
    (local $level i64) (local $message i64) (local $n i32)
    (local.set $level (call $alloc (i64.const 4)))
    (call $store_u8 (local.get $level) (i32.const 105))
    (call $store_u8 (i64.add (local.get $level) (i64.const 1)) (i32.const 110))
    (call $store_u8 (i64.add (local.get $level) (i64.const 2)) (i32.const 102))
    (call $store_u8 (i64.add (local.get $level) (i64.const 3)) (i32.const 111))
    (local.set $message (call $repeat (i64.const 1000) (i32.const 120)))
    (block $done
      (loop $again
        (br_if $done (i32.ge_u (local.get $n) (i32.const ${lines})))
        (call $log (local.get $level) (local.get $message))
        (local.set $n (i32.add (local.get $n) (i32.const 1)))
        (br $again)))
    (i32.const 0)))`;

async function runLogging(lines: number, maxOutputBytes: number) {
  const bytes = await parse(LOGGING_PLUGIN(lines));
  const events: WorkerEvent[] = [];
  const command: RunCommand = {
    kind: 'run',
    runId: 1,
    component: { id: `logging-${lines}`, name: 'plugin.wasm', bytes },
    calls: [{ exportName: 'astrid_tool_call', args: ['{"name":"log","arguments":{}}'] }],
    env: [],
    config: [],
    grants: { read: false, write: false, hosts: [] },
    limits: { maxOutputBytes, maxLineBytes: 64 * 1024, maxMemoryBytes: 16 * 1024 * 1024 },
    plugin: { config: [], kv: [] },
  };
  await executePlugin(command, (event) => events.push(event));
  const stderr = events
    .flatMap((e) => (e.kind === 'output' && e.stream === 'stderr' ? [e.text] : []))
    .join('');
  const finished = events.find((e) => e.kind === 'finished');
  if (finished?.kind !== 'finished') throw new Error('the run did not finish');
  return { stderr, outcome: finished.outcome };
}

describe('a capsule that logs', () => {
  it('sends its log lines as stderr, within the output limit', async () => {
    const { stderr, outcome } = await runLogging(3, 64 * 1024);
    expect(outcome.ok).toBe(true);
    expect(stderr).toBe(`[info] ${'x'.repeat(1000)}\n`.repeat(3));
  });

  it('past the output limit ends with OutputLimit, its log cut at the limit', async () => {
    const limit = 10 * 1024;
    const { stderr, outcome } = await runLogging(1000, limit);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.error.code).toBe('OutputLimit');
    expect(outcome.error.message).toMatch(/stdout and stderr/);
    // What reached the page stops at the limit: whole lines only, far fewer than were logged.
    expect(new TextEncoder().encode(stderr).byteLength).toBeLessThanOrEqual(limit);
    expect(stderr.length).toBeGreaterThan(0);
    expect(stderr.split('\n').length - 1).toBeLessThan(11);
  });
});
