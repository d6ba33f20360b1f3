import { describe, expect, it } from 'vitest';
import { LIMIT_CEILINGS, LIMIT_FLOORS, limitsProblem } from './runLimits';

const fine = {
  timeoutMs: 10_000,
  maxOutputBytes: 1024 * 1024,
  maxLineBytes: 64 * 1024,
  maxMemoryBytes: 256 * 1024 * 1024,
};

describe('limitsProblem', () => {
  it('accepts limits in their ranges, the floors and the ceilings included', () => {
    expect(limitsProblem(fine)).toBeUndefined();
    expect(limitsProblem(LIMIT_FLOORS)).toBeUndefined();
    expect(limitsProblem(LIMIT_CEILINGS)).toBeUndefined();
  });

  it('refuses a timeout setTimeout cannot keep, with a sentence', () => {
    expect(limitsProblem({ ...fine, timeoutMs: 1e12 })).toBe(
      "The run's timeout must be a whole number of milliseconds from 1 ms to 10 min; it was 1000000000000.",
    );
  });

  it('refuses values that are not finite whole numbers', () => {
    for (const bad of [NaN, Infinity, -1, 0, 1.5]) {
      expect(limitsProblem({ ...fine, maxOutputBytes: bad })).toMatch(
        /^The run's output limit must be a whole number of bytes from 1 byte to 64 MiB; it was /,
      );
    }
  });

  it('refuses a memory limit smaller than one page or larger than wasm32 can address', () => {
    expect(limitsProblem({ ...fine, maxMemoryBytes: 1000 })).toBe(
      "The run's memory limit must be a whole number of bytes from 64 KiB to 4 GiB; it was 1000.",
    );
    expect(limitsProblem({ ...fine, maxMemoryBytes: 8 * 1024 ** 3 })).toContain('4 GiB');
  });
});
