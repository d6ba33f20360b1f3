import { describe, expect, it } from 'vitest';
import { transpileKey, TRANSPILE_SCHEME } from './transpileCache';

describe('transpileKey', () => {
  it('names the component, the jco version and the transpile scheme', () => {
    expect(transpileKey('ab12', '1.35.0')).toBe(`ab12|jco@1.35.0|${TRANSPILE_SCHEME}`);
  });

  it('differs when any part differs, so an upgrade never reuses an old transpile', () => {
    const keys = new Set([
      transpileKey('ab12', '1.35.0'),
      transpileKey('ab13', '1.35.0'),
      transpileKey('ab12', '1.36.0'),
      transpileKey('ab12', '1.35.0', 'other-options'),
    ]);
    expect(keys.size).toBe(4);
  });
});
