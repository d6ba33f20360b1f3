import { describe, expect, it } from 'vitest';
import { isQuotaExceeded } from './quota';

describe('isQuotaExceeded', () => {
  it('knows the standard QuotaExceededError', () => {
    expect(
      isQuotaExceeded(new DOMException('The quota has been exceeded.', 'QuotaExceededError')),
    ).toBe(true);
  });

  it("knows Firefox's NS_ERROR_DOM_QUOTA_REACHED", () => {
    const firefox = Object.assign(new Error('Persistent storage maximum size reached'), {
      name: 'NS_ERROR_DOM_QUOTA_REACHED',
      code: 1014,
    });
    expect(isQuotaExceeded(firefox)).toBe(true);
  });

  it('knows a DOMException by its legacy code 22 alone', () => {
    const legacy = new DOMException('Storage full');
    Object.defineProperty(legacy, 'code', { value: 22 });
    expect(isQuotaExceeded(legacy)).toBe(true);
  });

  it('is false for other failures, and for a code 22 that is not a DOMException', () => {
    expect(isQuotaExceeded(new DOMException('Aborted', 'AbortError'))).toBe(false);
    expect(isQuotaExceeded(new Error('QuotaExceededError'))).toBe(false);
    expect(isQuotaExceeded({ code: 22 })).toBe(false);
    expect(isQuotaExceeded('QuotaExceededError')).toBe(false);
    expect(isQuotaExceeded(undefined)).toBe(false);
  });
});
