import 'fake-indexeddb/auto';
import { createStore, type UseStore } from 'idb-keyval';
import { beforeEach, describe, expect, it } from 'vitest';
import { historyFile, readHistoryFile } from './historyFile';
import type { HistoryRun } from './historyRecord';
import { HistoryError, RunHistory } from './runHistory';

const SKILL = 'local:text-tools/';
const ROOMY = { maxRuns: 1000, maxBytes: 1e9 };
let dbCount = 0;
let dbName = '';

/** A store on a database of its own per test; each call is a separate connection to it. */
const connection = (): UseStore => createStore(dbName, 'runs');

function run(n: number, patch: Partial<HistoryRun> = {}): HistoryRun {
  return {
    version: 1,
    id: `run-${String(n).padStart(4, '0')}`,
    skillKey: SKILL,
    instance: 'default',
    tool: n % 2 ? 'greet' : 'slugify',
    arguments: { name: `person ${n}` },
    status: 'ok',
    output: `Hello, person ${n}.`,
    stdout: '',
    stderr: '',
    startedAt: 1_000 + n,
    endedAt: 1_010 + n,
    pinned: false,
    ...patch,
  };
}

beforeEach(() => {
  dbName = `history-test-${++dbCount}`;
});

describe('the run history', () => {
  it('lists a skill’s runs newest first, and no other skill’s', async () => {
    const history = new RunHistory(connection());
    for (const n of [2, 3, 1]) await history.add(run(n), ROOMY);
    await history.add(run(9, { skillKey: 'local:other/' }), ROOMY);
    const { runs } = await history.list(SKILL);
    expect(runs.map((r) => r.id)).toEqual(['run-0003', 'run-0002', 'run-0001']);
    expect((await history.get(SKILL, 'run-0002')).value?.output).toBe('Hello, person 2.');
  });

  it('prunes the oldest unpinned runs past the bound, and says how many', async () => {
    const history = new RunHistory(connection());
    for (const n of [1, 2, 3]) await history.add(run(n), { maxRuns: 3, maxBytes: 1e9 });
    const report = await history.add(run(4), { maxRuns: 3, maxBytes: 1e9 });
    expect(report).toEqual({ pruned: 1, pinnedOverBound: false });
    const { runs } = await history.list(SKILL);
    expect(runs.map((r) => r.id)).toEqual(['run-0004', 'run-0003', 'run-0002']);
    expect((await history.get(SKILL, 'run-0001')).value).toBeUndefined();
  });

  it('prunes by size too', async () => {
    const history = new RunHistory(connection());
    const big = 'x'.repeat(10_000);
    for (const n of [1, 2, 3]) await history.add(run(n, { output: big }), ROOMY);
    const report = await history.prune(SKILL, { maxRuns: 100, maxBytes: 25_000 });
    expect(report.pruned).toBe(1);
    expect((await history.list(SKILL)).runs.map((r) => r.id)).toEqual(['run-0003', 'run-0002']);
  });

  it('keeps a pinned run through pruning, even the oldest', async () => {
    const history = new RunHistory(connection());
    const bounds = { maxRuns: 2, maxBytes: 1e9 };
    await history.add(run(1), bounds);
    await history.setPinned(SKILL, 'run-0001', true);
    for (const n of [2, 3, 4]) await history.add(run(n), bounds);
    const { runs } = await history.list(SKILL);
    expect(runs.map((r) => [r.id, r.pinned])).toEqual([
      ['run-0004', false],
      ['run-0001', true],
    ]);
    expect((await history.get(SKILL, 'run-0001')).value?.pinned).toBe(true);
  });

  it('says when pinned runs alone are past the bound, and keeps them', async () => {
    const history = new RunHistory(connection());
    await history.add(run(1, { pinned: true }), ROOMY);
    await history.add(run(2, { pinned: true }), ROOMY);
    expect(await history.prune(SKILL, { maxRuns: 1, maxBytes: 1e9 })).toEqual({
      pruned: 0,
      pinnedOverBound: true,
    });
    expect((await history.list(SKILL)).runs).toHaveLength(2);
  });

  it('loses no run when two tabs add runs at the same time', async () => {
    // Two connections to one database, as two tabs have, each adding 25 runs interleaved.
    const first = new RunHistory(connection());
    const second = new RunHistory(connection());
    await Promise.all([
      ...Array.from({ length: 25 }, (_, i) => first.add(run(i * 2), ROOMY)),
      ...Array.from({ length: 25 }, (_, i) => second.add(run(i * 2 + 1), ROOMY)),
    ]);
    const { runs } = await new RunHistory(connection()).list(SKILL);
    expect(runs).toHaveLength(50);
    expect(new Set(runs.map((r) => r.id)).size).toBe(50);
  });

  it('deletes runs with their summaries', async () => {
    const history = new RunHistory(connection());
    for (const n of [1, 2]) await history.add(run(n), ROOMY);
    await history.remove(SKILL, ['run-0001']);
    expect((await history.list(SKILL)).runs.map((r) => r.id)).toEqual(['run-0002']);
  });

  it('refuses a run on a full disk with a clear message, and keeps every run before it', async () => {
    const real = connection();
    await new RunHistory(real).add(run(1), ROOMY);
    const full: UseStore = (mode, callback) =>
      mode === 'readwrite'
        ? Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'))
        : real(mode, callback);
    const error = await new RunHistory(full).add(run(2), ROOMY).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HistoryError);
    expect((error as HistoryError).code).toBe('full');
    expect((error as HistoryError).message).toContain('storage is full');
    expect((await new RunHistory(real).list(SKILL)).runs.map((r) => r.id)).toEqual(['run-0001']);
  });

  it('remembers how many runs to keep', async () => {
    const history = new RunHistory(connection());
    expect(await history.readMaxRuns()).toBeUndefined();
    await history.saveMaxRuns(5);
    expect(await new RunHistory(connection()).readMaxRuns()).toBe(5);
  });
});

describe('an exported history', () => {
  it('comes back whole from its JSON, and imports into a fresh history', async () => {
    const runs = [run(1, { pinned: true, audit: { version: 1, tool: 'greet' } as never }), run(2)];
    const text = JSON.stringify(historyFile('text-tools', runs, new Date(0)));
    const read = readHistoryFile(text);
    expect(read).toEqual({ ok: true, file: expect.objectContaining({ runs }) });
    if (!read.ok) return;
    const fresh = new RunHistory(connection());
    await fresh.addMany(read.file.runs, SKILL, ROOMY);
    expect((await fresh.list(SKILL)).runs.map((r) => [r.id, r.pinned])).toEqual([
      ['run-0002', false],
      ['run-0001', true],
    ]);
    expect((await fresh.get(SKILL, 'run-0001')).value).toEqual(runs[0]);
  });

  it('refuses a file that is not JSON, not a history, newer, or has a broken run', () => {
    expect(readHistoryFile('not json')).toEqual({
      ok: false,
      reason: expect.stringContaining('not JSON'),
    });
    expect(readHistoryFile('{"runs": []}')).toEqual({
      ok: false,
      reason: expect.stringContaining('not an exported history'),
    });
    const newer = { ...historyFile('t', []), version: 2 };
    expect(readHistoryFile(JSON.stringify(newer))).toEqual({
      ok: false,
      reason: expect.stringContaining('newer Skill Playground'),
    });
    const broken = historyFile('t', [run(1), { ...run(2), status: 'maybe' } as never]);
    expect(readHistoryFile(JSON.stringify(broken))).toEqual({
      ok: false,
      reason: 'Run 2 of the file does not have the fields a kept run has; nothing was imported.',
    });
  });
});
