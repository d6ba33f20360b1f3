import { errorMessage } from '../errors';
import type { FileMap } from '../vfs';
import { dropFileEdits } from './fileEdits';
import { notify } from './notices';
import { openSkill } from './openSkill';
import { usePlayground } from './playgroundStore';
import { disposeHost, getServices } from './services';
import { refreshStorageUse } from './settings';
import { filesOf, listingOf } from './skillEntry';
import { setSkill } from './skills';
import type { PendingRemoval, SkillEntry } from './types';

// Removing a skill, and taking it back for a few seconds. Its stored files and edits are deleted
// at once, so a reload right after never brings it back; what undo needs to write them again is
// kept in memory until the time to undo has passed.

const { getState, setState } = usePlayground;

/** How long "Undo" is offered after a skill is removed. */
export const UNDO_REMOVAL_MS = 8_000;

/** Forgets a skill: its files, its worker, its place in the list. Its instance settings stay. */
export async function removeSkill(key: string): Promise<void> {
  const state = getState();
  const index = state.skills.findIndex((skill) => skill.key === key);
  const entry = state.skills[index];
  if (!entry) return;
  // Read before they are deleted: the stored copy and the edits, to write back on undo.
  const files = entry.stored ? await storedFiles(key) : undefined;
  const edits = await editsOf(entry);

  forgetRemoval();
  disposeHost(key);
  const timer = setTimeout(forgetRemoval, UNDO_REMOVAL_MS);
  const removal: PendingRemoval = {
    entry,
    index,
    wasSelected: state.selectedKey === key,
    ...(files ? { files } : {}),
    edits,
    timer,
  };
  setState((s) => {
    const runs = { ...s.runs };
    delete runs[key];
    return {
      skills: s.skills.filter((skill) => skill.key !== key),
      selectedKey: s.selectedKey === key ? null : s.selectedKey,
      runs,
      removal,
    };
  });
  void dropFileEdits(key);
  try {
    await getServices().removeSkill(key);
  } catch (error) {
    notify(`The skill's stored files could not be removed: ${errorMessage(error)}`);
  }
  void refreshStorageUse();
}

/** Puts the last removed skill back where it was, its stored files and edits with it. */
export async function undoRemoval(): Promise<void> {
  const removal = getState().removal;
  if (!removal) return;
  clearTimeout(removal.timer);
  const { entry, index, files, edits } = removal;
  const inMemory = filesOf(entry);
  const restored: SkillEntry = {
    ...listingOf(entry),
    ...(inMemory ?? {}),
    // Opened again, it loads again: its worker went with the removal.
    status: 'listed',
    stored: false,
  };
  setState((s) => {
    const skills = s.skills.filter((skill) => skill.key !== entry.key);
    skills.splice(Math.min(index, skills.length), 0, restored);
    return { skills, removal: undefined };
  });
  if (removal.wasSelected) void openSkill(entry.key);
  const bundleFiles = files ?? inMemory?.bundle.files;
  try {
    if (entry.stored && bundleFiles) {
      await getServices().saveSkill(
        {
          version: 2,
          key: entry.key,
          source: entry.source,
          rootName: entry.storedRoot ?? inMemory?.bundle.rootName ?? entry.name,
          name: entry.name,
          description: entry.description,
          bytes: [...bundleFiles.values()].reduce((sum, b) => sum + b.byteLength, 0),
          addedAt: Date.now(),
          ...(entry.sourceSha256 ? { sourceSha256: entry.sourceSha256 } : {}),
        },
        bundleFiles,
      );
      setSkill(entry.key, (skill) => ({ ...skill, stored: true }));
    }
    if (edits.size > 0) await getServices().saveFileEdits(entry.key, edits);
  } catch (error) {
    notify(
      `${entry.name} is back for this page, but could not be kept for the next visit: ${errorMessage(error)}`,
    );
  }
  void refreshStorageUse();
}

/** Ends the time to undo the last removal. */
export function forgetRemoval(): void {
  const removal = getState().removal;
  if (!removal) return;
  clearTimeout(removal.timer);
  setState({ removal: undefined });
}

async function storedFiles(key: string): Promise<FileMap | undefined> {
  const { value } = await getServices()
    .readSkillFiles(key)
    .catch(() => ({ value: undefined }));
  return value;
}

/** A skill's edits: as they are in memory when its files are, else as stored. */
async function editsOf(entry: SkillEntry): Promise<FileMap> {
  const files = filesOf(entry);
  if (files) {
    const edits = new Map<string, Uint8Array>();
    for (const path of files.originals.keys()) {
      const bytes = files.bundle.files.get(path);
      if (bytes) edits.set(path, bytes);
    }
    return edits;
  }
  const { value } = await getServices()
    .readFileEdits(entry.key)
    .catch(() => ({ value: new Map<string, Uint8Array>() }));
  return value;
}
