import { createStore, del, get, keys, set } from 'idb-keyval';
import { DATABASES } from './keys';

/** What the Skills list needs of a stored skill, read at start-up without any of its files. */
export interface StoredSkillMeta {
  version: 1;
  key: string;
  /** The bundle's source, as the store's BundleSource. */
  source: { kind: string; name?: string; url?: string; id?: string };
  rootName: string;
  name: string;
  description: string;
  bytes: number;
  addedAt: number;
}

interface StoredBundleFiles {
  version: 1;
  files: Array<[path: string, bytes: Uint8Array]>;
}

let metaStore: ReturnType<typeof createStore> | undefined;
let fileStore: ReturnType<typeof createStore> | undefined;
const metas = () => (metaStore ??= createStore(DATABASES.skillMeta.db, DATABASES.skillMeta.store));
const files = () =>
  (fileStore ??= createStore(DATABASES.skillFiles.db, DATABASES.skillFiles.store));

/**
 * Saves a skill: its files first, then the record that lists it, so a failure (a full disk is a
 * QuotaExceededError) never leaves a listed skill without files. The error is the caller's to say.
 */
export async function saveSkill(
  meta: StoredSkillMeta,
  bundleFiles: Map<string, Uint8Array>,
): Promise<void> {
  await set(meta.key, { version: 1, files: [...bundleFiles] } satisfies StoredBundleFiles, files());
  try {
    await set(meta.key, meta, metas());
  } catch (error) {
    await del(meta.key, files()).catch(() => undefined);
    throw error;
  }
}

/** Every stored skill's list record, oldest first. Unreadable records are skipped. */
export async function listSkills(): Promise<StoredSkillMeta[]> {
  const store = metas();
  const all = await Promise.all(
    (await keys<string>(store)).map((key) => get<StoredSkillMeta>(key, store)),
  );
  return all
    .filter(
      (m): m is StoredSkillMeta =>
        m?.version === 1 && typeof m.key === 'string' && typeof m.name === 'string',
    )
    .sort((a, b) => a.addedAt - b.addedAt);
}

export async function loadSkillFiles(key: string): Promise<Map<string, Uint8Array> | undefined> {
  const stored = await get<StoredBundleFiles>(key, files());
  return stored?.version === 1 ? new Map(stored.files) : undefined;
}

export async function removeSkill(key: string): Promise<void> {
  await del(key, metas());
  await del(key, files());
}

/** How much this origin stores, and may store, when the browser says. */
export async function storageUse(): Promise<{ usage: number; quota: number } | undefined> {
  const estimate = await navigator.storage?.estimate?.().catch(() => undefined);
  return estimate?.usage !== undefined && estimate.quota !== undefined
    ? { usage: estimate.usage, quota: estimate.quota }
    : undefined;
}
