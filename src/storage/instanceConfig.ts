import { createStore, del, get, set } from 'idb-keyval';
import type { ConfigEntry, Grants } from '../runtime';
import { isBoolean, isFiniteNumber, isOptional, isStoredObject, isString } from './guards';
import { DATABASES, KEYS } from './keys';
import { loadRecord, type Loaded, type RecordFormat } from './readRecord';

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
  /** What the person granted its runs; absent means the default from what the skill asks. */
  grants?: Grants;
  /**
   * The version (bundleDigest) of a URL skill its secrets were given to: a skill whose bytes
   * changed at its URL gets them only after the person trusts the new version.
   */
  trustedSha256?: string;
}

const isConfigEntry = (value: unknown): value is ConfigEntry =>
  isStoredObject(value) && isString(value.key) && isString(value.value) && isBoolean(value.secret);

const isGrants = (value: unknown): value is Grants =>
  isStoredObject(value) &&
  isBoolean(value.read) &&
  isBoolean(value.write) &&
  Array.isArray(value.hosts) &&
  value.hosts.every(isString);

const isLimit = isOptional((value): value is number => isFiniteNumber(value) && value > 0);

export function isStoredInstance(value: unknown): value is StoredInstance {
  return (
    isStoredObject(value) &&
    value.version === 1 &&
    isString(value.name) &&
    Array.isArray(value.config) &&
    value.config.every(isConfigEntry) &&
    isLimit(value.timeoutMs) &&
    isLimit(value.maxOutputBytes) &&
    isLimit(value.maxMemoryBytes) &&
    isOptional(isBoolean)(value.keepWarm) &&
    isOptional(isGrants)(value.grants) &&
    isOptional(isString)(value.trustedSha256)
  );
}

// Instance records have had version 1 since they were first written: nothing to migrate yet.
export const instanceFormat: RecordFormat<StoredInstance> = {
  version: 1,
  guard: isStoredInstance,
};

let store: ReturnType<typeof createStore> | undefined;
const instances = () => (store ??= createStore(DATABASES.instances.db, DATABASES.instances.store));

/**
 * Reads an instance. None stored gives a fresh one; so does one that cannot be read (newer,
 * corrupt, storage failing), and then `unreadable` says why: its configuration is lost here.
 */
export async function readInstance(
  skillKey: string,
  name = 'default',
): Promise<Loaded<StoredInstance>> {
  const { value, unreadable } = await loadRecord(
    () => get(KEYS.instance(skillKey, name), instances()),
    instanceFormat,
  );
  return {
    value: value ?? { version: 1, name, config: [] },
    ...(unreadable ? { unreadable } : {}),
  };
}

export async function saveInstance(skillKey: string, instance: StoredInstance): Promise<void> {
  await set(KEYS.instance(skillKey, instance.name), instance, instances());
}

/** Forgets an instance's settings (its files and store are kept apart: see deleteInstanceData). */
export async function deleteInstance(skillKey: string, name: string): Promise<void> {
  await del(KEYS.instance(skillKey, name), instances());
}
