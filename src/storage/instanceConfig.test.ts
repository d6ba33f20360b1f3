import { describe, expect, it } from 'vitest';
import { instanceFormat, isStoredInstance, type StoredInstance } from './instanceConfig';
import { readRecord } from './readRecord';

const instance: StoredInstance = {
  version: 1,
  name: 'default',
  config: [
    { key: 'region', value: 'eu', secret: false },
    { key: 'token', value: 's3cret', secret: true },
  ],
  timeoutMs: 30_000,
  maxMemoryBytes: 64 * 1024 * 1024,
  keepWarm: true,
};

describe('the instance record', () => {
  it('reads an instance with its configuration and limit overrides', () => {
    expect(readRecord(instance, instanceFormat)).toEqual({
      ok: true,
      value: instance,
      migrated: false,
    });
  });

  it('reads an instance written before the limits and keep warm existed', () => {
    // The first instance records (the core slice) had only a name, config and timeoutMs.
    expect(isStoredInstance({ version: 1, name: 'default', config: [] })).toBe(true);
    expect(isStoredInstance({ version: 1, name: 'default', config: [], timeoutMs: 5000 })).toBe(
      true,
    );
  });

  it('refuses a configuration entry without its secret flag, so a secret is never shown', () => {
    const unflagged = { ...instance, config: [{ key: 'token', value: 's3cret' }] };
    expect(isStoredInstance(unflagged)).toBe(false);
  });

  it('refuses limits that are not positive numbers, and a keep warm that is not a boolean', () => {
    expect(isStoredInstance({ ...instance, timeoutMs: '30000' })).toBe(false);
    expect(isStoredInstance({ ...instance, maxOutputBytes: 0 })).toBe(false);
    expect(isStoredInstance({ ...instance, maxMemoryBytes: Number.NaN })).toBe(false);
    expect(isStoredInstance({ ...instance, keepWarm: 'yes' })).toBe(false);
  });

  it('refuses an instance without a name or a configuration list', () => {
    expect(isStoredInstance({ version: 1, config: [] })).toBe(false);
    expect(isStoredInstance({ version: 1, name: 'default', config: {} })).toBe(false);
  });

  it('refuses a record from a newer version with a sentence, rather than reset it silently', () => {
    const read = readRecord({ ...instance, version: 2, profiles: [] }, instanceFormat);
    expect(read).toEqual({
      ok: false,
      reason:
        'The record has version 2, written by a newer Skill Playground; this one reads up to version 1.',
    });
  });
});
