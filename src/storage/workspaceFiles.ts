import { createStore, get, set } from 'idb-keyval';
import { DATABASES, KEYS } from './keys';

export type StoredFiles = Array<[path: string, bytes: Uint8Array]>;

interface StoredWorkspace {
  version: 1;
  files: StoredFiles;
}

let store: ReturnType<typeof createStore> | undefined;
const workspaces = () =>
  (store ??= createStore(DATABASES.workspaces.db, DATABASES.workspaces.store));

/** An instance's /workspace files; an unreadable record gives an empty workspace. */
export async function loadWorkspace(
  skillKey: string,
  instanceName = 'default',
): Promise<StoredFiles> {
  try {
    const stored = await get<StoredWorkspace>(KEYS.workspace(skillKey, instanceName), workspaces());
    return stored?.version === 1 && Array.isArray(stored.files) ? stored.files : [];
  } catch {
    return [];
  }
}

/** Throws what IndexedDB throws (a full disk is a QuotaExceededError): the caller says so. */
export async function saveWorkspace(
  skillKey: string,
  files: StoredFiles,
  instanceName = 'default',
): Promise<void> {
  await set(
    KEYS.workspace(skillKey, instanceName),
    { version: 1, files } satisfies StoredWorkspace,
    workspaces(),
  );
}
