import { isQuotaExceeded } from '../storage';
import { errorMessage } from '../errors';
import { diffFiles, type FileMap } from '../vfs';
import { activeInstanceName, bumpWarmRevision, ensureInstanceList } from './instances';
import { notify } from './notices';
import { usePlayground } from './playgroundStore';
import { getServices } from './services';
import { getSkill } from './skills';

// The instance's /workspace: read-write for its runs, kept in IndexedDB, edited by the person.

const { getState, setState } = usePlayground;

/** The instance's /workspace files, read from IndexedDB the first time they are needed. */
export async function ensureWorkspace(key: string): Promise<FileMap> {
  const existing = getState().workspaces[key];
  if (existing) return existing.files;
  const { active } = await ensureInstanceList(key);
  const { value, unreadable } = await getServices().readWorkspace(key, active);
  // Another instance was chosen while these were read: its own files are read instead.
  if (activeInstanceName(key) !== active) return ensureWorkspace(key);
  if (unreadable && !getState().workspaces[key]) {
    notify(
      `The /workspace files of ${getSkill(key)?.name ?? key} could not be read, so it starts empty. ${unreadable}`,
    );
  }
  const files: FileMap = value;
  setState((s) => ({ workspaces: { ...s.workspaces, [key]: s.workspaces[key] ?? { files } } }));
  return getState().workspaces[key]!.files;
}

export async function openWorkspace(key: string): Promise<void> {
  await ensureWorkspace(key);
}

/** Keeps what a run left in /workspace, marking what it created or changed. */
export async function keepRunWorkspace(
  key: string,
  files: FileMap,
  before: FileMap,
): Promise<void> {
  const lastRun = diffFiles(before, files);
  setState((s) => ({ workspaces: { ...s.workspaces, [key]: { files, lastRun } } }));
  const changed = lastRun.created.length + lastRun.changed.length + lastRun.deleted.length > 0;
  if (changed) await persistWorkspace(key, files);
}

/** Adds files the person picked to /workspace (a file with the same name is replaced). */
export async function uploadToWorkspace(
  key: string,
  picked: Array<{ name: string; bytes: Uint8Array }>,
): Promise<void> {
  const current = new Map(await ensureWorkspace(key));
  for (const { name, bytes } of picked) current.set(name, bytes);
  const files: FileMap = new Map([...current].sort(([a], [b]) => a.localeCompare(b)));
  bumpWarmRevision(key);
  setState((s) => ({ workspaces: { ...s.workspaces, [key]: { files } } }));
  await persistWorkspace(key, files);
}

export async function deleteFromWorkspace(key: string, path: string): Promise<void> {
  const files = new Map(await ensureWorkspace(key));
  files.delete(path);
  bumpWarmRevision(key);
  setState((s) => ({ workspaces: { ...s.workspaces, [key]: { ...s.workspaces[key], files } } }));
  await persistWorkspace(key, files);
}

async function persistWorkspace(key: string, files: FileMap): Promise<void> {
  try {
    await getServices().saveWorkspace(key, files, activeInstanceName(key));
  } catch (error) {
    const full = isQuotaExceeded(error);
    notify(
      full
        ? 'The browser storage is full: the workspace is kept for this page only. Free space (remove files or clear the transpile cache) to keep it across reloads.'
        : `The workspace could not be saved: ${errorMessage(error)}`,
    );
  }
}
