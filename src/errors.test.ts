import { describe, expect, it } from 'vitest';
import { errorMessage } from './errors';

describe('errorMessage', () => {
  it('gives an Error its message', () => {
    expect(errorMessage(new TypeError('bad input'))).toBe('bad input');
  });

  it('names an Error that has no message', () => {
    expect(errorMessage(new RangeError())).toBe('RangeError');
  });

  it('reads a DOMException, which IndexedDB throws', () => {
    expect(
      errorMessage(new DOMException('The quota has been exceeded.', 'QuotaExceededError')),
    ).toBe('The quota has been exceeded.');
  });

  it('gives a thrown string as it is', () => {
    expect(errorMessage('read-only')).toBe('read-only');
  });

  it('reads the message of an object that is not an Error', () => {
    expect(errorMessage({ message: 'from another realm' })).toBe('from another realm');
  });

  it('writes other values as JSON, and what JSON cannot write as text', () => {
    expect(errorMessage({ code: 7 })).toBe('{"code":7}');
    expect(errorMessage(undefined)).toBe('undefined');
    expect(errorMessage(10n)).toBe('10');
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(errorMessage(cyclic)).toBe('[object Object]');
  });
});
