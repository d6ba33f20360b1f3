import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

// The components examples/build.mjs --fixtures builds (e2e/.built, public/examples): the example
// and fixture skills (componentize-qjs, C) and the decoder's own set (e2e/.built/components, see
// examples/componentFixtures.mjs).

const ROOT = path.resolve(import.meta.dirname, '../..');
export const COMPONENTS_DIR = path.join(ROOT, 'e2e/.built/components');

function wasmFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return wasmFiles(full);
    return name.endsWith('.wasm') ? [full] : [];
  });
}

/** A component, not a core module: the layer field of its preamble is 1. */
const isComponent = (bytes: Uint8Array) => bytes[6] === 1 && bytes[7] === 0;

/** Every built component, by its path from the repository root. */
export function builtComponents(): Map<string, Uint8Array> {
  if (!existsSync(COMPONENTS_DIR)) {
    throw new Error(
      'The component fixtures are not built: run `node examples/build.mjs --fixtures`.',
    );
  }
  const found = new Map<string, Uint8Array>();
  for (const file of [
    ...wasmFiles(path.join(ROOT, 'e2e/.built')),
    ...wasmFiles(path.join(ROOT, 'public/examples')),
  ].sort()) {
    const bytes = new Uint8Array(readFileSync(file));
    if (isComponent(bytes)) found.set(path.relative(ROOT, file), bytes);
  }
  return found;
}

/** One of the decoder's own fixtures, by file name. */
export function componentFixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(path.join(COMPONENTS_DIR, name)));
}
