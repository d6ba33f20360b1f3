import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeWorker, TIMINGS, finishOk } from '../test/fakeWorker';
import type { RunRequest } from './host';
import { HostPool } from './hostPool';
import type { TranspiledComponent } from './protocol';
import { MemoryTranspileCache } from './transpileCache';

/** Timers the test moves by hand, so the pool's idle time is independent of the host's. */
class ManualTimers {
  now = 0;
  #due = new Map<number, { at: number; callback: () => void }>();
  #nextId = 1;
  setTimeout = (callback: () => void, ms: number) => {
    const id = this.#nextId++;
    this.#due.set(id, { at: this.now + ms, callback });
    return id;
  };
  clearTimeout = (id: unknown) => {
    this.#due.delete(id as number);
  };
  advance(ms: number) {
    const end = this.now + ms;
    for (;;) {
      const next = [...this.#due].sort(([, a], [, b]) => a.at - b.at)[0];
      if (!next || next[1].at > end) break;
      this.#due.delete(next[0]);
      this.now = next[1].at;
      next[1].callback();
    }
    this.now = end;
  }
}

const IDLE_MS = 60_000;
const transpiled: TranspiledComponent = {
  js: 'export {}',
  coreModules: [['c.core.wasm', new Uint8Array([9])]],
  imports: [],
  exports: [],
};

const request = (id: string, extra: Partial<RunRequest> = {}): RunRequest => ({
  component: { id, name: id, bytes: new Uint8Array([1, 2, 3]) },
  calls: [],
  env: [],
  timeoutMs: 1000,
  maxOutputBytes: 1024,
  ...extra,
});

/** Lets the hosts' promise chains (and so the pool's idle bookkeeping) run to the end. */
const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('HostPool', () => {
  let timers: ManualTimers;
  let cache: MemoryTranspileCache;
  let workers: FakeWorker[];
  /** Every command posted to any worker, in order, with the worker it went to. */
  let posted: FakeWorker[];
  let pool: HostPool;

  const makePool = (maxLiveWorkers = 4) =>
    new HostPool(
      () => {
        const worker = new FakeWorker();
        const post = worker.postMessage.bind(worker);
        worker.postMessage = (command) => {
          post(command);
          posted.push(worker);
        };
        workers.push(worker);
        return worker;
      },
      cache,
      { maxLiveWorkers, idleMs: IDLE_MS, timers },
    );

  beforeEach(() => {
    timers = new ManualTimers();
    cache = new MemoryTranspileCache();
    workers = [];
    posted = [];
    pool = makePool();
  });

  /** Starts a run on the key's host and returns it with the worker its command went to. */
  async function start(key: string, extra: Partial<RunRequest> = {}) {
    const before = posted.length;
    const run = pool.hostFor(key).run(request(`component-${key}`, extra));
    await vi.waitFor(() => expect(posted.length).toBe(before + 1), { interval: 1 });
    return { run, worker: posted.at(-1)! };
  }

  /** Opens a skill: its load-only run, finished by the worker with a transpile to keep. */
  async function open(key: string) {
    const { run, worker } = await start(key);
    worker.emit({
      kind: 'finished',
      runId: worker.lastRunId,
      outcome: { ok: true, results: [] },
      timings: TIMINGS,
      transpiled,
    });
    const outcome = await run;
    await settled();
    return { outcome, worker };
  }

  it('keeps at most four workers alive while 30 skills are opened one after another', async () => {
    for (let n = 0; n < 30; n++) {
      await open(`skill-${n}`);
      expect(pool.liveWorkers).toBeLessThanOrEqual(4);
    }
    expect(pool.liveWorkers).toBe(4);
    expect(workers).toHaveLength(30);
    // The ones still alive are the last four opened.
    expect(workers.map((w) => w.terminated)).toEqual([
      ...Array<boolean>(26).fill(true),
      ...Array<boolean>(4).fill(false),
    ]);
  });

  it('ends the least recently used idle worker, not the oldest', async () => {
    const first = await open('a');
    await open('b');
    await open('c');
    await open('d');
    // A run on a makes b the least recently used.
    const again = await start('a');
    finishOk(again.worker, []);
    await again.run;
    await settled();
    await open('e');
    expect(first.worker.terminated).toBe(false);
    expect(workers[1]!.terminated).toBe(true);
  });

  it('ends a worker after idleMs without a run, and a run starts the wait again', async () => {
    const { worker } = await open('a');
    timers.advance(IDLE_MS - 1);
    const again = await start('a');
    finishOk(again.worker, []);
    await again.run;
    await settled();
    timers.advance(IDLE_MS - 1);
    expect(worker.terminated).toBe(false);
    timers.advance(1);
    expect(worker.terminated).toBe(true);
    expect(pool.liveWorkers).toBe(0);
  });

  it('never ends the worker of a host whose run is pending', async () => {
    pool = makePool(2);
    const running = await start('busy');
    for (let n = 0; n < 5; n++) await open(`other-${n}`);
    timers.advance(IDLE_MS * 3);
    expect(running.worker.terminated).toBe(false);
    finishOk(running.worker, ['done']);
    await expect(running.run).resolves.toMatchObject({ status: 'ok', results: ['done'] });
  });

  it('goes over the bound while every worker is running, and back under when runs finish', async () => {
    pool = makePool(2);
    const runs = [await start('a'), await start('b'), await start('c')];
    expect(pool.liveWorkers).toBe(3);
    for (const { run, worker } of runs) {
      finishOk(worker, []);
      await run;
    }
    await settled();
    expect(pool.liveWorkers).toBe(2);
    // The first to finish was the only idle one when the pool was over the bound.
    expect(runs.map(({ worker }) => worker.terminated)).toEqual([true, false, false]);
  });

  it('reopens a retired skill in a new worker with the cached transpile, not the bytes', async () => {
    const { worker } = await open('a');
    timers.advance(IDLE_MS);
    expect(worker.terminated).toBe(true);
    const get = vi.spyOn(cache, 'get');
    const again = await start('a');
    expect(again.worker).not.toBe(worker);
    expect(get).toHaveBeenCalledWith('component-a');
    const command = again.worker.commands[0]!;
    expect(command.component.bytes).toBeUndefined();
    expect(command.component.transpiled?.js).toBe('export {}');
    finishOk(again.worker, []);
    await expect(again.run).resolves.toMatchObject({ status: 'ok', loadedFrom: 'cache' });
  });

  it('sends a retired skill its files again, since the new worker has none', async () => {
    const filesystem = {
      skillId: 'bundle-1',
      skillFiles: new Map([['SKILL.md', new Uint8Array([1])]]),
      workspace: new Map(),
    };
    const first = await start('a', { filesystem });
    finishOk(first.worker, []);
    await first.run;
    await settled();
    timers.advance(IDLE_MS);
    const again = await start('a', { filesystem });
    expect(again.worker.commands[0]!.filesystem?.skill.files?.size).toBe(1);
    finishOk(again.worker, []);
    await again.run;
  });

  it('starts no worker when a retired or never-started skill is cancelled', async () => {
    pool.hostFor('never').cancel();
    expect(workers).toHaveLength(0);
    await open('a');
    timers.advance(IDLE_MS);
    expect(pool.liveWorkers).toBe(0);
    pool.hostFor('a').cancel();
    expect(workers).toHaveLength(1);
    expect(pool.liveWorkers).toBe(0);
  });

  it('keeps a worker holding a warm instance past idleMs, and ends it for the bound last', async () => {
    pool = makePool(2);
    const warm = await start('warm', { calls: [{ exportName: 'f', args: [] }], keepWarm: true });
    finishOk(warm.worker, []);
    await warm.run;
    await settled();
    timers.advance(IDLE_MS * 2);
    expect(warm.worker.terminated).toBe(false);
    const cold = await open('cold');
    await open('third');
    // Warm was used before cold, but cold goes first.
    expect(cold.worker.terminated).toBe(true);
    expect(warm.worker.terminated).toBe(false);
    // With the other worker running, warm is the only one left to end.
    await start('running');
    await start('another');
    expect(warm.worker.terminated).toBe(true);
  });

  it('ends every worker on dispose, and the bound counts only live hosts', async () => {
    await open('a');
    await open('b');
    pool.dispose('a');
    expect(pool.liveWorkers).toBe(1);
    expect(workers[0]!.terminated).toBe(true);
    pool.disposeAll();
    expect(pool.liveWorkers).toBe(0);
    expect(workers.every((w) => w.terminated)).toBe(true);
    // A disposed key gets a new host.
    await open('a');
    expect(pool.liveWorkers).toBe(1);
  });
});
