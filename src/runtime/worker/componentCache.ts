import { wasmKind } from '../../bundle/wasmKind';
import type {
  ComponentId,
  ComponentInfo,
  ComponentPayload,
  RunStage,
  TranspiledComponent,
} from '../protocol';
import { classifyImports, ImportRefusedError, refusalMessage } from './importPolicy';
import { capMemories, PAGE_BYTES } from './memoryLimit';
import { importsOutgoingHttp, looksLikeCommand, transpileComponent } from './transpile';
import { wrapPreview1Command } from './wrapCoreModule';

type Instantiate = (
  getCoreModule: (name: string) => WebAssembly.Module,
  imports: Record<string, unknown>,
  instantiateCore?: (
    module: WebAssembly.Module,
    imports: WebAssembly.Imports,
  ) => Promise<WebAssembly.Instance>,
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
  #loaded = new Map<string, Promise<LoadedComponent>>();
  /** jco's output by component id, to compile again under another memory limit. */
  #transpiled = new Map<ComponentId, TranspiledComponent>();

  /**
   * Loads a component for a memory limit: its core modules are compiled with every memory capped
   * at `maxMemoryBytes`, so the same component under another limit is compiled again.
   */
  async load(
    payload: ComponentPayload,
    maxMemoryBytes: number,
    onStage: (stage: RunStage) => void,
  ): Promise<LoadResult> {
    const key = `${payload.id}:${maxMemoryBytes}`;
    const existing = this.#loaded.get(key);
    if (existing) return { component: await existing, wrapMs: 0, transpileMs: 0, compileMs: 0 };

    let transpiled = payload.transpiled ?? this.#transpiled.get(payload.id);
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
        jspiHttp: importsOutgoingHttp(bytes),
      });
      transpiled.wrapped = bytes !== payload.bytes;
      transpileMs = performance.now() - started;
    }
    this.#transpiled.set(payload.id, transpiled);
    // Nothing is compiled or instantiated for a component whose imports reach browser globals.
    const { refused, stubbed } = classifyImports(transpiled.imports);
    if (refused.length > 0) throw new ImportRefusedError(refusalMessage(refused));
    onStage('compiling');
    const started = performance.now();
    const promise = compile(
      payload.id,
      transpiled,
      stubbed,
      Math.floor(maxMemoryBytes / PAGE_BYTES),
    );
    this.#loaded.set(key, promise);
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
      this.#loaded.delete(key);
      throw error;
    }
  }
}

async function compile(
  id: ComponentId,
  transpiled: TranspiledComponent,
  stubbed: string[],
  maxPages: number,
): Promise<LoadedComponent> {
  const modules = new Map(
    await Promise.all(
      transpiled.coreModules.map(async ([name, bytes]) => {
        const capped = capMemories(bytes, maxPages);
        return [name, await WebAssembly.compile(capped as BufferSource)] as const;
      }),
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
        stubbed,
      },
    };
  } finally {
    URL.revokeObjectURL(url);
  }
}
