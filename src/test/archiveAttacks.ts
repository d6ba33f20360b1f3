import { Zip, ZipDeflate } from 'fflate';

// Zip bombs that lie about their sizes, built from bytes for the unit tests of the archive reader
// (bundle/archive.test.ts) and for the browser's hostile suite (e2e/archives.spec.ts).

/** A zip whose entries stream their sizes in a data descriptor, as fflate's Zip writes them. */
export function streamedZip(entries: Record<string, Uint8Array>): Uint8Array {
  const parts: Uint8Array[] = [];
  const archive = new Zip((error, chunk) => {
    if (error) throw error;
    parts.push(chunk);
  });
  for (const [name, data] of Object.entries(entries)) {
    const entry = new ZipDeflate(name);
    archive.add(entry);
    entry.push(data, true);
  }
  archive.end();
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  parts.reduce((offset, p) => (out.set(p, offset), offset + p.length), 0);
  return out;
}

/**
 * The zip with its first entry's local header lying: its compressed size (offset 18) claims
 * 2 GiB, its size (offset 22) 1 byte.
 */
export function withForgedSizes(zip: Uint8Array): Uint8Array {
  const forged = zip.slice();
  const view = new DataView(forged.buffer);
  view.setUint32(18, 0x7fffffff, true);
  view.setUint32(22, 1, true);
  return forged;
}
