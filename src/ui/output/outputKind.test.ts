import { describe, expect, it } from 'vitest';
import { looksLikeMarkdown, outputKind } from './outputKind';

const PNG_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
const SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"><rect width="4" height="4"/></svg>';

describe('outputKind', () => {
  it('reads objects and arrays as JSON, and JSON scalars as text', () => {
    expect(outputKind('{"words": 4}')).toEqual({ kind: 'json', value: { words: 4 } });
    expect(outputKind(' [1, 2]\n')).toEqual({ kind: 'json', value: [1, 2] });
    expect(outputKind('"second"').kind).toBe('text');
    expect(outputKind('42').kind).toBe('text');
    expect(outputKind('{not json').kind).toBe('text');
  });

  it('keeps WAVE as WAVE, whatever it looks like', () => {
    expect(outputKind('["a", "b"]', 'wave')).toEqual({ kind: 'wave' });
  });

  it('reads a data URL of an image, or an SVG document, as an image by its bytes', () => {
    const png = outputKind(`data:image/png;base64,${PNG_BASE64}`);
    expect(png).toMatchObject({ kind: 'image', source: 'data-url' });
    expect(png.kind === 'image' && png.bytes[1]).toBe(0x50);
    expect(outputKind(`data:image/svg+xml,${encodeURIComponent(SVG)}`)).toMatchObject({
      kind: 'image',
      source: 'data-url',
    });
    expect(outputKind(`${SVG}\n`)).toMatchObject({ kind: 'image', source: 'svg' });
    // The URL says PNG; the bytes are text: not an image.
    expect(outputKind(`data:image/png;base64,${btoa('<html>hi</html>')}`).kind).toBe('text');
    expect(outputKind('data:image/png;base64,@@@').kind).toBe('text');
  });

  it('reads Markdown by the marks plain text rarely has', () => {
    expect(outputKind('# Report\n\nAll good.').kind).toBe('markdown');
    expect(looksLikeMarkdown('- one\n- two\n')).toBe(true);
    expect(looksLikeMarkdown('| a | b |\n|---|---|\n| 1 | 2 |')).toBe(true);
    expect(looksLikeMarkdown('See [the docs](https://example.test/docs).')).toBe(true);
    expect(looksLikeMarkdown('```\ncode\n```')).toBe(true);
    for (const plain of [
      'Hello, World.',
      'region=eu-west-1\ntoken=s3cret',
      'hello_world',
      '- just one dash',
      '#hashtag',
      'a * b * c',
    ]) {
      expect(looksLikeMarkdown(plain), plain).toBe(false);
    }
  });
});
