import { errorMessage } from '../errors';
import { isBoolean, isFiniteNumber, isStoredObject } from './guards';
import { LOCAL_STORAGE_KEYS } from './keys';
import { readRecord, type Loaded, type RecordFormat } from './readRecord';

export type ThemeChoice = 'system' | 'light' | 'dark';
export type PaneName = 'skills' | 'files' | 'run';

/**
 * How this browser's workbench looks: the theme, the panes' sizes and which are collapsed, and
 * whether the run limits are shown. Read synchronously, so the first paint already has them.
 */
export interface WorkbenchPrefs {
  version: 1;
  theme: ThemeChoice;
  /** The Skills pane's width, in CSS pixels. */
  skillsWidth: number;
  /** The Files pane's share of the space beside the Skills pane, in percent; Run has the rest. */
  filesPercent: number;
  collapsed: Record<PaneName, boolean>;
  limitsOpen: boolean;
}

export const WORKBENCH_DEFAULTS: WorkbenchPrefs = {
  version: 1,
  theme: 'system',
  skillsWidth: 240,
  filesPercent: 45,
  collapsed: { skills: false, files: false, run: false },
  limitsOpen: false,
};

const isCollapsed = (value: unknown): value is Record<PaneName, boolean> =>
  isStoredObject(value) &&
  isBoolean(value.skills) &&
  isBoolean(value.files) &&
  isBoolean(value.run);

export const workbenchPrefsFormat: RecordFormat<WorkbenchPrefs> = {
  version: 1,
  guard: (value): value is WorkbenchPrefs =>
    isStoredObject(value) &&
    value.version === 1 &&
    (value.theme === 'system' || value.theme === 'light' || value.theme === 'dark') &&
    isFiniteNumber(value.skillsWidth) &&
    isFiniteNumber(value.filesPercent) &&
    isCollapsed(value.collapsed) &&
    isBoolean(value.limitsOpen),
};

/**
 * The stored preferences, or the defaults when there are none, when storage is blocked, or when
 * they cannot be read (which `unreadable` says): a look is never worth a failed start.
 */
export function readWorkbenchPrefs(): Loaded<WorkbenchPrefs> {
  let text: string | null;
  try {
    text = localStorage.getItem(LOCAL_STORAGE_KEYS.workbench);
  } catch {
    return { value: WORKBENCH_DEFAULTS };
  }
  if (text === null) return { value: WORKBENCH_DEFAULTS };
  let stored: unknown;
  try {
    stored = JSON.parse(text);
  } catch (error) {
    return {
      value: WORKBENCH_DEFAULTS,
      unreadable: `The workbench layout is not JSON: ${errorMessage(error)}`,
    };
  }
  const read = readRecord(stored, workbenchPrefsFormat);
  return read.ok ? { value: read.value } : { value: WORKBENCH_DEFAULTS, unreadable: read.reason };
}

export function saveWorkbenchPrefs(prefs: WorkbenchPrefs): void {
  try {
    localStorage.setItem(LOCAL_STORAGE_KEYS.workbench, JSON.stringify(prefs));
  } catch {
    // Storage blocked: the layout holds for this page.
  }
}
