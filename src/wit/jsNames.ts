/** `entry-path` in WIT is `entryPath` in the JS jco generates (record fields, flags, functions). */
export function lowerCamel(witName: string): string {
  return witName.replace(/-([a-zA-Z0-9])/g, (_, c: string) => c.toUpperCase());
}

/** Element kinds jco passes and returns as typed arrays (list<u8> is a Uint8Array, ...). */
export const TYPED_ARRAYS = {
  u8: Uint8Array,
  s8: Int8Array,
  u16: Uint16Array,
  s16: Int16Array,
  u32: Uint32Array,
  s32: Int32Array,
  u64: BigUint64Array,
  s64: BigInt64Array,
  f32: Float32Array,
  f64: Float64Array,
} as const;

export type TypedArrayKind = keyof typeof TYPED_ARRAYS;

export const isTypedArrayKind = (kind: string): kind is TypedArrayKind => kind in TYPED_ARRAYS;
