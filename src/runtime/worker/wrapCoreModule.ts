// jco ships the preview1 command adapter; Vite serves it as an asset of the worker.
import adapterUrl from 'jco-lib/wasi_snapshot_preview1.command.wasm?url';
import { errorMessage } from '../../errors';
import { InvalidComponentError } from './invalidComponentError';

let adapter: Promise<Uint8Array> | undefined;

function loadAdapter(): Promise<Uint8Array> {
  adapter ??= fetch(adapterUrl).then(async (response) => {
    if (!response.ok)
      throw new Error(`The WASI preview1 adapter could not be loaded (HTTP ${response.status}).`);
    return new Uint8Array(await response.arrayBuffer());
  });
  return adapter;
}

/**
 * A WASI preview1 command (a core module importing wasi_snapshot_preview1 and exporting _start)
 * becomes a component exporting wasi:cli/run, the way `wasm-tools component new --adapt` does it.
 * Any other core module is refused with a sentence: there is no world to call it through.
 */
export async function wrapPreview1Command(bytes: Uint8Array): Promise<Uint8Array> {
  let module: WebAssembly.Module;
  try {
    module = await WebAssembly.compile(bytes as BufferSource);
  } catch (error) {
    throw new InvalidComponentError(
      `This core module is not valid WebAssembly: ${errorMessage(error)}`,
    );
  }
  const exports = WebAssembly.Module.exports(module).map((e) => e.name);
  const imports = new Set(WebAssembly.Module.imports(module).map((i) => i.module));
  if (!exports.includes('_start')) {
    throw new InvalidComponentError(
      `This core module exports no _start (it exports: ${exports.join(', ') || 'nothing'}); only WASI preview1 commands can run here.`,
    );
  }
  const foreign = [...imports].filter((name) => name !== 'wasi_snapshot_preview1');
  if (foreign.length > 0) {
    throw new InvalidComponentError(
      `This core module imports ${foreign.join(', ')}, which a WASI command cannot be given.`,
    );
  }
  const { componentNew } = await import('@bytecodealliance/jco-transpile/wasm-tools');
  return componentNew(bytes, [['wasi_snapshot_preview1', await loadAdapter()]]);
}
