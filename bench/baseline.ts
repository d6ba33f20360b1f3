// Driven by bench/run.mjs through window.baseline: each step resolves with its timings.
const worker = { current: null as Worker | null };

function next(kind: string): Promise<Record<string, unknown>> {
  return new Promise((resolve) => {
    const listener = (event: MessageEvent) => {
      if (event.data.kind !== kind) return;
      worker.current!.removeEventListener('message', listener);
      resolve(event.data);
    };
    worker.current!.addEventListener('message', listener);
  });
}

(window as unknown as { baseline: unknown }).baseline = {
  /** Worker start, then fetch + transpile + compile + instantiate + the first call: the cold path. */
  async cold(url: string, fn: string, args: unknown[]) {
    const started = performance.now();
    worker.current = new Worker(new URL('./baseline.worker.ts', import.meta.url), {
      type: 'module',
    });
    await next('ready');
    const workerStartMs = performance.now() - started;
    const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
    worker.current.postMessage({ kind: 'load', bytes }, [bytes.buffer]);
    const loaded = await next('loaded');
    worker.current.postMessage({ kind: 'call', fn, args });
    await next('result');
    return { workerStartMs, coldMs: performance.now() - started, ...loaded };
  },
  /** One round trip: post a call, get its result (the same instance each time). */
  async call(fn: string, args: unknown[]) {
    const started = performance.now();
    worker.current!.postMessage({ kind: 'call', fn, args });
    await next('result');
    return performance.now() - started;
  },
  async instantiate() {
    worker.current!.postMessage({ kind: 'instantiate' });
    return (await next('instantiated')).ms as number;
  },
};
