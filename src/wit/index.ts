// decodeComponent.ts is imported on its own (and lazily), so the page does not load it up front.
export * from './types';
export { formatWave } from './wave';
export { lowerCamel, TYPED_ARRAYS, isTypedArrayKind, type TypedArrayKind } from './jsNames';
