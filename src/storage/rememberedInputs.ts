import { createStore, get, set, type UseStore } from 'idb-keyval';
import { isStoredObject, isString, type StoredObject } from './guards';
import { DATABASES, KEYS } from './keys';
import { loadRecord, type Loaded, type RecordFormat } from './readRecord';

/** A tool's form as it was last left, per instance: the drafts as the form keeps them. */
interface StoredToolInputs {
  version: 1;
  drafts: StoredObject;
}

/** The tool and the result tab a skill was left on. */
export interface SkillView {
  version: 1;
  tool?: string;
  tab?: string;
}

// Both have had version 1 since inputs were first remembered: nothing to migrate yet.
const toolInputsFormat: RecordFormat<StoredToolInputs> = {
  version: 1,
  guard: (value): value is StoredToolInputs =>
    isStoredObject(value) && value.version === 1 && isStoredObject(value.drafts),
};

const skillViewFormat: RecordFormat<SkillView> = {
  version: 1,
  guard: (value): value is SkillView =>
    isStoredObject(value) &&
    value.version === 1 &&
    (value.tool === undefined || isString(value.tool)) &&
    (value.tab === undefined || isString(value.tab)),
};

/**
 * What a person typed, kept in IndexedDB: one record per (skill, instance, tool), so saving one
 * tool's form never writes over another's, and one for the view of each skill. The drafts are
 * kept as the form holds them (a structured clone), whatever their shape.
 */
export class RememberedInputs {
  readonly #store: UseStore;

  constructor(store?: UseStore) {
    this.#store = store ?? createStore(DATABASES.inputs.db, DATABASES.inputs.store);
  }

  /** Inputs kept in a database of another name: a test's own. */
  static named(dbName: string): RememberedInputs {
    return new RememberedInputs(createStore(dbName, DATABASES.inputs.store));
  }

  async readDrafts(
    skillKey: string,
    instance: string,
    tool: string,
  ): Promise<Loaded<StoredObject | undefined>> {
    const { value, unreadable } = await loadRecord(
      () => get(KEYS.toolInputs(skillKey, instance, tool), this.#store),
      toolInputsFormat,
    );
    return { value: value?.drafts, ...(unreadable ? { unreadable } : {}) };
  }

  saveDrafts(skillKey: string, instance: string, tool: string, drafts: object): Promise<void> {
    const record: StoredToolInputs = { version: 1, drafts: drafts as StoredObject };
    return set(KEYS.toolInputs(skillKey, instance, tool), record, this.#store);
  }

  async readView(skillKey: string): Promise<SkillView | undefined> {
    return (await loadRecord(() => get(KEYS.skillView(skillKey), this.#store), skillViewFormat))
      .value;
  }

  saveView(skillKey: string, view: Omit<SkillView, 'version'>): Promise<void> {
    return set(KEYS.skillView(skillKey), { version: 1, ...view }, this.#store);
  }
}
