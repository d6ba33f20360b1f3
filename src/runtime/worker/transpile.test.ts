import { describe, expect, it } from 'vitest';
import { looksLikeCommand } from './transpile';

const withText = (text: string, padding = 1000) => {
  const bytes = new Uint8Array(padding + text.length).fill(0x77); // 'w', the needle's first byte
  bytes.set(new TextEncoder().encode(text), padding);
  return bytes;
};

describe('looksLikeCommand', () => {
  it('finds the wasi:cli/run export name anywhere, even among many near misses', () => {
    expect(looksLikeCommand(withText('wasi:cli/run@0.2.3'))).toBe(true);
    expect(looksLikeCommand(withText('wasi:cli/run@', 0))).toBe(true);
  });

  it('says no for other components and for a name cut off at the end', () => {
    expect(looksLikeCommand(withText('wasi:cli/environment@0.2.3'))).toBe(false);
    expect(looksLikeCommand(withText('wasi:cli/run'))).toBe(false);
    expect(looksLikeCommand(new Uint8Array())).toBe(false);
  });
});
