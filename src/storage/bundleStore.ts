import { createStore, del, get, keys, set } from 'idb-keyval';
import { isFileEntries, isFiniteNumber, isOptional, isStoredObject, isString } from './guards';
import type { FileEntries, StoredObject } from './guards';
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

interface StoredBundleFiles {
  version: 1;
  files: FileEntries;
}

/** A stored record that could not be read, by its key, with a sentence saying why. */
export interface UnreadableRecord {
  key: string;
  reason: string;
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

export const skillFilesFormat: RecordFormat<StoredBundleFiles> = {
  version: 1,
  guard: (value): value is StoredBundleFiles =>
    isStoredObject(value) && value.version === 1 && isFileEntries(value.files),
};

let metaStore: ReturnType<typeof createStore> | undefined;
let fileStore: ReturnType<typeof createStore> | undefined;
const metas = () => (metaStore ??= createStore(DATABASES.skillMeta.db, DATABASES.skillMeta.store));
const files = () =>
  (fileStore ??= createStore(DATABASES.skillFiles.db, DATABASES.skillFiles.store));

/**
 * Saves a skill: its files first, then the record that lists it, so a failure (a full disk is a
 * QuotaExceededError) never leaves a listed skill without files. The error is the caller's to say.
 */
export async function saveSkill(meta: StoredSkillMeta, bundleFiles: FileMap): Promise<void> {
  const filesKey = KEYS.skillFiles(meta.key);
  await set(filesKey, { version: 1, files: [...bundleFiles] } satisfies StoredBundleFiles, files());
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
    if (!read.ok) unreadable.push({ key, reason: read.reason });
    else if (KEYS.skillMeta(read.value.key) !== key) {
      unreadable.push({
        key,
        reason: `The record is stored under ${key} but names ${read.value.key}.`,
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
  return { value: value && new Map(value.files), ...(unreadable ? { unreadable } : {}) };
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
