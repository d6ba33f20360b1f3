import { describe, expect, it } from 'vitest';
import { imageKind } from './bundleImage';

const enc = new TextEncoder();
const bytes = (...parts: Array<string | number[]>) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...enc.encode(p)] : p)));

describe('imageKind', () => {
  it('knows PNG, JPEG, GIF and WebP by their first bytes', () => {
    expect(imageKind(bytes([0x89], 'PNG\r\n\x1a\n', [0, 0]))).toEqual({
      kind: 'raster',
      type: 'image/png',
    });
    expect(imageKind(bytes([0xff, 0xd8, 0xff, 0xe0]))).toMatchObject({ type: 'image/jpeg' });
    expect(imageKind(bytes('GIF89a', [1, 0]))).toMatchObject({ type: 'image/gif' });
    expect(imageKind(bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8 '))).toMatchObject({
      type: 'image/webp',
    });
  });

  it('knows an SVG by its root element, after a declaration, comments and a doctype', () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"/>';
    expect(imageKind(bytes(svg))).toEqual({ kind: 'svg' });
    expect(
      imageKind(
        bytes(
          `\uFEFF<?xml version="1.0"?>\n<!-- made by hand -->\n<!DOCTYPE svg [<!ENTITY a "b">]>\n${svg}`,
        ),
      ),
    ).toEqual({ kind: 'svg' });
  });

  it('refuses what only its name calls an image: HTML, text, half a header', () => {
    expect(imageKind(bytes('<!doctype html><script>alert(1)</script>'))).toEqual({
      kind: 'other',
    });
    expect(imageKind(bytes('<html><svg></svg></html>'))).toEqual({ kind: 'other' });
    expect(imageKind(bytes([0x89], 'PN'))).toEqual({ kind: 'other' });
    expect(imageKind(bytes('RIFF', [0, 0, 0, 0], 'WAVE'))).toEqual({ kind: 'other' });
    expect(imageKind(new Uint8Array())).toEqual({ kind: 'other' });
  });
});
