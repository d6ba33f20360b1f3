export { loadInstance, saveInstance, type StoredInstance } from './instanceConfig';
export {
  IdbTranspileCache,
  transpileKey,
  TRANSPILE_SCHEME,
  DEFAULT_TRANSPILE_CACHE_BYTES,
  type CacheStats,
} from './transpileCache';
export { loadWorkspace, saveWorkspace, type StoredFiles } from './workspaceFiles';
export {
  listSkills,
  loadSkillFiles,
  removeSkill,
  saveSkill,
  storageUse,
  type StoredSkillMeta,
} from './bundleStore';
export { loadSettings, saveSettings, type Settings } from './settings';
export { loadFileEdits, saveFileEdits } from './fileEdits';
export { isQuotaExceeded } from './quota';
export { readRecord, type Loaded, type RecordFormat, type RecordRead } from './readRecord';
