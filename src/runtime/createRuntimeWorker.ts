import type { WorkerLike } from './host';

/** A module worker built by Vite from runtime.worker.ts (its own chunk, jco loaded lazily in it). */
export function createRuntimeWorker(): WorkerLike {
  return new Worker(new URL('./worker/runtime.worker.ts', import.meta.url), {
    type: 'module',
    name: 'skill-runtime',
  }) as unknown as WorkerLike;
}
