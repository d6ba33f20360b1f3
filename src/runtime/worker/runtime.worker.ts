// The worker entry: wires messages to executeRun. One worker serves one skill; the host
// terminates it to cancel or time out a run and starts a fresh one.
import type { WorkerCommand, WorkerEvent } from '../protocol';
import type { ComponentCache } from './componentCache';
import type * as PluginMachinery from './capsule/executePlugin';

const scope = self as unknown as DedicatedWorkerGlobalScope;

// The run machinery (the WASI shim, the filesystems, the component cache) starts loading now and
// the worker says it is ready at once: the host's first command arrives while it loads, so a new
// worker (after a timeout or Cancel) answers sooner and no run waits longer.
const machinery = import('./executeRun');
let cache: ComponentCache | undefined;
// @extism/extism loads only in a worker that runs an astrid capsule's plugin.
let pluginMachinery: Promise<typeof PluginMachinery> | undefined;

function emit(event: WorkerEvent): void {
  if (event.kind === 'finished' && event.transpiled) {
    // The worker keeps its own copy (to compile again under another memory limit); the host
    // gets a copy whose buffers move without a second copy.
    const coreModules = event.transpiled.coreModules.map(
      ([name, bytes]) => [name, bytes.slice()] as [string, Uint8Array],
    );
    const transpiled = { ...event.transpiled, coreModules };
    scope.postMessage(
      { ...event, transpiled },
      coreModules.map(([, bytes]) => bytes.buffer as ArrayBuffer),
    );
    return;
  }
  scope.postMessage(event);
}

// Runs are queued so that two commands never share an instance or interleave their output.
let queue = Promise.resolve();
scope.onmessage = (message: MessageEvent<WorkerCommand>) => {
  const command = message.data;
  switch (command.kind) {
    case 'ping':
      // Answered at once, ahead of any queued run: the host only asks whether the worker lives.
      emit({ kind: 'pong', nonce: command.nonce });
      break;
    case 'run':
      queue = queue.then(async () => {
        if (command.plugin) {
          const { executePlugin } = await (pluginMachinery ??= import('./capsule/executePlugin'));
          await executePlugin(command, emit);
          return;
        }
        const { executeRun, ComponentCache } = await machinery;
        cache ??= new ComponentCache();
        await executeRun(command, cache, emit);
      });
      break;
  }
};

emit({ kind: 'ready' });
