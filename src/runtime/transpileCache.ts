import type { ComponentId, TranspiledComponent } from './protocol';

/** Where the host keeps jco's output so a new worker need not transpile again. */
export interface TranspileCache {
  get(id: ComponentId): Promise<TranspiledComponent | undefined>;
  put(id: ComponentId, transpiled: TranspiledComponent): Promise<void>;
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
}
