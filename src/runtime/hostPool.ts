import { RuntimeHost, type WorkerLike } from './host';
import type { TranspileCache } from './transpileCache';

export interface HostPoolOptions {
  /** Workers kept alive at once; each holds its component and, after a transpile, jco. */
  maxLiveWorkers?: number;
  /** A worker with no run for this long is ended. */
  idleMs?: number;
  /** For tests; the globals otherwise. */
  timers?: {
    setTimeout: (callback: () => void, ms: number) => unknown;
    clearTimeout: (handle: unknown) => void;
  };
}

export const DEFAULT_MAX_LIVE_WORKERS = 4;
export const DEFAULT_IDLE_MS = 60_000;

interface Entry {
  host: RuntimeHost;
  /** Larger is more recent: a counter, so the order needs no clock. */
  lastUsed: number;
  idleTimer: unknown;
}

/**
 * One RuntimeHost per key, with a bound on the workers alive at once. A host keeps its key for
 * the life of the page, but its worker is ended after `idleMs` without a run, or when another key
 * needs a worker and `maxLiveWorkers` are alive (the least recently used idle one goes). A retired
 * host starts a new worker on its next run and gets the transpile from the cache.
 *
 * A worker with a run pending is never ended: when every live worker is running, the pool goes
 * over the bound rather than queue, since a queued run would wait on another skill's run for up
 * to its whole time limit; it comes back under the bound as runs finish. A worker that keeps a
 * warm instance is not ended for idleness (the user asked to keep its memory), and is ended for
 * the bound only when no other idle worker is left.
 */
export class HostPool {
  #createWorker: () => WorkerLike;
  #cache: TranspileCache;
  #maxLive: number;
  #idleMs: number;
  #timers: NonNullable<HostPoolOptions['timers']>;
  #entries = new Map<string, Entry>();
  #uses = 0;

  constructor(
    createWorker: () => WorkerLike,
    cache: TranspileCache,
    options: HostPoolOptions = {},
  ) {
    this.#createWorker = createWorker;
    this.#cache = cache;
    this.#maxLive = Math.max(1, options.maxLiveWorkers ?? DEFAULT_MAX_LIVE_WORKERS);
    this.#idleMs = options.idleMs ?? DEFAULT_IDLE_MS;
    this.#timers = options.timers ?? {
      setTimeout: (callback, ms) => setTimeout(callback, ms),
      clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
    };
  }

  /** The key's host, made on first use; each call counts as a use for the eviction order. */
  hostFor(key: string): RuntimeHost {
    let entry = this.#entries.get(key);
    if (!entry) {
      const created: Entry = {
        host: new RuntimeHost(() => this.#startWorker(key), this.#cache, {
          onIdle: () => this.#becameIdle(key),
        }),
        lastUsed: 0,
        idleTimer: undefined,
      };
      this.#entries.set(key, created);
      entry = created;
    }
    entry.lastUsed = ++this.#uses;
    return entry.host;
  }

  get liveWorkers(): number {
    let live = 0;
    for (const { host } of this.#entries.values()) if (host.hasWorker) live++;
    return live;
  }

  dispose(key: string): void {
    const entry = this.#entries.get(key);
    if (!entry) return;
    this.#clearIdleTimer(entry);
    entry.host.dispose();
    this.#entries.delete(key);
  }

  disposeAll(): void {
    for (const key of [...this.#entries.keys()]) this.dispose(key);
  }

  /** The factory each host is given: room is made first, so the bound holds as workers start. */
  #startWorker(key: string): WorkerLike {
    this.#shrinkTo(this.#maxLive - 1, key);
    const worker = this.#createWorker();
    const entry = this.#entries.get(key);
    // A worker started outside a run (warm-up, the successor after a cancel) idles from now.
    if (entry) this.#armIdleTimer(key, entry);
    return worker;
  }

  #becameIdle(key: string): void {
    const entry = this.#entries.get(key);
    if (!entry) return;
    entry.lastUsed = ++this.#uses;
    this.#armIdleTimer(key, entry);
    // Back under the bound once runs that pushed it over have finished.
    this.#shrinkTo(this.#maxLive);
  }

  #armIdleTimer(key: string, entry: Entry): void {
    this.#clearIdleTimer(entry);
    entry.idleTimer = this.#timers.setTimeout(() => {
      entry.idleTimer = undefined;
      // A busy host arms the timer again when its runs settle.
      if (this.#entries.get(key) !== entry || entry.host.isBusy) return;
      if (entry.host.holdsWarmInstance) return;
      entry.host.retire();
    }, this.#idleMs);
  }

  #clearIdleTimer(entry: Entry): void {
    if (entry.idleTimer === undefined) return;
    this.#timers.clearTimeout(entry.idleTimer);
    entry.idleTimer = undefined;
  }

  /** Ends idle workers, least recently used first and warm ones last, until `limit` are alive. */
  #shrinkTo(limit: number, exceptKey?: string): void {
    let live = this.liveWorkers;
    if (live <= limit) return;
    const candidates = [...this.#entries]
      .filter(([key, { host }]) => key !== exceptKey && host.hasWorker && !host.isBusy)
      .map(([, entry]) => entry)
      .sort(
        (a, b) =>
          Number(a.host.holdsWarmInstance) - Number(b.host.holdsWarmInstance) ||
          a.lastUsed - b.lastUsed,
      );
    for (const entry of candidates) {
      if (live <= limit) break;
      this.#clearIdleTimer(entry);
      if (entry.host.retire()) live--;
    }
  }
}
