import type { ComponentId } from './protocol';

/** SHA-256 of the component's bytes, in hex: the key for every cache of its derived forms. */
export async function componentId(bytes: Uint8Array): Promise<ComponentId> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as BufferSource);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
