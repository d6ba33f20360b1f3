import {
  createRuntimeWorker,
  HostPool,
  type RuntimeHost,
  type TranspileCache,
  type WorkerLike,
} from '../runtime';
import {
  onOtherTabs,
  tellOtherTabs,
  eraseEverything,
  forgetSkills,
  keptForUnlisted,
  IdbTranspileCache,
  RememberedInputs,
  RunHistory,
  listStoredSkills,
  readFileEdits,
  readCapsuleKv,
  readInstance,
  readInstanceList,
  readSkillFiles,
  readWorkspace,
  removeSkill,
  saveFileEdits,
  saveCapsuleKv,
  saveInstance,
  saveInstanceList,
  copyInstanceData,
  deleteInstanceData,
  saveSkill,
  saveWorkspace,
  storageUse,
} from '../storage';

/** Runs one pending task per key after a pause; a new task for the key replaces the old one. */
export class Debouncer {
  #timers = new Map<string, ReturnType<typeof setTimeout>>();
  #tasks = new Map<string, () => void>();
  constructor(readonly delayMs: number) {}

  schedule(key: string, task: () => void): void {
    this.cancel(key);
    this.#tasks.set(key, task);
    this.#timers.set(
      key,
      setTimeout(() => this.flush(key), this.delayMs),
    );
  }

  /** Runs the key's pending task now, if it has one. */
  flush(key: string): void {
    const task = this.#tasks.get(key);
    this.cancel(key);
    task?.();
  }

  cancel(key: string): void {
    clearTimeout(this.#timers.get(key));
    this.#timers.delete(key);
    this.#tasks.delete(key);
  }

  cancelAll(): void {
    for (const key of [...this.#timers.keys()]) this.cancel(key);
  }
}

/** Edits are written to IndexedDB after this pause in typing. */
const EDIT_SAVE_DELAY_MS = 400;
/** Configuration is saved, and checked with validate-config, after this pause in typing. */
const CONFIG_SAVE_DELAY_MS = 500;

/** What the actions reach outside the store; tests swap in fakes. */
export interface Services {
  createWorker: () => WorkerLike;
  transpileCache: TranspileCache;
  readInstance: typeof readInstance;
  saveInstance: typeof saveInstance;
  readInstanceList: typeof readInstanceList;
  saveInstanceList: typeof saveInstanceList;
  copyInstanceData: typeof copyInstanceData;
  deleteInstanceData: typeof deleteInstanceData;
  readWorkspace: typeof readWorkspace;
  saveWorkspace: typeof saveWorkspace;
  readCapsuleKv: typeof readCapsuleKv;
  saveCapsuleKv: typeof saveCapsuleKv;
  listStoredSkills: typeof listStoredSkills;
  readSkillFiles: typeof readSkillFiles;
  saveSkill: typeof saveSkill;
  removeSkill: typeof removeSkill;
  storageUse: typeof storageUse;
  readFileEdits: typeof readFileEdits;
  saveFileEdits: typeof saveFileEdits;
  tellOtherTabs: typeof tellOtherTabs;
  onOtherTabs: typeof onOtherTabs;
  keptForUnlisted: typeof keptForUnlisted;
  forgetSkills: typeof forgetSkills;
  eraseEverything: typeof eraseEverything;
  /** Pending writes of edited files, one per skill. */
  editSaves: Debouncer;
  /** Every run kept (storage/runHistory). */
  history: RunHistory;
  /** Each tool's last form, and the view each skill was left on. */
  inputs: RememberedInputs;
  /** Pending saves of a configuration as it is typed, one per skill. */
  configSaves: Debouncer;
}

let services: Services = {
  createWorker: createRuntimeWorker,
  transpileCache: new IdbTranspileCache(__JCO_VERSION__),
  readInstance,
  saveInstance,
  readInstanceList,
  saveInstanceList,
  copyInstanceData,
  deleteInstanceData,
  readWorkspace,
  saveWorkspace,
  readCapsuleKv,
  saveCapsuleKv,
  listStoredSkills,
  readSkillFiles,
  saveSkill,
  removeSkill,
  storageUse,
  readFileEdits,
  saveFileEdits,
  tellOtherTabs,
  onOtherTabs,
  keptForUnlisted,
  forgetSkills,
  eraseEverything,
  editSaves: new Debouncer(EDIT_SAVE_DELAY_MS),
  history: new RunHistory(),
  inputs: new RememberedInputs(),
  configSaves: new Debouncer(CONFIG_SAVE_DELAY_MS),
};

export function setServices(next: Partial<Services>): void {
  services.editSaves.cancelAll();
  services.configSaves.cancelAll();
  services = {
    ...services,
    editSaves: new Debouncer(EDIT_SAVE_DELAY_MS),
    configSaves: new Debouncer(CONFIG_SAVE_DELAY_MS),
    ...next,
  };
  hosts.disposeAll();
  hosts = new HostPool(services.createWorker, services.transpileCache);
}

export const getServices = () => services;

/** One runtime host per skill, made on first use; the pool bounds and ends their workers. */
let hosts = new HostPool(services.createWorker, services.transpileCache);

export function hostFor(skillKey: string): RuntimeHost {
  return hosts.hostFor(skillKey);
}

export function disposeHost(skillKey: string): void {
  hosts.dispose(skillKey);
}
