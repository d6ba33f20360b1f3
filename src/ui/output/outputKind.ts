import { imageKind } from '../bundleImage';

// What a tool's output is, read from the output itself: skills do not say a content type. Each
// kind has its view; the raw text is always one click away, so a wrong guess costs a click.

export type OutputKind =
  | { kind: 'wave' }
  | { kind: 'json'; value: object }
  | { kind: 'image'; bytes: Uint8Array; source: 'data-url' | 'svg' }
  | { kind: 'markdown' }
  | { kind: 'text' };

/** Outputs longer than this are not read as Markdown: it is parsed on the main thread. */
export const MAX_MARKDOWN_GUESS = 256 * 1024;

const DATA_URL = /^data:(image\/(?:png|jpeg|gif|webp|svg\+xml))(;[^,]*)?,/i;

/** Which view shows an output; a WIT value printed in WAVE keeps its own. */
export function outputKind(output: string, format?: 'wave'): OutputKind {
  if (format === 'wave') return { kind: 'wave' };
  const trimmed = output.trim();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      const value: unknown = JSON.parse(trimmed);
      if (typeof value === 'object' && value !== null) return { kind: 'json', value };
    } catch {
      // not JSON after all: the other kinds may fit
    }
  }
  const image = imageOutput(trimmed);
  if (image) return image;
  if (trimmed.length <= MAX_MARKDOWN_GUESS && looksLikeMarkdown(trimmed)) {
    return { kind: 'markdown' };
  }
  return { kind: 'text' };
}

/**
 * An image, when the whole output is a data: URL of one or an SVG document. The bytes decide
 * what it is (bundleImage.imageKind), never the URL's declared type.
 */
function imageOutput(text: string): OutputKind | null {
  const match = DATA_URL.exec(text);
  if (match) {
    const bytes = decodeDataUrl(text.slice(match[0].length), /;base64/i.test(match[2] ?? ''));
    if (bytes && imageKind(bytes).kind !== 'other') {
      return { kind: 'image', bytes, source: 'data-url' };
    }
    return null;
  }
  if (/^(<\?xml[^>]*\?>\s*)?(<!--[\s\S]*?-->\s*)*<svg[\s>/]/i.test(text)) {
    const bytes = new TextEncoder().encode(text);
    if (imageKind(bytes).kind === 'svg') return { kind: 'image', bytes, source: 'svg' };
  }
  return null;
}

function decodeDataUrl(payload: string, base64: boolean): Uint8Array | null {
  try {
    if (!base64) return new TextEncoder().encode(decodeURIComponent(payload));
    const binary = atob(payload.replace(/\s+/g, ''));
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return null;
  }
}

// Marks that plain text rarely has: a heading, a fence, a table's rule, a quote, two list items,
// a link or emphasis.
const BLOCK_MARKS = [
  /^#{1,6}\s+\S/m,
  /^\s{0,3}(```|~~~)/m,
  /^\s*\|?\s*:?-{3,}:?\s*\|/m,
  /^>\s+\S/m,
  /(^\s*([-*+]|\d+[.)])\s+\S.*\n){2}/m,
];
const INLINE_MARKS = [/\[[^\]\n]+\]\((https?:|mailto:|#|\.{0,2}\/)[^)\s]*\)/, /\*\*[^*\n]+\*\*/];

/** A guess that the text was written as Markdown, for the rendered view to be the first shown. */
export function looksLikeMarkdown(text: string): boolean {
  return (
    BLOCK_MARKS.some((mark) => mark.test(text)) || INLINE_MARKS.some((mark) => mark.test(text))
  );
}
