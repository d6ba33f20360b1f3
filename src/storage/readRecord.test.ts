import { describe, expect, it } from 'vitest';
import { isStoredObject } from './guards';
import { readRecord, type RecordFormat } from './readRecord';

// A format made for these tests: version 2 added `unit`, version 1 had none, version 0 (before
// records had a version) called the amount `value`.
interface Reading {
  version: 2;
  amount: number;
  unit: string;
}

const isReading = (value: unknown): value is Reading =>
  isStoredObject(value) &&
  value.version === 2 &&
  typeof value.amount === 'number' &&
  typeof value.unit === 'string';

const readings: RecordFormat<Reading> = {
  version: 2,
  guard: isReading,
  migrate: (record, from) => {
    if (from === 0) return { version: 2, amount: record.value, unit: 'ms' };
    if (from === 1) return { ...record, version: 2, unit: 'ms' };
    throw new Error(`no migration from version ${from}`);
  },
};

describe('readRecord', () => {
  it('gives a valid record of the current version as it is', () => {
    const stored = { version: 2, amount: 5, unit: 's' };
    expect(readRecord(stored, readings)).toEqual({ ok: true, value: stored, migrated: false });
  });

  it('migrates a record of an older version, and says so', () => {
    expect(readRecord({ version: 1, amount: 5 }, readings)).toEqual({
      ok: true,
      value: { version: 2, amount: 5, unit: 'ms' },
      migrated: true,
    });
  });

  it('reads a record without a version as version 0', () => {
    expect(readRecord({ value: 7 }, readings)).toEqual({
      ok: true,
      value: { version: 2, amount: 7, unit: 'ms' },
      migrated: true,
    });
  });

  it('refuses a record of a newer version rather than guess at its shape', () => {
    const read = readRecord({ version: 3, amount: 5, unit: 's', extra: true }, readings);
    expect(read).toEqual({
      ok: false,
      reason:
        'The record has version 3, written by a newer Skill Playground; this one reads up to version 2.',
    });
  });

  it('refuses a corrupt record of the current version, with a reason', () => {
    const read = readRecord({ version: 2, amount: 'five', unit: 's' }, readings);
    expect(read).toEqual({
      ok: false,
      reason: 'The record (version 2) does not have the fields this version expects.',
    });
  });

  it('refuses what is not an object at all', () => {
    expect(readRecord('{"version":2}', readings)).toEqual({
      ok: false,
      reason: 'The record is the text "{\\"version\\":2}", not an object.',
    });
    expect(readRecord(null, readings)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('empty'),
    });
    expect(readRecord([1, 2], readings)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('a list'),
    });
  });

  it('refuses a version that is not a version number', () => {
    expect(readRecord({ version: '2', amount: 5, unit: 's' }, readings)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('is not a version number'),
    });
    expect(readRecord({ version: 1.5 }, readings).ok).toBe(false);
    expect(readRecord({ version: -1 }, readings).ok).toBe(false);
  });

  it('refuses an old record that its migration cannot bring up to date, saying why', () => {
    // Version 1 without an amount: the migration runs, and the guard refuses what it gives.
    expect(readRecord({ version: 1 }, readings)).toEqual({
      ok: false,
      reason: 'The record has version 1 and does not have the fields a migration from it expects.',
    });
    const strict: RecordFormat<Reading> = {
      ...readings,
      migrate: () => {
        throw new Error('version 1 records are no longer read');
      },
    };
    expect(readRecord({ version: 1, amount: 5 }, strict)).toEqual({
      ok: false,
      reason:
        'The record has version 1 and could not be migrated: version 1 records are no longer read',
    });
  });

  it('refuses an old record when the format has no migration', () => {
    const noMigration: RecordFormat<Reading> = { version: readings.version, guard: readings.guard };
    expect(readRecord({ version: 1, amount: 5 }, noMigration)).toEqual({
      ok: false,
      reason: 'The record has version 1, which there is no migration from.',
    });
  });
});
