import { errorMessage } from '../errors';
import { fetchExampleBundle, type Bundle } from '../bundle';
import type { FileMap } from '../vfs';
import { withFileEdits } from './fileEdits';
import { getServices } from './services';
import { getSkill } from './skills';
import { filesOf } from './skillEntry';

// A skill's files as they are now, for sharing, exporting and publishing: in memory when it was
// opened, else read from IndexedDB or the example's server, edits included either way.

export interface CurrentBundle {
  /** The files with the edits made in the editor. */
  bundle: Bundle;
  /** What each edited file held before (the skill's own bytes). */
  originals: FileMap;
}

/** The skill's files with its edits, or a sentence saying why they cannot be read. */
export async function currentBundle(
  key: string,
): Promise<{ ok: true; value: CurrentBundle } | { ok: false; reason: string }> {
  const skill = getSkill(key);
  if (!skill) return { ok: false, reason: 'That skill is not in the list any more.' };
  const files = filesOf(skill);
  if (files) return { ok: true, value: { bundle: files.bundle, originals: files.originals } };
  let bundle: Bundle;
  if (skill.stored) {
    const { value, unreadable } = await getServices().readSkillFiles(key);
    if (!value) {
      return {
        ok: false,
        reason: `The stored files of ${skill.name} could not be read.${unreadable ? ` ${unreadable}` : ''}`,
      };
    }
    bundle = { rootName: skill.storedRoot ?? skill.name, files: value, source: skill.source };
  } else if (skill.example) {
    try {
      bundle = await fetchExampleBundle(skill.example);
    } catch (error) {
      return { ok: false, reason: errorMessage(error) };
    }
  } else {
    return { ok: false, reason: `The files of ${skill.name} are not at hand any more.` };
  }
  return { ok: true, value: await withFileEdits(key, bundle) };
}

/** The skill's own files: the edited ones as they were before the edits. */
export function originalFiles({ bundle, originals }: CurrentBundle): FileMap {
  const files = new Map(bundle.files);
  for (const [path, bytes] of originals) files.set(path, bytes);
  return files;
}
