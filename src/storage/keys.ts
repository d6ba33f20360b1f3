/** Every IndexedDB database and store the playground uses, in one place. */
export const DATABASES = {
  instances: { db: 'skill-playground-instances', store: 'instances' },
  skillMeta: { db: 'skill-playground-skills', store: 'meta' },
  skillFiles: { db: 'skill-playground-skill-files', store: 'files' },
  fileEdits: { db: 'skill-playground-file-edits', store: 'edits' },
  workspaces: { db: 'skill-playground-workspaces', store: 'workspaces' },
  transpiles: { db: 'skill-playground-transpiles', store: 'transpiles' },
  transpileIndex: { db: 'skill-playground-transpile-index', store: 'index' },
} as const;

/** Keys inside the stores. A skill's key is stable across reloads (see skillKey in store/). */
export const KEYS = {
  instance: (skillKey: string, instanceName: string) => `instance:${skillKey}:${instanceName}`,
  transpileIndex: 'index',
  workspace: (skillKey: string, instanceName: string) => `workspace:${skillKey}:${instanceName}`,
} as const;
