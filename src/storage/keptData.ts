import { clear, createStore, delMany, keys, type UseStore } from 'idb-keyval';
import { DATABASES, LOCAL_STORAGE_KEYS } from './keys';

// What this browser keeps for each skill, across every store: read so the person can forget what
// is kept for skills no longer listed (removing a skill keeps its settings, history and inputs,
// so adding it again brings them back), or erase everything the playground keeps.

type Database = keyof typeof DATABASES;
type SkillOfKey = (key: IDBValidKey) => string | undefined;

/** The stores that hold records of one skill, and the skill each key belongs to. */
const PER_SKILL: Partial<Record<Database, SkillOfKey>> = {
  // `instances:<skill>` (the list) and `instance:<skill>:<name>`; a name never holds ":".
  instances: (key) =>
    typeof key !== 'string'
      ? undefined
      : key.startsWith('instances:')
        ? key.slice('instances:'.length)
        : beforeLastColon(key, 'instance:'),
  workspaces: (key) => (typeof key === 'string' ? beforeLastColon(key, 'workspace:') : undefined),
  capsuleKv: (key) => (typeof key === 'string' ? beforeLastColon(key, 'kv:') : undefined),
  skillMeta: (key) => (typeof key === 'string' ? key : undefined),
  skillFiles: (key) => (typeof key === 'string' ? key : undefined),
  fileEdits: (key) => (typeof key === 'string' ? key : undefined),
  // ['run' | 'summary', skill, id]; 'settings' is no skill's.
  history: (key) => (Array.isArray(key) && typeof key[1] === 'string' ? key[1] : undefined),
  // ['inputs', skill, instance, tool] and ['view', skill].
  inputs: (key) => (Array.isArray(key) && typeof key[1] === 'string' ? key[1] : undefined),
};

function beforeLastColon(key: string, prefix: string): string | undefined {
  if (!key.startsWith(prefix)) return undefined;
  const rest = key.slice(prefix.length);
  const at = rest.lastIndexOf(':');
  return at > 0 ? rest.slice(0, at) : undefined;
}

const opened = new Map<Database, UseStore>();
const storeOf = (name: Database): UseStore => {
  let store = opened.get(name);
  if (!store) {
    store = createStore(DATABASES[name].db, DATABASES[name].store);
    opened.set(name, store);
  }
  return store;
};

/** Records kept for skills other than `listed`, by skill key: how many each has. */
export async function keptForUnlisted(listed: ReadonlySet<string>): Promise<Map<string, number>> {
  const found = new Map<string, number>();
  for (const [name, skillOf] of Object.entries(PER_SKILL) as Array<[Database, SkillOfKey]>) {
    for (const key of await keys(storeOf(name))) {
      const skill = skillOf(key);
      if (skill !== undefined && !listed.has(skill)) found.set(skill, (found.get(skill) ?? 0) + 1);
    }
  }
  return found;
}

/** Deletes every record of these skills, in every store; gives how many went. */
export async function forgetSkills(skills: ReadonlySet<string>): Promise<number> {
  let deleted = 0;
  for (const [name, skillOf] of Object.entries(PER_SKILL) as Array<[Database, SkillOfKey]>) {
    const store = storeOf(name);
    const doomed = (await keys(store)).filter((key) => {
      const skill = skillOf(key);
      return skill !== undefined && skills.has(skill);
    });
    if (doomed.length > 0) await delMany(doomed, store);
    deleted += doomed.length;
  }
  return deleted;
}

/**
 * Empties every store and the playground's localStorage entries. Stores are cleared rather than
 * their databases deleted: a deletion waits for every open connection, and this page holds some.
 */
export async function eraseEverything(): Promise<void> {
  for (const name of Object.keys(DATABASES) as Database[]) await clear(storeOf(name));
  for (const key of Object.values(LOCAL_STORAGE_KEYS)) localStorage.removeItem(key);
}
