import type { ComponentId, ComponentPayload, TranspiledComponent } from '../protocol';
import { transpileComponent } from './transpile';

type Instantiate = (
  getCoreModule: (name: string) => WebAssembly.Module,
  imports: Record<string, unknown>,
) => Promise<Record<string, unknown>>;

/** A component ready to instantiate as often as needed: compiled once, instantiated per run. */
export interface LoadedComponent {
  id: ComponentId;
  instantiate: Instantiate;
  modules: Map<string, WebAssembly.Module>;
  imports: string[];
  exports: Array<[string, string]>;
}

export interface LoadResult {
  component: LoadedComponent;
  /** Present when this load ran jco, for the host to cache. */
  transpiled?: TranspiledComponent;
  transpileMs: number;
  compileMs: number;
}

/**
 * Keeps the worker's loaded components by id, so a second run of the same component skips
 * transpiling and compiling. A worker belongs to one skill, so this holds one or two entries.
 */
export class ComponentCache {
  #loaded = new Map<ComponentId, Promise<LoadedComponent>>();

  has(id: ComponentId): boolean {
    return this.#loaded.has(id);
  }

  async load(
    payload: ComponentPayload,
    onStage: (stage: 'transpiling' | 'compiling') => void,
  ): Promise<LoadResult> {
    const existing = this.#loaded.get(payload.id);
    if (existing) return { component: await existing, transpileMs: 0, compileMs: 0 };

    let transpiled = payload.transpiled;
    let fresh: TranspiledComponent | undefined;
    let transpileMs = 0;
    if (!transpiled) {
      if (!payload.bytes) throw new Error('The component was neither sent nor cached.');
      onStage('transpiling');
      const started = performance.now();
      transpiled = fresh = await transpileComponent(payload.bytes, 'component');
      transpileMs = performance.now() - started;
    }
    onStage('compiling');
    const started = performance.now();
    const promise = compile(payload.id, transpiled);
    this.#loaded.set(payload.id, promise);
    try {
      const component = await promise;
      return { component, transpiled: fresh, transpileMs, compileMs: performance.now() - started };
    } catch (error) {
      this.#loaded.delete(payload.id);
      throw error;
    }
  }
}

async function compile(id: ComponentId, transpiled: TranspiledComponent): Promise<LoadedComponent> {
  const modules = new Map(
    await Promise.all(
      transpiled.coreModules.map(
        async ([name, bytes]) => [name, await WebAssembly.compile(bytes as BufferSource)] as const,
      ),
    ),
  );
  const url = URL.createObjectURL(new Blob([transpiled.js], { type: 'text/javascript' }));
  try {
    const module = (await import(/* @vite-ignore */ url)) as { instantiate: Instantiate };
    return {
      id,
      instantiate: module.instantiate,
      modules,
      imports: transpiled.imports,
      exports: transpiled.exports,
    };
  } finally {
    URL.revokeObjectURL(url);
  }
}
