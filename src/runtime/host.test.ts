import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeWorker, finishOk, TIMINGS } from '../test/fakeWorker';
import { PING_TIMEOUT_MS, RuntimeHost, SILENCE_MS } from './host';
import { MemoryTranspileCache } from './transpileCache';

const timings = TIMINGS;
const component = { id: 'abc', name: 'demo', bytes: new Uint8Array([1, 2, 3]) };
const request = {
  component,
  calls: [{ exportName: 'get-tools', args: [] }],
  env: [],
  timeoutMs: 1000,
  maxOutputBytes: 1024,
};

describe('RuntimeHost', () => {
  let workers: FakeWorker[];
  let host: RuntimeHost;
  beforeEach(() => {
    vi.useFakeTimers();
    workers = [];
    host = new RuntimeHost(() => {
      const worker = new FakeWorker();
      workers.push(worker);
      return worker;
    }, new MemoryTranspileCache());
  });
  afterEach(() => vi.useRealTimers());

  async function started() {
    await vi.waitFor(() => expect(workers.at(-1)?.commands.length).toBeGreaterThan(0));
    return workers.at(-1)!;
  }

  it('settles a run with the results the worker sends', async () => {
    const run = host.run(request);
    const worker = await started();
    finishOk(worker, ['x']);
    await expect(run).resolves.toMatchObject({ status: 'ok', results: ['x'] });
  });

  it('sends the bytes once, and nothing the worker already has', async () => {
    const first = host.run(request);
    const worker = await started();
    finishOk(worker, []);
    await first;
    const second = host.run(request);
    await vi.waitFor(() => expect(worker.commands).toHaveLength(2));
    finishOk(worker, []);
    await second;
    expect(worker.commands[0]!.component.bytes).toBeDefined();
    expect(worker.commands[1]!.component.bytes).toBeUndefined();
  });

  it('ignores events of runs that are not current', async () => {
    const run = host.run(request);
    const worker = await started();
    const onOutput = vi.fn();
    worker.emit({ kind: 'output', runId: 999, stream: 'stdout', text: 'stale' });
    worker.emit({
      kind: 'finished',
      runId: 999,
      outcome: { ok: true, results: ['stale'] },
      timings,
    });
    finishOk(worker, ['fresh']);
    await expect(run).resolves.toMatchObject({ results: ['fresh'] });
    expect(onOutput).not.toHaveBeenCalled();
  });

  it('times out from the instantiate stage, terminates the worker and starts a fresh one', async () => {
    const run = host.run({ ...request, timeoutMs: 500 });
    const worker = await started();
    worker.emit({ kind: 'stage', runId: worker.lastRunId, stage: 'instantiating' });
    vi.advanceTimersByTime(499);
    expect(worker.terminated).toBe(false);
    vi.advanceTimersByTime(1);
    await expect(run).resolves.toMatchObject({ status: 'timeout', error: { code: 'Timeout' } });
    expect(worker.terminated).toBe(true);
    expect(workers).toHaveLength(2);
  });

  it('says how long a stopped run had run, from the start of its limit, by its own clock', async () => {
    const run = host.run({ ...request, timeoutMs: 500 });
    const worker = await started();
    vi.advanceTimersByTime(300);
    worker.emit({ kind: 'stage', runId: worker.lastRunId, stage: 'instantiating' });
    vi.advanceTimersByTime(500);
    // The loading before the limit started is not counted.
    await expect(run).resolves.toMatchObject({ status: 'timeout', stoppedAfterMs: 500 });

    const cancelled = host.run(request);
    const next = await started();
    next.emit({ kind: 'stage', runId: next.lastRunId, stage: 'instantiating' });
    vi.advanceTimersByTime(120);
    host.cancel();
    await expect(cancelled).resolves.toMatchObject({ status: 'cancelled', stoppedAfterMs: 120 });
  });

  it('says nothing of a run stopped while it was still loading', async () => {
    const run = host.run(request);
    await started();
    host.cancel();
    expect(await run).not.toHaveProperty('stoppedAfterMs');
  });

  it('gives the next run after a kill the cached transpile instead of the bytes', async () => {
    const transpiled = {
      js: 'export {}',
      coreModules: [['c.core.wasm', new Uint8Array([9])]] as Array<[string, Uint8Array]>,
      imports: [],
      exports: [],
    };
    const first = host.run(request);
    const worker = await started();
    worker.emit({
      kind: 'finished',
      runId: worker.lastRunId,
      outcome: { ok: true, results: [] },
      timings,
      transpiled,
    });
    await first;
    const second = host.run(request);
    await vi.waitFor(() => expect(worker.commands).toHaveLength(2));
    host.cancel();
    await expect(second).resolves.toMatchObject({ status: 'cancelled' });
    const third = host.run(request);
    const fresh = await started();
    expect(fresh).not.toBe(worker);
    expect(fresh.commands[0]!.component.bytes).toBeUndefined();
    expect(fresh.commands[0]!.component.transpiled?.js).toBe('export {}');
    finishOk(fresh, []);
    await third;
  });

  it('retires an idle worker but not a busy one, and stays usable after', async () => {
    const first = host.run(request);
    const worker = await started();
    expect(host.retire()).toBe(false);
    expect(worker.terminated).toBe(false);
    finishOk(worker, []);
    await first;
    await vi.waitFor(() => expect(host.isBusy).toBe(false));
    expect(host.retire()).toBe(true);
    expect(worker.terminated).toBe(true);
    expect(host.hasWorker).toBe(false);
    const second = host.run(request);
    await vi.waitFor(() => expect(workers[1]?.commands).toHaveLength(1));
    const fresh = workers[1]!;
    // The new worker has nothing yet: the bytes go again (no transpile was cached here).
    expect(fresh.commands[0]!.component.bytes).toBeDefined();
    finishOk(fresh, []);
    await expect(second).resolves.toMatchObject({ status: 'ok' });
  });

  it('settles a run as an error when the worker crashes', async () => {
    const run = host.run(request);
    const worker = await started();
    worker.onerror?.({ message: 'boom', preventDefault() {} } as ErrorEvent);
    await expect(run).resolves.toMatchObject({ status: 'error', error: { code: 'WorkerCrashed' } });
    expect(worker.terminated).toBe(true);
  });

  it('forwards stages and output of the current run', async () => {
    const onStage = vi.fn();
    const onOutput = vi.fn();
    const run = host.run({ ...request, onStage, onOutput });
    const worker = await started();
    worker.emit({ kind: 'stage', runId: worker.lastRunId, stage: 'calling' });
    worker.emit({ kind: 'output', runId: worker.lastRunId, stream: 'stderr', text: 'warn' });
    worker.emit({
      kind: 'finished',
      runId: worker.lastRunId,
      outcome: { ok: false, error: { code: 'ExecutionFailure', message: 'trap' } },
      timings,
    });
    await expect(run).resolves.toMatchObject({ status: 'error', error: { message: 'trap' } });
    expect(onStage).toHaveBeenCalledWith('calling');
    expect(onOutput).toHaveBeenCalledWith('stderr', 'warn');
  });

  it('replaces a worker that died without a word, in seconds, and the next run works', async () => {
    const first = host.run(request);
    const dead = await started();
    dead.swallows = true;
    vi.advanceTimersByTime(SILENCE_MS);
    expect(dead.pings).toBe(1);
    vi.advanceTimersByTime(PING_TIMEOUT_MS);
    await expect(first).resolves.toMatchObject({
      status: 'error',
      error: {
        code: 'WorkerCrashed',
        message: 'The worker stopped without a word; it was restarted.',
      },
    });
    expect(dead.terminated).toBe(true);
    const second = host.run(request);
    const fresh = await started();
    expect(fresh).not.toBe(dead);
    finishOk(fresh, ['x']);
    await expect(second).resolves.toMatchObject({ status: 'ok', results: ['x'] });
  });

  it('leaves a quiet worker that answers the ping to its run', async () => {
    const run = host.run(request);
    const worker = await started();
    vi.advanceTimersByTime(SILENCE_MS + PING_TIMEOUT_MS);
    expect(worker.pings).toBe(1);
    expect(worker.terminated).toBe(false);
    finishOk(worker, ['slow but fine']);
    await expect(run).resolves.toMatchObject({ status: 'ok', results: ['slow but fine'] });
  });

  it('never pings a worker that has already spoken for the run', async () => {
    const run = host.run(request);
    const worker = await started();
    worker.emit({ kind: 'stage', runId: worker.lastRunId, stage: 'transpiling' });
    vi.advanceTimersByTime(SILENCE_MS + PING_TIMEOUT_MS);
    expect(worker.pings).toBe(0);
    finishOk(worker, []);
    await run;
  });

  it('settles the run and replaces the worker when a message from it cannot be read', async () => {
    const run = host.run(request);
    const worker = await started();
    worker.onmessageerror?.({} as MessageEvent);
    await expect(run).resolves.toMatchObject({ status: 'error', error: { code: 'WorkerCrashed' } });
    expect(worker.terminated).toBe(true);
    expect(workers).toHaveLength(2);
  });

  it('refuses a run whose limits are out of range, before any worker is asked', async () => {
    await expect(host.run({ ...request, timeoutMs: 1e12 })).resolves.toMatchObject({
      status: 'error',
      error: {
        code: 'InvalidInput',
        message: expect.stringContaining("The run's timeout must be a whole number"),
      },
    });
    await expect(host.run({ ...request, maxMemoryBytes: NaN })).resolves.toMatchObject({
      error: { code: 'InvalidInput' },
    });
    expect(workers).toHaveLength(0);
    const next = host.run(request);
    finishOk(await started(), ['fine']);
    await expect(next).resolves.toMatchObject({ status: 'ok' });
  });
});
