import { createStore, del, get, set } from 'idb-keyval';
import { isFileEntries, isStoredObject, type FileEntries } from './guards';
import { DATABASES, KEYS } from './keys';
import { loadRecord, type Loaded, type RecordFormat } from './readRecord';
import type { FileMap } from '../vfs';

// Edits made in the editor are kept apart from a skill's files, per skill: an example's files come
// from the server on every load and a dropped skill's stay as they came, so one overlay serves
// both, and reverting a file is dropping its entry.

interface StoredEdits {
  version: 1;
  files: FileEntries;
}

// Edit records have had version 1 since edits were first kept: nothing to migrate yet.
export const fileEditsFormat: RecordFormat<StoredEdits> = {
  version: 1,
  guard: (value): value is StoredEdits =>
    isStoredObject(value) && value.version === 1 && isFileEntries(value.files),
};

let store: ReturnType<typeof createStore> | undefined;
const edits = () => (store ??= createStore(DATABASES.fileEdits.db, DATABASES.fileEdits.store));

/**
 * The edited files of a skill (path to bytes); empty when there are none, and when they cannot be
 * read, with `unreadable` saying why: those edits are lost to this page.
 */
export async function readFileEdits(skillKey: string): Promise<Loaded<FileMap>> {
  const { value, unreadable } = await loadRecord(
    () => get(KEYS.fileEdits(skillKey), edits()),
    fileEditsFormat,
  );
  return { value: new Map(value?.files), ...(unreadable ? { unreadable } : {}) };
}

/** Replaces a skill's edits; an empty map removes the record. */
export async function saveFileEdits(skillKey: string, files: FileMap): Promise<void> {
  const key = KEYS.fileEdits(skillKey);
  if (files.size === 0) await del(key, edits());
  else await set(key, { version: 1, files: [...files] } satisfies StoredEdits, edits());
}
