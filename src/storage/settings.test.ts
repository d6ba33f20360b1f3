import { afterEach, describe, expect, it, vi } from 'vitest';
import { LOCAL_STORAGE_KEYS } from './keys';
import { readSettings } from './settings';

function storageWith(text: string | null) {
  vi.stubGlobal('localStorage', {
    getItem: (key: string) => (key === LOCAL_STORAGE_KEYS.settings ? text : null),
  });
}

describe('readSettings', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('reads the stored settings', () => {
    storageWith('{"version":1,"validationMode":"spec"}');
    expect(readSettings()).toEqual({ value: { version: 1, validationMode: 'spec' } });
  });

  it('gives the defaults, quietly, when nothing is stored or storage is blocked', () => {
    storageWith(null);
    expect(readSettings()).toEqual({ value: { version: 1, validationMode: 'permissive' } });
    vi.stubGlobal('localStorage', {
      getItem: () => {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
    expect(readSettings()).toEqual({ value: { version: 1, validationMode: 'permissive' } });
  });

  it('gives the defaults and says why when the stored settings cannot be read', () => {
    storageWith('{"version":1,"validationMode":"strict"}');
    expect(readSettings()).toEqual({
      value: { version: 1, validationMode: 'permissive' },
      unreadable: 'The record (version 1) does not have the fields this version expects.',
    });
    storageWith('{"version":1,');
    expect(readSettings().unreadable).toMatch(/^The settings are not JSON: /);
  });
});
