import { clear, createStore, del, get, set } from 'idb-keyval';
import type { ComponentId, TranspileCache, TranspiledComponent } from '../runtime';
import { DATABASES, KEYS } from './keys';

/** How the worker transpiles: bump when the options it passes to jco change. */
export const TRANSPILE_SCHEME = 'instantiation-async/v1';

/** The cache key: the component's SHA-256, the jco that transpiled it, and how. */
export function transpileKey(
  id: ComponentId,
  jcoVersion: string,
  scheme = TRANSPILE_SCHEME,
): string {
  return `${id}|jco@${jcoVersion}|${scheme}`;
}

interface IndexEntry {
  size: number;
  lastUsed: number;
}

interface CacheIndex {
  version: 1;
  entries: Record<string, IndexEntry>;
}

export interface CacheStats {
  entries: number;
  bytes: number;
}

export const DEFAULT_TRANSPILE_CACHE_BYTES = 256 * 1024 * 1024;

/**
 * jco's output kept in IndexedDB, so a component opened again (after a reload, in a new worker)
 * skips jco entirely. Bounded in bytes: the least recently used entries go first.
 */
export class IdbTranspileCache implements TranspileCache {
  #jcoVersion: string;
  #maxBytes: number;
  #data = createStore(DATABASES.transpiles.db, DATABASES.transpiles.store);
  #meta = createStore(DATABASES.transpileIndex.db, DATABASES.transpileIndex.store);
  // Serialises index updates, which read, change and write one record.
  #queue: Promise<unknown> = Promise.resolve();

  constructor(jcoVersion: string, maxBytes = DEFAULT_TRANSPILE_CACHE_BYTES) {
    this.#jcoVersion = jcoVersion;
    this.#maxBytes = maxBytes;
  }

  async get(id: ComponentId): Promise<TranspiledComponent | undefined> {
    const key = transpileKey(id, this.#jcoVersion);
    const value = await get<TranspiledComponent>(key, this.#data).catch(() => undefined);
    if (!value) return undefined;
    void this.#updateIndex((index) => {
      const entry = index.entries[key];
      if (entry) entry.lastUsed = Date.now();
    });
    return value;
  }

  async put(id: ComponentId, transpiled: TranspiledComponent): Promise<void> {
    const key = transpileKey(id, this.#jcoVersion);
    const size = sizeOf(transpiled);
    if (size > this.#maxBytes) return;
    await set(key, transpiled, this.#data);
    await this.#updateIndex(async (index) => {
      index.entries[key] = { size, lastUsed: Date.now() };
      const byAge = Object.entries(index.entries).sort(([, a], [, b]) => a.lastUsed - b.lastUsed);
      let total = byAge.reduce((sum, [, e]) => sum + e.size, 0);
      for (const [oldKey, entry] of byAge) {
        if (total <= this.#maxBytes) break;
        if (oldKey === key) continue;
        await del(oldKey, this.#data);
        delete index.entries[oldKey];
        total -= entry.size;
      }
    });
  }

  async stats(): Promise<CacheStats> {
    const index = await this.#readIndex();
    const entries = Object.values(index.entries);
    return { entries: entries.length, bytes: entries.reduce((sum, e) => sum + e.size, 0) };
  }

  async clear(): Promise<void> {
    await this.#run(async () => {
      await clear(this.#data);
      await clear(this.#meta);
    });
  }

  async #readIndex(): Promise<CacheIndex> {
    const stored = await get<CacheIndex>(KEYS.transpileIndex, this.#meta).catch(() => undefined);
    return stored?.version === 1 ? stored : { version: 1, entries: {} };
  }

  #updateIndex(change: (index: CacheIndex) => void | Promise<void>): Promise<void> {
    return this.#run(async () => {
      const index = await this.#readIndex();
      await change(index);
      await set(KEYS.transpileIndex, index, this.#meta);
    });
  }

  #run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.#queue.then(task);
    this.#queue = result.catch(() => undefined);
    return result;
  }
}

function sizeOf(transpiled: TranspiledComponent): number {
  return (
    transpiled.js.length +
    transpiled.coreModules.reduce((sum, [, bytes]) => sum + bytes.byteLength, 0)
  );
}
