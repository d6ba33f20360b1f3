import { createStore, get, set } from 'idb-keyval';
import type { ConfigEntry } from '../runtime';
import { DATABASES, KEYS } from './keys';

/** What is stored for one instance of a skill. Versioned so later shapes can migrate it. */
export interface StoredInstance {
  version: 1;
  name: string;
  config: ConfigEntry[];
  /** Per-instance overrides of the run limits; absent means the default. */
  timeoutMs?: number;
  maxOutputBytes?: number;
  maxMemoryBytes?: number;
  /** Reuse one instance between runs (its memory and files) instead of a fresh one per run. */
  keepWarm?: boolean;
}

let store: ReturnType<typeof createStore> | undefined;
const instances = () => (store ??= createStore(DATABASES.instances.db, DATABASES.instances.store));

/** Reads an instance; anything unreadable (old, foreign, corrupt) yields a fresh one, never a crash. */
export async function loadInstance(skillKey: string, name = 'default'): Promise<StoredInstance> {
  const fresh: StoredInstance = { version: 1, name, config: [] };
  try {
    const stored = await get<unknown>(KEYS.instance(skillKey, name), instances());
    return isStoredInstance(stored) ? stored : fresh;
  } catch {
    return fresh;
  }
}

export async function saveInstance(skillKey: string, instance: StoredInstance): Promise<void> {
  await set(KEYS.instance(skillKey, instance.name), instance, instances());
}

function isStoredInstance(value: unknown): value is StoredInstance {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<StoredInstance>;
  return (
    v.version === 1 &&
    typeof v.name === 'string' &&
    Array.isArray(v.config) &&
    v.config.every(
      (e) =>
        typeof e?.key === 'string' && typeof e.value === 'string' && typeof e.secret === 'boolean',
    )
  );
}
