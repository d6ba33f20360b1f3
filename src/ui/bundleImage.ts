// Images from a skill's own files, shown so that no byte of the bundle ever runs as the app.
//
// A blob: URL has the app's origin, and whatever document it holds runs as the app when opened in
// a tab of its own. So a blob: URL is made only for a raster image whose bytes say it is one, and
// typed by those bytes: a browser opens image/png as a picture, never as a document. An SVG is a
// document that can hold script, so it never gets a URL of the app's origin: it is decoded as an
// <img> from a data: URL (an image context, where SVG runs no script and loads nothing), drawn into
// a canvas, and shown as the PNG the canvas makes.

export type RasterType = 'image/png' | 'image/jpeg' | 'image/gif' | 'image/webp';

/** What the bytes are, read from their first bytes and never from the file's name. */
export type ImageKind = { kind: 'raster'; type: RasterType } | { kind: 'svg' } | { kind: 'other' };

/** Larger SVGs are not drawn: an SVG is laid out on the main thread. */
export const MAX_SVG_BYTES = 1024 * 1024;
/** The longest side of a drawn SVG, in canvas pixels. */
export const MAX_SVG_SIDE = 4096;

const startsWith = (bytes: Uint8Array, prefix: number[], at = 0) =>
  bytes.length >= at + prefix.length && prefix.every((b, i) => bytes[at + i] === b);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

// An XML declaration, comments and a doctype (with an internal subset) may come before <svg.
const SVG_START =
  /^\uFEFF?\s*(<\?xml[^>]*\?>\s*)?(<!--[\s\S]*?-->\s*|<!DOCTYPE[^>[]*(\[[\s\S]*?\])?\s*>\s*)*<svg[\s>/]/i;

export function imageKind(bytes: Uint8Array): ImageKind {
  if (startsWith(bytes, [0x89, ...ascii('PNG\r\n\x1a\n')]))
    return { kind: 'raster', type: 'image/png' };
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { kind: 'raster', type: 'image/jpeg' };
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a')))
    return { kind: 'raster', type: 'image/gif' };
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8))
    return { kind: 'raster', type: 'image/webp' };
  const head = new TextDecoder().decode(bytes.subarray(0, 4096));
  return SVG_START.test(head) ? { kind: 'svg' } : { kind: 'other' };
}

export class BundleImageError extends Error {
  override readonly name = 'BundleImageError';
  constructor(
    readonly code: 'not-an-image' | 'svg-too-large' | 'svg-unreadable',
    message: string,
  ) {
    super(message);
  }
}

/** A PNG of the SVG, drawn from an <img> of a data: URL: the SVG's script never runs. */
async function rasterizeSvg(bytes: Uint8Array): Promise<Blob> {
  const dataUrl = await new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.onerror = () => reject(reader.error ?? new Error('The SVG could not be read.'));
    // A Blob, not a blob: URL: nothing of the app's origin ever holds the SVG.
    reader.readAsDataURL(new Blob([bytes as BlobPart], { type: 'image/svg+xml' }));
  });
  const img = new Image();
  img.src = dataUrl;
  await img.decode();
  const width = img.naturalWidth || 300;
  const height = img.naturalHeight || 150;
  const scale = Math.min(window.devicePixelRatio || 1, MAX_SVG_SIDE / width, MAX_SVG_SIDE / height);
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(width * scale));
  canvas.height = Math.max(1, Math.round(height * scale));
  canvas.getContext('2d')!.drawImage(img, 0, 0, canvas.width, canvas.height);
  return new Promise<Blob>((resolve, reject) =>
    canvas.toBlob(
      (png) => (png ? resolve(png) : reject(new Error('No PNG was made.'))),
      'image/png',
    ),
  );
}

/**
 * A URL to show a bundle's image with: a blob: URL typed by the image's own bytes, for a raster
 * image, or for the PNG an SVG was drawn into. The caller revokes it.
 */
export async function bundleImageUrl(path: string, bytes: Uint8Array): Promise<string> {
  const what = imageKind(bytes);
  if (what.kind === 'raster')
    return URL.createObjectURL(new Blob([bytes as BlobPart], { type: what.type }));
  if (what.kind === 'other')
    throw new BundleImageError(
      'not-an-image',
      `${path} is not a PNG, JPEG, GIF, WebP or SVG image`,
    );
  if (bytes.length > MAX_SVG_BYTES)
    throw new BundleImageError(
      'svg-too-large',
      `${path} is an SVG larger than ${MAX_SVG_BYTES / 1024 / 1024} MiB, too large to draw`,
    );
  try {
    return URL.createObjectURL(await rasterizeSvg(bytes));
  } catch {
    throw new BundleImageError('svg-unreadable', `${path} is an SVG that could not be drawn`);
  }
}
