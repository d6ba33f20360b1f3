export {
  loadInstance,
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
export { loadWorkspace, readWorkspace, saveWorkspace, type StoredFiles } from './workspaceFiles';
export {
  listSkills,
  listStoredSkills,
  loadSkillFiles,
  readSkillFiles,
  removeSkill,
  saveSkill,
  storageUse,
  isStoredSkillMeta,
  type StoredSkillList,
  type StoredSkillMeta,
  type UnreadableRecord,
} from './bundleStore';
export { loadSettings, readSettings, saveSettings, type Settings } from './settings';
export { loadFileEdits, readFileEdits, saveFileEdits } from './fileEdits';
export { readRecord, type Loaded, type RecordFormat, type RecordRead } from './readRecord';
export { isQuotaExceeded } from './quota';
