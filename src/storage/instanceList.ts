import { createStore, get, set } from 'idb-keyval';
import { isStoredObject, isString } from './guards';
import { DATABASES, KEYS } from './keys';
import { loadRecord, type Loaded, type RecordFormat } from './readRecord';

/** The instance every skill has; the first of its list. */
export const DEFAULT_INSTANCE = 'default';

/** A skill's named instances, in the order the person made them, and which one is chosen. */
export interface StoredInstanceList {
  version: 1;
  names: string[];
  active: string;
}

// A skill stored before instances had names has no list: its records were written under
// "default" from the start, so the list it gets is that one instance, and nothing is moved.
export const freshInstanceList = (): StoredInstanceList => ({
  version: 1,
  names: [DEFAULT_INSTANCE],
  active: DEFAULT_INSTANCE,
});

export const instanceListFormat: RecordFormat<StoredInstanceList> = {
  version: 1,
  guard: (value): value is StoredInstanceList =>
    isStoredObject(value) &&
    value.version === 1 &&
    Array.isArray(value.names) &&
    value.names.every(isString) &&
    value.names[0] === DEFAULT_INSTANCE &&
    new Set(value.names).size === value.names.length &&
    isString(value.active) &&
    value.names.includes(value.active),
};

const MAX_NAME_LENGTH = 40;

/** Why a name cannot name a new instance of a list, or undefined when it can. */
export function instanceNameProblem(name: string, taken: readonly string[]): string | undefined {
  if (name.trim() === '') return 'Give the instance a name.';
  if (name !== name.trim()) return 'A name does not start or end with a space.';
  if (name.length > MAX_NAME_LENGTH) return `A name has at most ${MAX_NAME_LENGTH} characters.`;
  // Names are parts of storage keys, which ":" separates.
  if (!/^[\p{L}\p{N} ._-]+$/u.test(name)) {
    return 'A name has letters, digits, spaces, ".", "_" and "-" only.';
  }
  if (taken.includes(name)) return `There is an instance named ${name} already.`;
  return undefined;
}

let store: ReturnType<typeof createStore> | undefined;
const lists = () => (store ??= createStore(DATABASES.instances.db, DATABASES.instances.store));

/** The skill's instances: just "default" when none are listed, or when the list cannot be read. */
export async function readInstanceList(skillKey: string): Promise<Loaded<StoredInstanceList>> {
  const { value, unreadable } = await loadRecord(
    () => get(KEYS.instanceList(skillKey), lists()),
    instanceListFormat,
  );
  return { value: value ?? freshInstanceList(), ...(unreadable ? { unreadable } : {}) };
}

export async function saveInstanceList(skillKey: string, list: StoredInstanceList): Promise<void> {
  await set(KEYS.instanceList(skillKey), list, lists());
}
