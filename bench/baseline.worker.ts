// The floor any jco-based playground stands on: transpile, instantiate with preview2-shim's
// WASIShim, call. No caches, no sandbox configuration beyond the defaults, no UI.
import { transpile } from '@bytecodealliance/jco/component';
import { componentNew } from '@bytecodealliance/jco-transpile/wasm-tools';
import { WASIShim } from '@bytecodealliance/preview2-shim/instantiation';
import adapterUrl from 'jco-lib/wasi_snapshot_preview1.command.wasm?url';

type Instantiate = (
  getCoreModule: (name: string) => WebAssembly.Module,
  imports: Record<string, unknown>,
) => Promise<Record<string, (...args: unknown[]) => unknown>>;

let instantiate: Instantiate | undefined;
let modules = new Map<string, WebAssembly.Module>();
let instance: Record<string, (...args: unknown[]) => unknown> | undefined;

self.postMessage({ kind: 'ready' });
self.onmessage = async (event: MessageEvent) => {
  const { kind } = event.data as { kind: string };
  if (kind === 'load') {
    const started = performance.now();
    let bytes = event.data.bytes as Uint8Array;
    // A WASI preview1 command must become a component before jco can take it, as in any playground.
    if (bytes[4] === 1) {
      const adapter = new Uint8Array(await (await fetch(adapterUrl)).arrayBuffer());
      bytes = await componentNew(bytes, [['wasi_snapshot_preview1', adapter]]);
    }
    const out = await transpile(bytes, {
      name: 'component',
      instantiation: { tag: 'async' },
      noTypescript: true,
      noNodejsCompat: true,
    });
    const transpiled = performance.now();
    const js = new TextDecoder().decode(out.files.find(([name]) => name === 'component.js')![1]);
    modules = new Map(
      await Promise.all(
        out.files
          .filter(([name]) => name.endsWith('.wasm'))
          .map(
            async ([name, bytes]) =>
              [name, await WebAssembly.compile(bytes as BufferSource)] as const,
          ),
      ),
    );
    const url = URL.createObjectURL(new Blob([js], { type: 'text/javascript' }));
    instantiate = ((await import(/* @vite-ignore */ url)) as { instantiate: Instantiate })
      .instantiate;
    const compiled = performance.now();
    instance = await instantiate((name) => modules.get(name)!, new WASIShim().getImportObject());
    const instantiated = performance.now();
    self.postMessage({
      kind: 'loaded',
      transpileMs: transpiled - started,
      compileMs: compiled - transpiled,
      instantiateMs: instantiated - compiled,
    });
  } else if (kind === 'instantiate') {
    const started = performance.now();
    instance = await instantiate!((name) => modules.get(name)!, new WASIShim().getImportObject());
    self.postMessage({ kind: 'instantiated', ms: performance.now() - started });
  } else if (kind === 'call') {
    // `iface#name` calls a function of an exported interface (`wasi:cli/run#run`).
    const [first, member] = (event.data.fn as string).split('#');
    const owner = member
      ? (Object.entries(instance!).find(([key]) => key.startsWith(first!))?.[1] as
          Record<string, (...args: unknown[]) => unknown> | undefined)
      : instance;
    let result: unknown;
    try {
      result = await owner![member ?? first!]!(...(event.data.args as unknown[]));
    } catch (error) {
      // A command's exit ends its run: that is a result here too.
      result = String(error);
    }
    self.postMessage({ kind: 'result', result });
  }
};
