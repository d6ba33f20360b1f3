import type { FileMap } from '../vfs';

const encoder = new TextEncoder();

/**
 * One SHA-256 for a bundle's files, the same whatever order they came in: each path, its length
 * and its bytes, in path order. It tells a skill loaded again from its URL from what was loaded
 * before, and names a version in links.
 */
export async function bundleDigest(files: FileMap): Promise<string> {
  const parts: Uint8Array[] = [];
  let length = 0;
  for (const path of [...files.keys()].sort()) {
    const bytes = files.get(path)!;
    const head = encoder.encode(`${path}\0${bytes.byteLength}\0`);
    parts.push(head, bytes);
    length += head.byteLength + bytes.byteLength;
  }
  const all = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    all.set(part, offset);
    offset += part.byteLength;
  }
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', all));
  return [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
}
