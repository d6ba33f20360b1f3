import { describe, expect, it } from 'vitest';
import { decodeTextInSlices } from './decodeText';

describe('decodeTextInSlices', () => {
  it('gives what one decode gives, characters cut between slices included', async () => {
    const text = '\uFEFFhé 😀 ünïcødé\n'.repeat(8) + 'end';
    const bytes = new TextEncoder().encode(text);
    const whole = new TextDecoder().decode(bytes);
    // Slices of 1 to 7 bytes cut every multi-byte character somewhere.
    for (const slice of [1, 2, 3, 5, 7, 64]) {
      expect(await decodeTextInSlices(bytes, slice)).toBe(whole);
    }
    expect(whole.startsWith('\uFEFF')).toBe(false);
  });

  it('replaces a bad sequence as one decode does', async () => {
    const bytes = new Uint8Array([0x61, 0xff, 0x62, 0xe2, 0x82]);
    expect(await decodeTextInSlices(bytes, 2)).toBe(new TextDecoder().decode(bytes));
  });
});
