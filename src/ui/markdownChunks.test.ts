import { describe, expect, it } from 'vitest';
import { chunkEnd, chunkEnds } from './markdownChunks';

describe('chunkEnd', () => {
  it('keeps a short text whole', () => {
    expect(chunkEnd('# Title\n\ntext\n', 0, 100)).toBe(14);
  });

  it('cuts after the last blank line within the size', () => {
    const text = 'para one\n\npara two\n\npara three is long\n';
    expect(text.slice(0, chunkEnd(text, 0, 25))).toBe('para one\n\npara two\n\n');
  });

  it('never cuts inside a fenced code block, whatever its blank lines', () => {
    const text = 'intro\n\n```js\nconst a = 1;\n\nconst b = 2;\n```\n\nafter\n';
    // The blank line inside the fence is within reach, but the cut stays before the fence.
    expect(text.slice(0, chunkEnd(text, 0, 30))).toBe('intro\n\n');
    expect(text.slice(0, chunkEnd(text, 0, 45))).toBe(
      'intro\n\n```js\nconst a = 1;\n\nconst b = 2;\n```\n\n',
    );
  });

  it('falls back to a line end, then to the size, without splitting a surrogate pair', () => {
    expect(chunkEnd('line one\nline two\nline three', 0, 20)).toBe(18);
    expect(chunkEnd('x'.repeat(50), 0, 10)).toBe(10);
    expect(chunkEnd('xxxxxxxxx😀yyyy', 0, 10)).toBe(9);
  });
});

describe('chunkEnds', () => {
  it('covers the text piece after piece', () => {
    const text = Array.from({ length: 50 }, (_, i) => `paragraph ${i}\n\n`).join('');
    const ends = chunkEnds(text, 1000, 64);
    expect(ends.at(-1)).toBe(text.length);
    expect(ends.every((end, i) => i === 0 || end > ends[i - 1]!)).toBe(true);
    expect(chunkEnds(text, 2, 64)).toEqual(ends.slice(0, 2));
  });
});

describe('chunkEnd on GitHub-flavoured Markdown', () => {
  it('keeps a table that fits a piece whole, cutting at the blank line before it', () => {
    const table = '| a | b |\n|---|---|\n| 1 | 2 |\n| 3 | 4 |\n';
    const text = `intro\n\n${table}\nafter\n`;
    const end = chunkEnd(text, 0, 'intro\n\n'.length + table.length - 5);
    expect(text.slice(0, end)).toBe('intro\n\n');
    expect(text.slice(end, chunkEnd(text, end, 100))).toBe(`${table}\nafter\n`);
  });
});

describe('chunkEnds with a smaller first piece', () => {
  it('cuts the first piece at its own size and the rest at theirs', () => {
    const text = Array.from({ length: 40 }, (_, i) => `paragraph ${i}\n\n`).join('');
    const [first, second] = chunkEnds(text, 2, 100, 30);
    expect(first).toBeLessThanOrEqual(30);
    expect(second! - first!).toBeGreaterThan(30);
    expect(second! - first!).toBeLessThanOrEqual(100);
  });
});
