import type { InspectReply } from './inspectProtocol';

export type WasmInspection = Omit<Extract<InspectReply, { ok: true }>, 'id' | 'ok'>;

let worker: Worker | undefined;
let nextId = 1;
const pending = new Map<number, (reply: InspectReply) => void>();

/**
 * Describes a .wasm file in the inspector worker (made on first use and kept): whether it is a
 * component or a core module, what produced it, and a component's WIT.
 */
export function inspectWasm(bytes: Uint8Array): Promise<WasmInspection> {
  worker ??= startWorker();
  const id = nextId++;
  const copy = bytes.slice();
  return new Promise((resolve, reject) => {
    pending.set(id, (reply) => {
      if (reply.ok) resolve({ parts: reply.parts, wit: reply.wit, witError: reply.witError });
      else reject(new Error(reply.message));
    });
    worker!.postMessage({ id, bytes: copy }, [copy.buffer]);
  });
}

function startWorker(): Worker {
  const started = new Worker(new URL('./worker/inspect.worker.ts', import.meta.url), {
    type: 'module',
    name: 'wasm-inspector',
  });
  started.onmessage = (event: MessageEvent<InspectReply>) => {
    pending.get(event.data.id)?.(event.data);
    pending.delete(event.data.id);
  };
  started.onerror = (event) => {
    // A worker that fails to load fails every request it holds; the next call starts another.
    for (const settle of pending.values())
      settle({ id: 0, ok: false, message: event.message || 'The inspector worker failed.' });
    pending.clear();
    worker = undefined;
  };
  return started;
}
