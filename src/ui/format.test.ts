import { describe, expect, it } from 'vitest';
import { findingsHeading } from './format';

describe('findingsHeading', () => {
  it('counts every finding, then each severity, so the count matches the list', () => {
    expect(findingsHeading(['error', 'warning', 'warning'])).toBe(
      '3 findings in this skill: 1 error, 2 warnings',
    );
    expect(findingsHeading(['warning'])).toBe('1 finding in this skill: 1 warning');
    expect(findingsHeading(['info', 'error', 'info', 'error'])).toBe(
      '4 findings in this skill: 2 errors, 2 notes',
    );
  });
});
