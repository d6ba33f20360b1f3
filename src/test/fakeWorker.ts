import type { WorkerLike } from '../runtime';
import type { WorkerCommand, WorkerEvent } from '../runtime/protocol';

/** A worker the test drives by hand: it records commands and emits what the test says. */
export class FakeWorker implements WorkerLike {
  onmessage: ((event: MessageEvent<WorkerEvent>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  commands: WorkerCommand[] = [];
  terminated = false;
  postMessage(message: WorkerCommand) {
    this.commands.push(message);
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
}

export const fakeTimings = {
  wrapMs: 0,
  transpileMs: 0,
  compileMs: 0,
  instantiateMs: 1,
  callMs: 1,
};

/** The worker says its current run succeeded with these results. */
export function finishOk(worker: FakeWorker, results: unknown[]) {
  worker.emit({
    kind: 'finished',
    runId: worker.lastRunId,
    outcome: { ok: true, results },
    timings: fakeTimings,
  });
}
