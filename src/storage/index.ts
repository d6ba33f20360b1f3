export {
  readInstance,
  saveInstance,
  isStoredInstance,
  type StoredInstance,
} from './instanceConfig';
export {
  IdbTranspileCache,
  transpileKey,
  TRANSPILE_SCHEME,
  DEFAULT_TRANSPILE_CACHE_BYTES,
  type CacheStats,
} from './transpileCache';
export { readWorkspace, saveWorkspace } from './workspaceFiles';
export {
  DEFAULT_INSTANCE,
  freshInstanceList,
  instanceNameProblem,
  readInstanceList,
  saveInstanceList,
  type StoredInstanceList,
} from './instanceList';
export { copyInstanceData, deleteInstanceData } from './instanceData';
export { readCapsuleKv, saveCapsuleKv, type KvEntries } from './capsuleKv';
export {
  listStoredSkills,
  readSkillFiles,
  removeSkill,
  saveSkill,
  storageUse,
  isStoredSkillMeta,
  type StoredSkillList,
  type StoredSkillMeta,
  type UnreadableRecord,
} from './bundleStore';
export { readSettings, saveSettings, type Settings } from './settings';
export {
  readWorkbenchPrefs,
  saveWorkbenchPrefs,
  WORKBENCH_DEFAULTS,
  type PaneName,
  type ThemeChoice,
  type WorkbenchPrefs,
} from './workbenchPrefs';
export { readFileEdits, saveFileEdits } from './fileEdits';
export { readRecord, type Loaded, type RecordFormat, type RecordRead } from './readRecord';
export { isQuotaExceeded } from './quota';
export { onOtherTabs, tellOtherTabs, type TabMessage } from './tabChannel';
export {
  DEFAULT_HISTORY_BOUNDS,
  HistoryError,
  MAX_RUNS_CEILING,
  RunHistory,
  type HistoryBounds,
  type PruneReport,
  type RunList,
} from './runHistory';
export { newRunId, type HistoryRun, type HistoryStatus, type RunSummary } from './historyRecord';
export { historyFile, readHistoryFile, type HistoryFile } from './historyFile';
export { RememberedInputs, type SkillView } from './rememberedInputs';
export { eraseEverything, forgetSkills, keptForUnlisted } from './keptData';
