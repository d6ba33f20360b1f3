import { create } from 'zustand';
import { DEFAULT_HISTORY_BOUNDS, readSettings, readWorkbenchPrefs } from '../storage';
import type {
  HistorySlice,
  InstancesSlice,
  NoticesSlice,
  PlaygroundState,
  RunsSlice,
  ShareSlice,
  SkillsSlice,
  StorageSlice,
  WorkbenchSlice,
} from './types';

const skillsSlice = (): SkillsSlice => ({
  validationMode: readSettings().value.validationMode,
  skills: [],
  examplesLoaded: false,
  selectedKey: null,
  offeredIndex: null,
});
const noticesSlice = (): NoticesSlice => ({ notices: [], nextNoticeId: 1 });
const runsSlice = (): RunsSlice => ({
  selectedTool: {},
  drafts: {},
  fieldErrors: {},
  runs: {},
  nextRunId: 1,
  instructions: {},
});
const instancesSlice = (): InstancesSlice => ({
  instanceLists: {},
  instances: {},
  configChecks: {},
  workspaces: {},
  warmRevisions: {},
});
const historySlice = (): HistorySlice => ({
  history: {},
  historyMaxRuns: DEFAULT_HISTORY_BOUNDS.maxRuns,
  resultTabs: {},
});
const storageSlice = (): StorageSlice => ({});
const workbenchSlice = (): WorkbenchSlice => ({
  prefs: readWorkbenchPrefs().value,
  phoneTab: 'skill',
  openFiles: {},
  nextFileRequest: 1,
  editSaves: {},
});
const shareSlice = (): ShareSlice => ({ sharedLink: null });

/** A fresh state: every counter and map starts over, so a test's store is really new. */
export const initialState = (): PlaygroundState => ({
  ...skillsSlice(),
  ...noticesSlice(),
  ...runsSlice(),
  ...instancesSlice(),
  ...storageSlice(),
  ...workbenchSlice(),
  ...shareSlice(),
  ...historySlice(),
});

/**
 * The one store, made of the slices above. State only: the actions that change it live beside
 * it, one module per slice (skillList, openSkill, toolForms, runs, instances, workspace, ...).
 */
export const usePlayground = create<PlaygroundState>()(() => initialState());

export const draftKey = (skillKey: string, toolName: string) => `${skillKey}/${toolName}`;
