// An astrid capsule's plugin as the worker keeps it: compiled once per memory limit, with every
// memory it defines capped, and its imports checked against what astrid 0.1.1 gives a plugin.
// Nothing of the plugin runs here.
import { wasmKind } from '../../../bundle/wasmKind';
import type { ComponentInfo, ComponentPayload } from '../../protocol';
import { InvalidComponentError } from '../invalidComponentError';
import { capMemories } from '../memoryLimit';
import { ASTRID_NAMESPACE, SHIM_NAMESPACE, UNAVAILABLE, isAstridImport } from './hostFunctionList';

export interface LoadedPlugin {
  module: WebAssembly.Module;
  info: ComponentInfo;
  /** It imports astrid_http_request, which is served asynchronously (JSPI). */
  usesHttp: boolean;
}

/** What Extism itself gives a plugin besides astrid's functions. */
const PROVIDED_BY_EXTISM = new Set(['extism:host/env', 'wasi_snapshot_preview1']);

/**
 * The sentence of each import nothing would satisfy: astrid could not load such a plugin
 * either (Extism fails the instantiation), so the playground says so before trying.
 */
export function unsatisfiedImports(imports: WebAssembly.ModuleImportDescriptor[]): string[] {
  const problems: string[] = [];
  for (const { module, name, kind } of imports) {
    if (kind !== 'function') {
      problems.push(`the ${kind} ${module}#${name} (Extism gives a plugin functions only)`);
    } else if (module === ASTRID_NAMESPACE || module === SHIM_NAMESPACE) {
      if (!isAstridImport(module, name)) {
        problems.push(`${name} from ${module}, which astrid-capsule 0.1.1 does not register`);
      }
    } else if (!PROVIDED_BY_EXTISM.has(module)) {
      problems.push(`${module}#${name}, which neither Extism nor astrid provides`);
    }
  }
  return problems;
}

export class PluginCache {
  #loaded = new Map<string, Promise<LoadedPlugin>>();

  load(payload: ComponentPayload, maxPages: number): Promise<LoadedPlugin> {
    const key = `${payload.id}:${maxPages}`;
    let loaded = this.#loaded.get(key);
    if (!loaded) {
      loaded = compilePlugin(payload, maxPages);
      this.#loaded.set(key, loaded);
      loaded.catch(() => this.#loaded.delete(key));
    }
    return loaded;
  }
}

/** The worker may be sent the bytes once; they are kept to compile under another limit. */
const bytesById = new Map<string, Uint8Array>();

async function compilePlugin(payload: ComponentPayload, maxPages: number): Promise<LoadedPlugin> {
  const bytes = payload.bytes ?? bytesById.get(payload.id);
  if (!bytes) throw new Error('The plugin was neither sent nor kept.');
  bytesById.set(payload.id, bytes);
  if (wasmKind(bytes) !== 'core-module') {
    throw new InvalidComponentError(
      `${payload.name} is not an Extism plugin: astrid runs core WebAssembly modules, and this is ${
        wasmKind(bytes) === 'component' ? 'a WebAssembly component' : 'not WebAssembly'
      }.`,
    );
  }
  const module = await WebAssembly.compile(capMemories(bytes, maxPages) as BufferSource);
  const imports = WebAssembly.Module.imports(module);
  const problems = unsatisfiedImports(imports);
  if (problems.length > 0) {
    throw new InvalidComponentError(
      `The plugin imports ${problems.join('; ')}. astrid could not load it either.`,
    );
  }
  const exports = WebAssembly.Module.exports(module);
  return {
    module,
    usesHttp: imports.some(
      (i) => i.module === ASTRID_NAMESPACE && i.name === 'astrid_http_request',
    ),
    info: {
      imports: imports.map((i) => `${i.module}#${i.name}`),
      exports: exports.map((e): [string, string] => [e.name, e.kind]),
      wrapped: false,
      // Imported, served by nothing here: calling them fails the call with a sentence.
      stubbed: imports
        .filter((i) => isAstridImport(i.module, i.name) && Object.hasOwn(UNAVAILABLE, i.name))
        .map((i) => i.name),
    },
  };
}
