import { createStore, del, get, set } from 'idb-keyval';
import type { FileMap } from '../vfs';
import { isFileEntries, isStoredObject, type FileEntries } from './guards';
import { DATABASES, KEYS } from './keys';
import { loadRecord, type Loaded, type RecordFormat } from './readRecord';

// Kept on disk as entries, as first written; the page speaks FileMap.
type StoredFiles = FileEntries;

interface StoredWorkspace {
  version: 1;
  files: StoredFiles;
}

// Workspace records have had version 1 since they were first written: nothing to migrate yet.
export const workspaceFormat: RecordFormat<StoredWorkspace> = {
  version: 1,
  guard: (value): value is StoredWorkspace =>
    isStoredObject(value) && value.version === 1 && isFileEntries(value.files),
};

let store: ReturnType<typeof createStore> | undefined;
const workspaces = () =>
  (store ??= createStore(DATABASES.workspaces.db, DATABASES.workspaces.store));

/**
 * An instance's /workspace files: empty when none are stored, and when they cannot be read, with
 * `unreadable` saying why.
 */
export async function readWorkspace(
  skillKey: string,
  instanceName = 'default',
): Promise<Loaded<FileMap>> {
  const { value, unreadable } = await loadRecord(
    () => get(KEYS.workspace(skillKey, instanceName), workspaces()),
    workspaceFormat,
  );
  return { value: new Map(value?.files ?? []), ...(unreadable ? { unreadable } : {}) };
}

/** Throws what IndexedDB throws (a full disk is a QuotaExceededError): the caller says so. */
export async function saveWorkspace(
  skillKey: string,
  files: FileMap,
  instanceName = 'default',
): Promise<void> {
  await set(
    KEYS.workspace(skillKey, instanceName),
    { version: 1, files: [...files] } satisfies StoredWorkspace,
    workspaces(),
  );
}

export async function deleteWorkspace(skillKey: string, instanceName: string): Promise<void> {
  await del(KEYS.workspace(skillKey, instanceName), workspaces());
}
