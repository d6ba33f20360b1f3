// The worker entry: wires messages to executeRun. One worker serves one skill; the host
// terminates it to cancel or time out a run and starts a fresh one.
import type { WorkerCommand, WorkerEvent } from '../protocol';
import { ComponentCache } from './componentCache';
import { executeRun } from './executeRun';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const cache = new ComponentCache();

function emit(event: WorkerEvent): void {
  // The core modules are compiled by now, so their bytes can move to the host without a copy.
  // Several files may share one buffer: transfer each buffer once.
  const transfer = new Set<ArrayBuffer>();
  if (event.kind === 'finished' && event.transpiled) {
    for (const [, bytes] of event.transpiled.coreModules) transfer.add(bytes.buffer as ArrayBuffer);
  }
  scope.postMessage(event, [...transfer]);
}

// Runs are queued so that two commands never share an instance or interleave their output.
let queue = Promise.resolve();
scope.onmessage = (message: MessageEvent<WorkerCommand>) => {
  const command = message.data;
  if (command.kind === 'run') {
    queue = queue.then(() => executeRun(command, cache, emit));
  }
};

emit({ kind: 'ready' });
