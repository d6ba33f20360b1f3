import { describe, expect, it } from 'vitest';
import { importsOutgoingHttp, looksLikeCommand, transpileOptionsKey } from './transpile';

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

describe('importsOutgoingHttp', () => {
  it('finds the outgoing handler import, whose waits need JSPI', () => {
    expect(importsOutgoingHttp(withText('wasi:http/outgoing-handler@0.2.12'))).toBe(true);
    expect(importsOutgoingHttp(withText('wasi:http/types@0.2.12'))).toBe(false);
  });

  it('gives such components a cache key of their own', () => {
    expect(transpileOptionsKey({ jspiCommand: false, jspiHttp: true })).not.toBe(
      transpileOptionsKey({ jspiCommand: false }),
    );
  });
});
