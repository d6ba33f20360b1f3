import type { TranspiledComponent } from '../protocol';

/** Imports that block on a Promise in preview2-shim: a command that sleeps needs JSPI for them. */
const JSPI_IMPORTS = ['wasi:io/poll#poll', 'wasi:io/poll#[method]pollable.block'];
const JSPI_EXPORTS = ['wasi:cli/run#run'];

export interface TranspileOptions {
  /** Suspend the command on blocking polls (sleep, timers) instead of failing. */
  jspiCommand: boolean;
  /**
   * The component imports wasi:http's outgoing handler: it waits for a response on a pollable,
   * so those polls suspend too, and any export may be the one that waits.
   */
  jspiHttp?: boolean;
}

/** Part of the cache key: a change here must not reuse an old transpile. */
export const transpileOptionsKey = (options: TranspileOptions) =>
  options.jspiHttp ? 'jspi-all' : options.jspiCommand ? 'jspi-command' : 'sync';

/**
 * Transpiles a component with jco's browser build in instantiation mode, so that every import
 * the component makes comes from the object we pass to `instantiate` and none from globals.
 * jco is imported on first use: a worker that only runs cached transpiles never loads it.
 */
export async function transpileComponent(
  bytes: Uint8Array,
  name: string,
  options: TranspileOptions,
): Promise<TranspiledComponent> {
  const { transpile } = await import('@bytecodealliance/jco/component');
  const out = await transpile(bytes, {
    name,
    instantiation: { tag: 'async' },
    noTypescript: true,
    noNodejsCompat: true,
    ...(options.jspiCommand || options.jspiHttp
      ? {
          asyncMode: {
            tag: 'jspi' as const,
            val: { imports: JSPI_IMPORTS, exports: options.jspiHttp ? ['*'] : JSPI_EXPORTS },
          },
        }
      : {}),
  });
  const decoder = new TextDecoder();
  const jsFile = out.files.find(([file]) => file === `${name}.js`);
  if (!jsFile) throw new Error('jco produced no JavaScript for this component.');
  return {
    js: decoder.decode(jsFile[1]),
    coreModules: out.files.filter(([file]) => file.endsWith('.wasm')),
    imports: out.imports,
    exports: out.exports.map(([exportName, kind]) => [exportName, String(kind)]),
  };
}

/** Whether a component exports wasi:cli/run, read from the export names in its binary. */
export function looksLikeCommand(bytes: Uint8Array): boolean {
  return indexOfAscii(bytes, 'wasi:cli/run@') >= 0;
}

/** Whether a component imports wasi:http/outgoing-handler, read from its binary. */
export function importsOutgoingHttp(bytes: Uint8Array): boolean {
  return indexOfAscii(bytes, 'wasi:http/outgoing-handler@') >= 0;
}

function indexOfAscii(bytes: Uint8Array, text: string): number {
  const needle = Array.from(text, (c) => c.charCodeAt(0));
  // The native indexOf finds each candidate first byte: megabytes are scanned in milliseconds.
  for (let i = bytes.indexOf(needle[0]!); i >= 0; i = bytes.indexOf(needle[0]!, i + 1)) {
    if (i + needle.length > bytes.length) return -1;
    if (needle.every((byte, j) => bytes[i + j] === byte)) return i;
  }
  return -1;
}
