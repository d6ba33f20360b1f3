import type { ComponentId, TranspiledComponent } from './protocol';

/** Where the host keeps jco's output so a new worker need not transpile again. */
export interface TranspileCache {
  get(id: ComponentId): Promise<TranspiledComponent | undefined>;
  put(id: ComponentId, transpiled: TranspiledComponent): Promise<void>;
  /** How much it holds, for the person to see. */
  stats(): Promise<{ entries: number; bytes: number }>;
  clear(): Promise<void>;
}

/** Keeps transpiles for the life of the page. */
export class MemoryTranspileCache implements TranspileCache {
  #entries = new Map<ComponentId, TranspiledComponent>();

  async get(id: ComponentId) {
    return this.#entries.get(id);
  }

  async put(id: ComponentId, transpiled: TranspiledComponent) {
    this.#entries.set(id, transpiled);
  }

  async stats() {
    let bytes = 0;
    for (const t of this.#entries.values()) {
      bytes += t.js.length + t.coreModules.reduce((sum, [, b]) => sum + b.byteLength, 0);
    }
    return { entries: this.#entries.size, bytes };
  }

  async clear() {
    this.#entries.clear();
  }
}
