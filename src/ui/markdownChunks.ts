// Long Markdown is shown a piece at a time. react-markdown's parser slows down faster than its
// input grows (a 1 MB SKILL.md froze the tab for 42 s), so each piece is parsed on its own and a
// piece is cut where Markdown allows it: at a blank line outside a fenced code block.

/** How much Markdown one piece holds at most, in characters. */
export const MARKDOWN_CHUNK = 4 * 1024;
/** The first piece is smaller: the beginning of a long text shows as soon as it can. */
export const FIRST_CHUNK = 1024;
/** How many pieces are shown before the reader is asked whether to show more. */
export const PIECES_PER_PAGE = 16;

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})/;

/**
 * Where the piece that starts at `start` ends: after the last blank line outside a code fence
 * within `size` characters; else after the last line end; else at `size` characters.
 */
export function chunkEnd(text: string, start: number, size = MARKDOWN_CHUNK): number {
  const limit = start + size;
  if (limit >= text.length) return text.length;
  let fence: string | null = null;
  let lastBlank = -1;
  let lastLine = -1;
  for (let pos = start; ;) {
    const eol = text.indexOf('\n', pos);
    if (eol < 0 || eol >= limit) break;
    const line = text.slice(pos, eol);
    const marker = FENCE_OPEN.exec(line)?.[1];
    if (marker && fence === null) fence = marker;
    else if (marker && fence && marker[0] === fence[0] && marker.length >= fence.length) {
      // Only fence characters (and spaces) close a fence.
      if (line.trim() === marker) fence = null;
    } else if (fence === null && line.trim() === '') lastBlank = eol + 1;
    lastLine = eol + 1;
    pos = eol + 1;
  }
  if (lastBlank > start) return lastBlank;
  if (lastLine > start) return lastLine;
  // One line longer than a piece: cut it, but never between the halves of a surrogate pair.
  const code = text.charCodeAt(limit - 1);
  return code >= 0xd800 && code <= 0xdbff ? limit - 1 : limit;
}

/** The ends of the first `count` pieces of the text, the first of them at most `firstSize`. */
export function chunkEnds(
  text: string,
  count: number,
  size = MARKDOWN_CHUNK,
  firstSize = size,
): number[] {
  const ends: number[] = [];
  for (let start = 0; ends.length < Math.max(1, count);) {
    const end = chunkEnd(text, start, ends.length === 0 ? firstSize : size);
    ends.push(end);
    if (end >= text.length) break;
    start = end;
  }
  return ends;
}
