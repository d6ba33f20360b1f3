import { errorMessage } from '../errors';
import { isStoredObject, type StoredObject } from './guards';

/** How one kind of record is read: the version written now, its shape, and how older ones change. */
export interface RecordFormat<T> {
  /** The version this build writes. A record without a `version` field is version 0. */
  version: number;
  /** Whether a value is a well-formed record of the current version: checked on every read. */
  guard: (value: unknown) => value is T;
  /**
   * Turns a record of an older version into the current shape, which the guard then checks.
   * Absent, or throwing, means records of that version cannot be read.
   */
  migrate?: (record: StoredObject, fromVersion: number) => unknown;
}

/** What reading a record gave: the value, and whether it was migrated; or why it was refused. */
export type RecordRead<T> =
  { ok: true; value: T; migrated: boolean } | { ok: false; reason: string };

/**
 * Validates a stored value on read and brings an older version up to date. Never throws: a
 * refusal carries a sentence, so the caller can tell a person what could not be read and why.
 * The caller decides what replaces a refused record; a newer version is refused, never
 * downgraded, since only the build that wrote it knows its shape.
 */
export function readRecord<T>(value: unknown, format: RecordFormat<T>): RecordRead<T> {
  if (!isStoredObject(value)) return refused(`The record is ${describe(value)}, not an object.`);
  const version = value.version ?? 0;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    return refused(`The record's version, ${describe(version)}, is not a version number.`);
  }
  if (version > format.version) {
    return refused(
      `The record has version ${version}, written by a newer Skill Playground; this one reads up to version ${format.version}.`,
    );
  }
  if (version === format.version) {
    return format.guard(value)
      ? { ok: true, value, migrated: false }
      : refused(`The record (version ${version}) does not have the fields this version expects.`);
  }
  if (!format.migrate) {
    return refused(`The record has version ${version}, which there is no migration from.`);
  }
  let migrated: unknown;
  try {
    migrated = format.migrate(value, version);
  } catch (error) {
    return refused(
      `The record has version ${version} and could not be migrated: ${errorMessage(error)}`,
    );
  }
  return format.guard(migrated)
    ? { ok: true, value: migrated, migrated: true }
    : refused(
        `The record has version ${version} and does not have the fields a migration from it expects.`,
      );
}

const refused = (reason: string): { ok: false; reason: string } => ({ ok: false, reason });

function describe(value: unknown): string {
  if (value === null || value === undefined) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `the text ${JSON.stringify(value.slice(0, 40))}`;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** What a load gives: the value to use and, when a stored record could not be read, why. */
export interface Loaded<T> {
  value: T;
  /** A sentence: set when a record was stored but could not be read, so `value` is a default. */
  unreadable?: string;
}

/**
 * Reads one stored record through `readRecord`. Nothing stored gives `undefined`; a record the
 * storage could not give back, or that `readRecord` refused, gives `undefined` and the reason.
 */
export async function loadRecord<T>(
  read: () => Promise<unknown>,
  format: RecordFormat<T>,
): Promise<Loaded<T | undefined>> {
  let stored: unknown;
  try {
    stored = await read();
  } catch (error) {
    return {
      value: undefined,
      unreadable: `The browser's storage failed to read the record: ${errorMessage(error)}`,
    };
  }
  if (stored === undefined) return { value: undefined };
  const result = readRecord(stored, format);
  return result.ok ? { value: result.value } : { value: undefined, unreadable: result.reason };
}
