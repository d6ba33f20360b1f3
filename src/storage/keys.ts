// Every name the playground stores under, in one place: no module of storage/ builds a key itself.

/** The IndexedDB databases and their one store each. */
export const DATABASES = {
  instances: { db: 'skill-playground-instances', store: 'instances' },
  skillMeta: { db: 'skill-playground-skills', store: 'meta' },
  skillFiles: { db: 'skill-playground-skill-files', store: 'files' },
  fileEdits: { db: 'skill-playground-file-edits', store: 'edits' },
  workspaces: { db: 'skill-playground-workspaces', store: 'workspaces' },
  capsuleKv: { db: 'skill-playground-capsule-kv', store: 'kv' },
  transpiles: { db: 'skill-playground-transpiles', store: 'transpiles' },
  transpileIndex: { db: 'skill-playground-transpile-index', store: 'index' },
  /** Every run kept, one record and one summary each (storage/runHistory). */
  history: { db: 'skill-playground-history', store: 'runs' },
  /** Each tool's last form, and the tool and tab each skill was left on. */
  inputs: { db: 'skill-playground-inputs', store: 'inputs' },
} as const;

/**
 * Keys inside the stores. A skill's key is stable across reloads (see skillKey in store/); the
 * stores that hold one record per skill use it as it is.
 */
export const KEYS = {
  instance: (skillKey: string, instanceName: string) => `instance:${skillKey}:${instanceName}`,
  /** A skill's instance names and the chosen one, beside the instances in their store. */
  instanceList: (skillKey: string) => `instances:${skillKey}`,
  workspace: (skillKey: string, instanceName: string) => `workspace:${skillKey}:${instanceName}`,
  capsuleKv: (skillKey: string, instanceName: string) => `kv:${skillKey}:${instanceName}`,
  skillMeta: (skillKey: string) => skillKey,
  skillFiles: (skillKey: string) => skillKey,
  fileEdits: (skillKey: string) => skillKey,
  /** A transpile: the component's SHA-256, the jco that transpiled it, and how. */
  transpile: (componentId: string, jcoVersion: string, scheme: string) =>
    `${componentId}|jco@${jcoVersion}|${scheme}`,
  transpileIndex: 'index',
  // History and input keys are arrays: a skill's key may hold any character, and an array key
  // lets one key range read a skill's runs alone.
  historyRun: (skillKey: string, id: string): [string, string, string] => ['run', skillKey, id],
  historySummary: (skillKey: string, id: string): [string, string, string] => [
    'summary',
    skillKey,
    id,
  ],
  historySettings: 'settings',
  toolInputs: (skillKey: string, instanceName: string, toolName: string) => [
    'inputs',
    skillKey,
    instanceName,
    toolName,
  ],
  skillView: (skillKey: string) => ['view', skillKey],
} as const;

/** A skill's run summaries: every `['summary', skillKey, id]` (an array sorts after any id). */
export const historySummaryRange = (skillKey: string): IDBKeyRange =>
  IDBKeyRange.bound(['summary', skillKey], ['summary', skillKey, []]);

/** localStorage keys, for what is read synchronously before the first paint. */
export const LOCAL_STORAGE_KEYS = {
  settings: 'skill-playground:settings',
  /** Pane sizes, which panes are collapsed, the theme: how this browser's workbench looks. */
  workbench: 'skill-playground:workbench',
} as const;
