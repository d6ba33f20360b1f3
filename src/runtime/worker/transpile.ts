import type { TranspiledComponent } from '../protocol';

/**
 * Transpiles a component with jco's browser build in instantiation mode, so that every import
 * the component makes comes from the object we pass to `instantiate` and none from globals.
 * jco is imported on first use: a worker that only runs cached transpiles never loads it.
 */
export async function transpileComponent(
  bytes: Uint8Array,
  name: string,
): Promise<TranspiledComponent> {
  const { transpile } = await import('@bytecodealliance/jco/component');
  const out = await transpile(bytes, {
    name,
    instantiation: { tag: 'async' },
    noTypescript: true,
    noNodejsCompat: true,
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
