export { usePlayground, draftKey, initialState } from './playgroundStore';
export * from './selectors';
export { notify, dismissNotice } from './notices';
export {
  loadExamples,
  loadFromUrl,
  loadStoredSkills,
  removeSkill,
  type UrlLoad,
} from './skillList';
export { addPicked } from './importSkills';
export { sameNameSkills, skillKey } from './skillIdentity';
export { openSkill, allowSkillCode } from './openSkill';
export { chooseTool, getDrafts, setDraft } from './toolForms';
export { runTool, cancelRun } from './runs';
export {
  followOtherTabs,
  requestedBy,
  saveConfig,
  secretsWithheld,
  trustSkillVersion,
  setGrants,
  setKeepWarm,
  setLimit,
  type LimitName,
} from './instances';
export { openWorkspace, uploadToWorkspace, deleteFromWorkspace } from './workspace';
export { editFile, revertFile } from './fileEdits';
export {
  setValidationMode,
  refreshCacheStats,
  clearTranspileCache,
  refreshStorageUse,
} from './settings';
export { setServices } from './services';
export { skillComponent, skillTools } from './skillEntry';
export type * from './types';
