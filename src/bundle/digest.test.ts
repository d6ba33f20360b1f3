import { describe, expect, it } from 'vitest';
import { bundleDigest } from './digest';

const files = (entries: Array<[string, string]>) =>
  new Map(entries.map(([p, t]) => [p, new TextEncoder().encode(t)]));

describe('bundleDigest', () => {
  it('is the same whatever order the files came in', async () => {
    const a = await bundleDigest(
      files([
        ['SKILL.md', 'x'],
        ['skill.wasm', 'y'],
      ]),
    );
    const b = await bundleDigest(
      files([
        ['skill.wasm', 'y'],
        ['SKILL.md', 'x'],
      ]),
    );
    expect(a).toBe(b);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
  });

  it('changes with any byte, and with where the bytes sit', async () => {
    const base = await bundleDigest(files([['a', 'xy']]));
    expect(await bundleDigest(files([['a', 'xz']]))).not.toBe(base);
    expect(
      await bundleDigest(
        files([
          ['a', 'x'],
          ['b', 'y'],
        ]),
      ),
    ).not.toBe(base);
  });
});
