import { LINK_LIMITS, SHARE_LINK_VERSION, ShareLinkError, type ShareLink } from './linkFormat';
import { migrateShareLink } from './migrate';

// A link's state travels as JSON, deflated (CompressionStream's deflate-raw: no header, no
// checksum, built into every browser) and written in base64url without padding, which survives
// chat apps and Markdown unescaped. Opening one is the reverse, with a wall at every step: the
// length first, then the alphabet, then the inflate (streamed and counted, so a bomb stops at
// the cap rather than after filling memory), then JSON, then the version's own check.

const encoder = new TextEncoder();

/** Whether a fragment is meant as a share link (it may still be a broken one). */
export function isShareFragment(hash: string): boolean {
  return /^#?v=/.test(hash);
}

/** The fragment (without `#`) that carries a link's state: `v=1&s=...`. */
export async function encodeShareLink(link: ShareLink): Promise<string> {
  const json = encoder.encode(JSON.stringify(link));
  const packed = await pipe(json, new CompressionStream('deflate-raw'));
  return `v=${SHARE_LINK_VERSION}&s=${toBase64Url(packed)}`;
}

/**
 * The state a fragment carries (with or without its `#`), checked and migrated to the current
 * shape. Throws a ShareLinkError with a sentence for anything else.
 */
export async function decodeShareLink(
  hash: string,
  limits: { maxChars: number; maxInflatedBytes: number } = LINK_LIMITS,
): Promise<ShareLink> {
  const fragment = hash.startsWith('#') ? hash.slice(1) : hash;
  if (fragment.length > limits.maxChars) {
    throw new ShareLinkError(
      'TooLong',
      `This link is ${fragment.length.toLocaleString('en')} characters long, more than the ${limits.maxChars.toLocaleString('en')} a share link may be. Nothing was opened.`,
    );
  }
  const match = /^v=(\d{1,6})&s=([A-Za-z0-9_-]*)$/.exec(fragment);
  if (!match) {
    throw new ShareLinkError(
      'Malformed',
      'This is not a share link this playground can read: its address should end in #v=<version>&s=<data>. Nothing was opened.',
    );
  }
  const version = Number(match[1]);
  const packed = fromBase64Url(match[2]!);
  const json = await inflate(packed, limits.maxInflatedBytes);
  let data: unknown;
  try {
    data = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(json));
  } catch {
    throw new ShareLinkError('Damaged', 'This link is damaged: its data is not readable JSON.');
  }
  return migrateShareLink(version, data);
}

/** Inflates with a byte cap, reading chunk by chunk and stopping the stream past the cap. */
async function inflate(packed: Uint8Array, maxBytes: number): Promise<Uint8Array> {
  if (packed.length === 0) {
    throw new ShareLinkError('Damaged', 'This link carries no data: it was cut short.');
  }
  const reader = streamOf(packed).pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > maxBytes) {
        void reader.cancel().catch(() => undefined);
        throw new ShareLinkError(
          'TooLarge',
          `This link's data inflates past ${Math.round(maxBytes / 1024)} KiB, more than any link this playground makes: it was refused as a decompression bomb. Nothing was opened.`,
        );
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof ShareLinkError) throw error;
    throw new ShareLinkError(
      'Damaged',
      'This link is cut short or damaged: its data does not inflate. Was it copied whole? Nothing was opened.',
    );
  }
  return concat(chunks, total);
}

async function pipe(bytes: Uint8Array, transform: CompressionStream): Promise<Uint8Array> {
  const reader = streamOf(bytes).pipeThrough(transform).getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return concat(chunks, total);
    chunks.push(value);
    total += value.length;
  }
}

function streamOf(bytes: Uint8Array): ReadableStream<Uint8Array<ArrayBuffer>> {
  return new ReadableStream({
    start(controller) {
      controller.enqueue(new Uint8Array(bytes));
      controller.close();
    },
  });
}

function concat(chunks: Uint8Array[], total: number): Uint8Array {
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

export function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function fromBase64Url(text: string): Uint8Array {
  let binary: string;
  try {
    binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  } catch {
    throw new ShareLinkError(
      'Damaged',
      'This link is cut short or damaged: its data is not whole base64url. Nothing was opened.',
    );
  }
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}
