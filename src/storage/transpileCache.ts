import { clear, createStore, del, get, set } from 'idb-keyval';
import type { ComponentId, TranspileCache, TranspiledComponent } from '../runtime';
import {
  isBoolean,
  isFileEntries,
  isFiniteNumber,
  isOptional,
  isStoredObject,
  isString,
} from './guards';
import { DATABASES, KEYS } from './keys';
import { readRecord, type RecordFormat } from './readRecord';

/** How the worker transpiles: bump when the options it passes to jco change. */
export const TRANSPILE_SCHEME = 'instantiation-async/v2';

/** The cache key: the component's SHA-256, the jco that transpiled it, and how. */
export function transpileKey(
  id: ComponentId,
  jcoVersion: string,
  scheme = TRANSPILE_SCHEME,
): string {
  return KEYS.transpile(id, jcoVersion, scheme);
}

interface IndexEntry {
  size: number;
  lastUsed: number;
}

interface CacheIndex {
  version: 1;
  entries: Record<string, IndexEntry>;
}

/** One cached transpile. Until the record had a version it was the bare TranspiledComponent. */
interface CacheEntry {
  version: 1;
  transpiled: TranspiledComponent;
}

const isIndexEntry = (value: unknown): value is IndexEntry =>
  isStoredObject(value) && isFiniteNumber(value.size) && isFiniteNumber(value.lastUsed);

// The index has had version 1 since the cache was made: nothing to migrate yet.
export const transpileIndexFormat: RecordFormat<CacheIndex> = {
  version: 1,
  guard: (value): value is CacheIndex =>
    isStoredObject(value) &&
    value.version === 1 &&
    isStoredObject(value.entries) &&
    Object.values(value.entries).every(isIndexEntry),
};

const isNamePair = (value: unknown): value is [string, string] =>
  Array.isArray(value) && value.length === 2 && isString(value[0]) && isString(value[1]);

export function isTranspiledComponent(value: unknown): value is TranspiledComponent {
  return (
    isStoredObject(value) &&
    isString(value.js) &&
    isFileEntries(value.coreModules) &&
    Array.isArray(value.imports) &&
    value.imports.every(isString) &&
    Array.isArray(value.exports) &&
    value.exports.every(isNamePair) &&
    isOptional(isBoolean)(value.wrapped)
  );
}

export const transpileEntryFormat: RecordFormat<CacheEntry> = {
  version: 1,
  guard: (value): value is CacheEntry =>
    isStoredObject(value) && value.version === 1 && isTranspiledComponent(value.transpiled),
  // Version 0 is jco's output as it was stored before entries had a version.
  migrate: (record) => ({ version: 1, transpiled: record }),
};

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
    const stored = await get<unknown>(key, this.#data).catch(() => undefined);
    if (stored === undefined) return undefined;
    // An unreadable entry is a miss: the component is transpiled again and the entry replaced.
    const read = readRecord(stored, transpileEntryFormat);
    if (!read.ok) return undefined;
    void this.#updateIndex((index) => {
      const entry = index.entries[key];
      if (entry) entry.lastUsed = Date.now();
    });
    return read.value.transpiled;
  }

  async put(id: ComponentId, transpiled: TranspiledComponent): Promise<void> {
    const key = transpileKey(id, this.#jcoVersion);
    const size = sizeOf(transpiled);
    if (size > this.#maxBytes) return;
    await set(key, { version: 1, transpiled } satisfies CacheEntry, this.#data);
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
    const entries = Object.values(index?.entries ?? {});
    return { entries: entries.length, bytes: entries.reduce((sum, e) => sum + e.size, 0) };
  }

  async clear(): Promise<void> {
    await this.#run(async () => {
      await clear(this.#data);
      await clear(this.#meta);
    });
  }

  /** The index, or undefined when it is stored but cannot be read. */
  async #readIndex(): Promise<CacheIndex | undefined> {
    const stored = await get<unknown>(KEYS.transpileIndex, this.#meta).catch(() => undefined);
    if (stored === undefined) return { version: 1, entries: {} };
    const read = readRecord(stored, transpileIndexFormat);
    return read.ok ? read.value : undefined;
  }

  #updateIndex(change: (index: CacheIndex) => void | Promise<void>): Promise<void> {
    return this.#run(async () => {
      let index = await this.#readIndex();
      if (!index) {
        // Without its index the cache cannot count its bytes: it starts again, empty.
        await clear(this.#data);
        index = { version: 1, entries: {} };
      }
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
