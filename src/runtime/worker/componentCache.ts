import { wasmKind } from '../../bundle/wasmKind';
import type {
  ComponentId,
  ComponentInfo,
  ComponentPayload,
  RunStage,
  TranspiledComponent,
} from '../protocol';
import { looksLikeCommand, transpileComponent } from './transpile';
import { wrapPreview1Command } from './wrapCoreModule';

type Instantiate = (
  getCoreModule: (name: string) => WebAssembly.Module,
  imports: Record<string, unknown>,
) => Promise<Record<string, unknown>>;

/** A component ready to instantiate as often as needed: compiled once, instantiated per run. */
export interface LoadedComponent {
  id: ComponentId;
  instantiate: Instantiate;
  modules: Map<string, WebAssembly.Module>;
  info: ComponentInfo;
}

export interface LoadResult {
  component: LoadedComponent;
  /** Present when this load ran jco, for the host to cache. */
  transpiled?: TranspiledComponent;
  wrapMs: number;
  transpileMs: number;
  compileMs: number;
}

/**
 * Keeps the worker's loaded components by id, so a second run of the same component skips
 * wrapping, transpiling and compiling. A worker belongs to one skill, so this holds few entries.
 */
export class ComponentCache {
  #loaded = new Map<ComponentId, Promise<LoadedComponent>>();

  async load(payload: ComponentPayload, onStage: (stage: RunStage) => void): Promise<LoadResult> {
    const existing = this.#loaded.get(payload.id);
    if (existing) return { component: await existing, wrapMs: 0, transpileMs: 0, compileMs: 0 };

    let transpiled = payload.transpiled;
    let fresh: TranspiledComponent | undefined;
    let wrapMs = 0;
    let transpileMs = 0;
    if (!transpiled) {
      if (!payload.bytes) throw new Error('The component was neither sent nor cached.');
      let bytes = payload.bytes;
      if (wasmKind(bytes) === 'core-module') {
        onStage('wrapping');
        const started = performance.now();
        bytes = await wrapPreview1Command(bytes);
        wrapMs = performance.now() - started;
      }
      onStage('transpiling');
      const started = performance.now();
      transpiled = fresh = await transpileComponent(bytes, 'component', {
        jspiCommand: looksLikeCommand(bytes),
      });
      transpiled.wrapped = bytes !== payload.bytes;
      transpileMs = performance.now() - started;
    }
    onStage('compiling');
    const started = performance.now();
    const promise = compile(payload.id, transpiled);
    this.#loaded.set(payload.id, promise);
    try {
      const component = await promise;
      return {
        component,
        transpiled: fresh,
        wrapMs,
        transpileMs,
        compileMs: performance.now() - started,
      };
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
      info: {
        imports: transpiled.imports,
        exports: transpiled.exports,
        wrapped: transpiled.wrapped === true,
      },
    };
  } finally {
    URL.revokeObjectURL(url);
  }
}
