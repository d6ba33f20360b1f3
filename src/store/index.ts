export { usePlayground, draftKey, initialState } from './playgroundStore';
export * from './selectors';
export { notify, dismissNotice } from './notices';
export { pressNoticeAction } from './noticeActions';
export { loadExamples, loadFromUrl, loadStoredSkills, type UrlLoad } from './skillList';
export { openIndexSkills, dismissIndex } from './siteIndex';
export { addPicked } from './importSkills';
export { sameNameSkills, skillKey } from './skillIdentity';
export { openSkill, allowSkillCode } from './openSkill';
export { appBaseUrl, makeShareLink, type MadeLink } from './shareLinks';
export { acceptSharedLink, dismissSharedLink, openShareLink } from './openLink';
export {
  exportSkill,
  exportWorkspace,
  publishCandidates,
  publishSkills,
  type PublishCandidate,
  type Produced,
} from './exports';
export {
  importWorkspace,
  readWorkspaceFile,
  type ImportSummary,
  type ReadWorkspace,
} from './importWorkspace';
export {
  chooseTool,
  getDrafts,
  instructionFields,
  jsonViewOpen,
  renderSkillInstructions,
  setDraft,
  setInstructionValue,
  setJsonViewText,
  showFormView,
  showJsonView,
} from './toolForms';
export { runTool, cancelRun, runningTool } from './runs';
export {
  compareRuns,
  deleteRuns,
  fillFormFromRun,
  loadHistory,
  loadHistorySettings,
  openPastRun,
  pinRun,
  setHistoryMaxRuns,
} from './history';
export { exportHistory, importHistory } from './historyFiles';
export { rememberInputs, setResultTab, showView, type View } from './rememberInputs';
export { removeSkill, undoRemoval, forgetRemoval, UNDO_REMOVAL_MS } from './removal';
export {
  FILES_PERCENT,
  SKILLS_WIDTH,
  openFile,
  setFilesPercent,
  setLimitsOpen,
  setPaneCollapsed,
  setSkillsWidth,
  setTheme,
  showPhoneTab,
} from './workbench';
export {
  activeInstanceName,
  editConfig,
  ensureInstanceList,
  flushConfig,
  requestedBy,
  saveConfig,
  secretsWithheld,
  trustSkillVersion,
  setGrants,
  setKeepWarm,
  setLimit,
  type LimitName,
} from './instances';
export {
  chooseInstance,
  createInstance,
  deleteInstance,
  duplicateInstance,
  renameInstance,
  type InstanceActionResult,
} from './instanceList';
export { declaredConfigFor } from './configDeclarations';
export { openWorkspace, uploadToWorkspace, deleteFromWorkspace } from './workspace';
export { editFile, revertFile } from './fileEdits';
export { chooseFile, showFile } from './filesView';
export {
  setValidationMode,
  refreshCacheStats,
  clearTranspileCache,
  refreshStorageUse,
} from './settings';
export { setServices } from './services';
export { skillComponent, skillTools } from './skillEntry';
export type * from './types';
export { followOtherTabs } from './otherTabs';
export { eraseEverything, forgetUnlistedData, unlistedKeptData } from './keptData';
