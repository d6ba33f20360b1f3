import type { CountedBytes } from './outputBudget';

/**
 * Roughly how many bytes a returned value costs to send to the page and show there: strings by
 * their UTF-8 length, byte arrays by their length, 8 bytes a number, 1 for every other leaf and
 * container (so a value of a million empty lists still counts a million). The walk keeps its own
 * stack, so no nesting overflows it, and stops once the count passes `cap`: it never walks more
 * of a value than the budget it is checked against.
 */
export function valueBytes(value: unknown, cap: number): CountedBytes {
  let bytes = 0;
  // Containers being walked, each with the next of its entries to look at.
  const frames: Array<{ keys: string[] | null; items: unknown; next: number; length: number }> = [];
  const visit = (item: unknown): void => {
    if (typeof item === 'string') bytes += utf8Length(item);
    else if (typeof item === 'number' || typeof item === 'bigint') bytes += 8;
    else if (typeof item !== 'object' || item === null) bytes += 1;
    else if (ArrayBuffer.isView(item) || item instanceof ArrayBuffer) bytes += item.byteLength;
    else {
      bytes += 1;
      const keys = Array.isArray(item) ? null : Object.keys(item);
      const length = keys ? keys.length : (item as unknown[]).length;
      frames.push({ keys, items: item, next: 0, length });
    }
  };
  visit(value);
  while (frames.length > 0 && bytes <= cap) {
    const frame = frames[frames.length - 1]!;
    if (frame.next >= frame.length) {
      frames.pop();
      continue;
    }
    const index = frame.next++;
    if (frame.keys) {
      const key = frame.keys[index]!;
      bytes += key.length;
      visit((frame.items as Record<string, unknown>)[key]);
    } else visit((frame.items as unknown[])[index]);
  }
  return bytes > cap ? { bytes, partial: frames.length > 0 } : { bytes };
}

/**
 * The UTF-8 length of a string, without encoding it: one pass over its UTF-16 units, a few
 * milliseconds a megabyte, spent in the worker.
 */
export function utf8Length(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) continue;
    if (unit < 0x800) {
      bytes += 1;
      continue;
    }
    // Three bytes; a surrogate pair is four for its two units, so its second unit adds nothing.
    bytes += 2;
    const next = text.charCodeAt(i + 1);
    if (unit >= 0xd800 && unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) i++;
  }
  return bytes;
}
