import { createStore, del, get, keys, set } from 'idb-keyval';
import { errorMessage } from '../errors';
import {
  isFileEntries,
  isFiniteNumber,
  isOptional,
  isPathPairs,
  isStoredObject,
  isString,
} from './guards';
import type { StoredObject } from './guards';
import { DATABASES, KEYS } from './keys';
import { loadRecord, readRecord, type Loaded, type RecordFormat } from './readRecord';
import type { FileMap } from '../vfs';

/** What the Skills list needs of a stored skill, read at start-up without any of its files. */
export interface StoredSkillMeta {
  version: 2;
  key: string;
  /**
   * The bundle's source, as the store's BundleSource: with the skill's `path` inside the folder
   * or archive it came in, which (with `name`) tells two skills of one name apart.
   */
  source: { kind: string; name?: string; url?: string; id?: string; path?: string };
  rootName: string;
  name: string;
  description: string;
  bytes: number;
  addedAt: number;
  /** SHA-256 of the files as loaded (bundleDigest), so a later load can tell they changed. */
  sourceSha256?: string;
}

/** A stored file's contents: bytes, or a Blob that IndexedDB keeps apart from the record. */
export type StoredFileContents = Uint8Array | Blob;

interface StoredBundleFiles {
  version: 2;
  files: Array<[path: string, contents: StoredFileContents]>;
}

/**
 * Files past this size are stored as Blobs. Putting bytes into IndexedDB copies them while the
 * page waits (a 10 MB SKILL.md held the main thread for about 240 ms); a Blob is copied by the
 * browser apart from the page, and read back without a pause either.
 */
export const STORED_AS_BLOB_BYTES = 256 * 1024;

/** A stored record that could not be read, by its key, with a sentence saying why. */
export interface UnreadableRecord {
  key: string;
  reason: string;
  /** The skill's name, when the record still holds one as text. */
  name?: string;
}

/** The stored skills that could be read, oldest first, and those that could not. */
export interface StoredSkillList {
  skills: StoredSkillMeta[];
  unreadable: UnreadableRecord[];
}

const isSource = (value: unknown): value is StoredSkillMeta['source'] =>
  isStoredObject(value) &&
  isString(value.kind) &&
  isOptional(isString)(value.name) &&
  isOptional(isString)(value.url) &&
  isOptional(isString)(value.id) &&
  isOptional(isString)(value.path);

export function isStoredSkillMeta(value: unknown): value is StoredSkillMeta {
  return (
    isStoredObject(value) &&
    value.version === 2 &&
    isString(value.key) &&
    isSource(value.source) &&
    isString(value.rootName) &&
    isString(value.name) &&
    isString(value.description) &&
    isFiniteNumber(value.bytes) &&
    isFiniteNumber(value.addedAt) &&
    isOptional(isString)(value.sourceSha256)
  );
}

/**
 * Version 1 kept a folder skill's source as `<dropped folder>[/<skill folder>]` and an archive
 * skill's as the archive alone (skills were looked for one level down at most); version 2 keeps
 * the skill's path inside either. The key a version 1 record was stored under stays its key, so
 * its instance, /workspace and edits stay with it; a later import of the same place is matched
 * by source (see store/skillIdentity).
 */
export function migrateSkillMeta(record: StoredObject, fromVersion: number): unknown {
  if (fromVersion !== 1) throw new Error(`no migration from version ${fromVersion}`);
  const source = isStoredObject(record.source) ? record.source : {};
  const name = isString(source.name) ? source.name : '';
  let migrated: StoredObject = source;
  if (source.kind === 'folder') {
    const [top = name, ...rest] = name.split('/');
    migrated = { ...source, name: top, path: rest.join('/') };
  } else if (source.kind === 'archive') {
    // A package of one skill held it under its own folder or at its root; one of several held
    // each one level down, under the skill's name.
    const base = name.replace(/\.(zip|skill|tar\.gz|tgz)$/i, '');
    migrated = { ...source, path: base === record.rootName ? '' : String(record.rootName) };
  }
  return { ...record, version: 2, source: migrated };
}

export const skillMetaFormat: RecordFormat<StoredSkillMeta> = {
  version: 2,
  guard: isStoredSkillMeta,
  migrate: migrateSkillMeta,
};

const isStoredFileEntries = (value: unknown): value is StoredBundleFiles['files'] =>
  isPathPairs(value, (content) => content instanceof Uint8Array || content instanceof Blob);

/** Version 1 held bytes only; version 2 may hold a Blob for any file. */
export const skillFilesFormat: RecordFormat<StoredBundleFiles> = {
  version: 2,
  guard: (value): value is StoredBundleFiles =>
    isStoredObject(value) && value.version === 2 && isStoredFileEntries(value.files),
  migrate: (record, fromVersion) => {
    if (fromVersion !== 1 || !isFileEntries(record.files)) {
      throw new Error(`no migration from version ${fromVersion}`);
    }
    return { ...record, version: 2 };
  },
};

let metaStore: ReturnType<typeof createStore> | undefined;
let fileStore: ReturnType<typeof createStore> | undefined;
const metas = () => (metaStore ??= createStore(DATABASES.skillMeta.db, DATABASES.skillMeta.store));
const files = () =>
  (fileStore ??= createStore(DATABASES.skillFiles.db, DATABASES.skillFiles.store));

/**
 * Saves a skill: its files first, then the record that lists it, so a failure (a full disk is a
 * QuotaExceededError) never leaves a listed skill without files. The error is the caller's to say.
 * Files may be given as Blobs (a drop's own files, never read by the page); large bytes become
 * Blobs (STORED_AS_BLOB_BYTES).
 */
export async function saveSkill(
  meta: StoredSkillMeta,
  bundleFiles: ReadonlyMap<string, StoredFileContents>,
): Promise<void> {
  const filesKey = KEYS.skillFiles(meta.key);
  const entries = [...bundleFiles].map(([path, contents]): [string, StoredFileContents] => [
    path,
    contents instanceof Uint8Array && contents.byteLength > STORED_AS_BLOB_BYTES
      ? new Blob([contents as Uint8Array<ArrayBuffer>])
      : contents,
  ]);
  await set(filesKey, { version: 2, files: entries } satisfies StoredBundleFiles, files());
  try {
    await set(KEYS.skillMeta(meta.key), meta, metas());
  } catch (error) {
    await del(filesKey, files()).catch(() => undefined);
    throw error;
  }
}

/**
 * Every stored skill's list record, oldest first, and the records that could not be read: those
 * skills stay stored (a newer version may read them) until removed by their key.
 * Throws what IndexedDB throws when the store itself cannot be read.
 */
export async function listStoredSkills(): Promise<StoredSkillList> {
  const store = metas();
  const storedKeys = await keys(store);
  const values = await Promise.all(storedKeys.map((key) => get<unknown>(key, store)));
  return readSkillList(storedKeys.map((key, i) => [String(key), values[i]]));
}

/** The pure half of listStoredSkills: sorts stored values into readable skills and unreadable keys. */
export function readSkillList(entries: Array<[key: string, value: unknown]>): StoredSkillList {
  const skills: StoredSkillMeta[] = [];
  const unreadable: UnreadableRecord[] = [];
  for (const [key, value] of entries) {
    const read = readRecord(value, skillMetaFormat);
    // Whatever else is wrong with it, a name it still holds tells the person what is missing.
    const named = isStoredObject(value) && isString(value.name) && value.name ? value.name : '';
    const name = named ? { name: named } : {};
    if (!read.ok) unreadable.push({ key, reason: read.reason, ...name });
    else if (KEYS.skillMeta(read.value.key) !== key) {
      unreadable.push({
        key,
        reason: `The record is stored under ${key} but names ${read.value.key}.`,
        ...name,
      });
    } else skills.push(read.value);
  }
  skills.sort((a, b) => a.addedAt - b.addedAt);
  return { skills, unreadable };
}

/**
 * A stored skill's files. `value` is undefined when none are stored or they cannot be read, and
 * then `unreadable` says why for the second.
 */
export async function readSkillFiles(key: string): Promise<Loaded<FileMap | undefined>> {
  const { value, unreadable } = await loadRecord(
    () => get(KEYS.skillFiles(key), files()),
    skillFilesFormat,
  );
  if (!value) return { value: undefined, ...(unreadable ? { unreadable } : {}) };
  try {
    const read = await Promise.all(
      value.files.map(
        async ([path, contents]) =>
          [
            path,
            contents instanceof Blob ? new Uint8Array(await contents.arrayBuffer()) : contents,
          ] as const,
      ),
    );
    return { value: new Map(read) };
  } catch (error) {
    return {
      value: undefined,
      unreadable: `The browser's storage failed to read a file of the record: ${errorMessage(error)}`,
    };
  }
}

export async function removeSkill(key: string): Promise<void> {
  await del(KEYS.skillMeta(key), metas());
  await del(KEYS.skillFiles(key), files());
}

/** How much this origin stores, and may store, when the browser says. */
export async function storageUse(): Promise<{ usage: number; quota: number } | undefined> {
  const estimate = await navigator.storage?.estimate?.().catch(() => undefined);
  return estimate?.usage !== undefined && estimate.quota !== undefined
    ? { usage: estimate.usage, quota: estimate.quota }
    : undefined;
}
