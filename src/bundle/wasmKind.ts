/** What the first eight bytes of a file say it is. */
export type WasmKind = 'component' | 'core-module' | 'not-wasm';

const MAGIC = [0x00, 0x61, 0x73, 0x6d];

/**
 * Components and core modules share the `\0asm` magic and differ in the layer field: a core
 * module has version 1 and layer 0, a component has layer 1 (its version counts drafts).
 */
export function wasmKind(bytes: Uint8Array): WasmKind {
  if (bytes.length < 8 || MAGIC.some((b, i) => bytes[i] !== b)) return 'not-wasm';
  const layer = bytes[6]! | (bytes[7]! << 8);
  return layer === 1 ? 'component' : 'core-module';
}
