import { saveWorkbenchPrefs, type ThemeChoice, type WorkbenchPrefs } from '../storage';
import { usePlayground } from './playgroundStore';
import type { OpenFile, PaneName, PhoneTab } from './types';

// How the workbench is laid out: pane sizes and collapsed panes, the theme, the Limits disclosure
// (all remembered in this browser), the tab shown on a phone and the file each skill shows.

const { getState, setState } = usePlayground;

/** The Skills pane's width may range over this, in CSS pixels. */
export const SKILLS_WIDTH = { min: 160, max: 480 } as const;
/** The Files pane's share of the space beside the Skills pane may range over this, in percent. */
export const FILES_PERCENT = { min: 20, max: 80 } as const;

function updatePrefs(change: (prefs: WorkbenchPrefs) => WorkbenchPrefs): void {
  const prefs = change(getState().prefs);
  setState({ prefs });
  saveWorkbenchPrefs(prefs);
}

const clamp = (value: number, { min, max }: { min: number; max: number }) =>
  Math.round(Math.min(max, Math.max(min, value)));

export function setTheme(theme: ThemeChoice): void {
  updatePrefs((prefs) => ({ ...prefs, theme }));
}

export function setSkillsWidth(width: number): void {
  updatePrefs((prefs) => ({ ...prefs, skillsWidth: clamp(width, SKILLS_WIDTH) }));
}

export function setFilesPercent(percent: number): void {
  updatePrefs((prefs) => ({ ...prefs, filesPercent: clamp(percent, FILES_PERCENT) }));
}

/**
 * Collapses or shows a pane. Files and Run are never both collapsed: collapsing one shows the
 * other, so the skill always has a pane.
 */
export function setPaneCollapsed(pane: PaneName, collapsed: boolean): void {
  updatePrefs((prefs) => {
    const next = { ...prefs.collapsed, [pane]: collapsed };
    if (collapsed && pane === 'files') next.run = false;
    if (collapsed && pane === 'run') next.files = false;
    return { ...prefs, collapsed: next };
  });
}

export function setLimitsOpen(limitsOpen: boolean): void {
  if (getState().prefs.limitsOpen !== limitsOpen) {
    updatePrefs((prefs) => ({ ...prefs, limitsOpen }));
  }
}

/** On a narrow screen: which pane the tabs show. */
export function showPhoneTab(phoneTab: PhoneTab): void {
  setState({ phoneTab });
}

/**
 * Shows a file of a skill in the Files pane: rendered (Markdown) or in the editor, with the
 * cursor at a line when given. On a phone the Files tab comes forward, and a collapsed Files
 * pane opens.
 */
export function openFile(
  key: string,
  path: string,
  where: { mode?: OpenFile['mode']; line?: number; column?: number } = {},
): void {
  const request = getState().nextFileRequest;
  const file: OpenFile = {
    path,
    mode: where.mode ?? 'edit',
    request,
    ...(where.line !== undefined ? { line: where.line } : {}),
    ...(where.column !== undefined ? { column: where.column } : {}),
  };
  setState((s) => ({
    openFiles: { ...s.openFiles, [key]: file },
    nextFileRequest: s.nextFileRequest + 1,
    phoneTab: 'files',
  }));
  if (getState().prefs.collapsed.files) setPaneCollapsed('files', false);
}
