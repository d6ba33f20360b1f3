import type { WorkerLike } from '../runtime/host';
import type { RunCommand, RunTimings, WorkerCommand, WorkerEvent } from '../runtime/protocol';

/**
 * A worker the test drives by hand: it records the runs it is sent and emits what the test says.
 * Like a live worker it answers a ping at once, unless it `swallows` (a worker that died without
 * an error event).
 */
export class FakeWorker implements WorkerLike {
  onmessage: ((event: MessageEvent<WorkerEvent>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  onmessageerror: ((event: MessageEvent) => void) | null = null;
  commands: RunCommand[] = [];
  pings = 0;
  swallows = false;
  terminated = false;
  postMessage(message: WorkerCommand) {
    if (message.kind === 'ping') {
      this.pings++;
      if (!this.swallows) this.emit({ kind: 'pong', nonce: message.nonce });
    } else this.commands.push(message);
  }
  terminate() {
    this.terminated = true;
  }
  emit(event: WorkerEvent) {
    this.onmessage?.({ data: event } as MessageEvent<WorkerEvent>);
  }
  get lastRunId() {
    return this.commands.at(-1)!.runId;
  }
  get lastCommand() {
    return this.commands.at(-1)!;
  }
}

export const TIMINGS: RunTimings = {
  wrapMs: 0,
  transpileMs: 0,
  compileMs: 0,
  instantiateMs: 1,
  callMs: 1,
};

/** The worker says the current run succeeded with these results. */
export function finishOk(
  worker: FakeWorker,
  results: unknown[],
  extra: Partial<Extract<WorkerEvent, { kind: 'finished' }>> & { exitCode?: number } = {},
) {
  const { exitCode, ...rest } = extra;
  worker.emit({
    kind: 'finished',
    runId: worker.lastRunId,
    outcome: { ok: true, results, ...(exitCode === undefined ? {} : { exitCode }) },
    timings: TIMINGS,
    ...rest,
  });
}

/** A factory that records every worker it makes. */
export function fakeWorkers() {
  const made: FakeWorker[] = [];
  return {
    made,
    create: () => {
      const worker = new FakeWorker();
      made.push(worker);
      return worker;
    },
  };
}
