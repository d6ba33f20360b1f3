import { createStore, del, get, set } from 'idb-keyval';
import { isFileEntries, isStoredObject, type FileEntries } from './guards';
import { DATABASES, KEYS } from './keys';
import { loadRecord, type Loaded, type RecordFormat } from './readRecord';

// An astrid capsule's key-value store (astrid_kv_get / astrid_kv_set), one per instance: the
// worker gets it with each run and gives back what the run changed.

/** Keys and their bytes. */
export type KvEntries = Array<[key: string, value: Uint8Array]>;

interface StoredKv {
  version: 1;
  entries: FileEntries;
}

export const capsuleKvFormat: RecordFormat<StoredKv> = {
  version: 1,
  guard: (value): value is StoredKv =>
    isStoredObject(value) && value.version === 1 && isFileEntries(value.entries),
};

let store: ReturnType<typeof createStore> | undefined;
const kvStore = () => (store ??= createStore(DATABASES.capsuleKv.db, DATABASES.capsuleKv.store));

/** The instance's store: empty when none is kept, and when it cannot be read (`unreadable` says why). */
export async function readCapsuleKv(
  skillKey: string,
  instanceName = 'default',
): Promise<Loaded<KvEntries>> {
  const { value, unreadable } = await loadRecord(
    () => get(KEYS.capsuleKv(skillKey, instanceName), kvStore()),
    capsuleKvFormat,
  );
  return { value: value?.entries ?? [], ...(unreadable ? { unreadable } : {}) };
}

/** Throws what IndexedDB throws (a full disk is a QuotaExceededError): the caller says so. */
export async function saveCapsuleKv(
  skillKey: string,
  entries: KvEntries,
  instanceName = 'default',
): Promise<void> {
  await set(
    KEYS.capsuleKv(skillKey, instanceName),
    { version: 1, entries } satisfies StoredKv,
    kvStore(),
  );
}

export async function deleteCapsuleKv(skillKey: string, instanceName: string): Promise<void> {
  await del(KEYS.capsuleKv(skillKey, instanceName), kvStore());
}
