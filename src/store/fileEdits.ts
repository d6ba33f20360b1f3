import { errorMessage } from '../errors';
import { CAPSULE_FILE, findSkillMdPath, type Bundle } from '../bundle';
import { SIDECAR_FILE } from '../tools';
import { notify } from './notices';
import { usePlayground } from './playgroundStore';
import { getServices } from './services';
import {
  analyze,
  capsuleToolsOf,
  commandToolsOf,
  getSkill,
  setSkill,
  skillFiles,
  withFiles,
} from './skills';
import { filesOf } from './skillEntry';
import type { FileMap } from '../vfs';

// Editing a skill's files in place. The bundle changes with each keystroke (so SKILL.md's findings
// follow the text), the worker gets the new files on the next run (a new bundle id), and the edits
// are written to IndexedDB after a pause in typing, as an overlay on the skill's own files.

const encoder = new TextEncoder();

/**
 * Puts a skill's saved edits over files just read (from the server or the store), and gives
 * what each edited file held before, for Revert. The edits may have been asked for already
 * (`readSavedEdits`), while the files were read.
 */
export async function withFileEdits(
  key: string,
  bundle: Bundle,
  saved: Promise<FileMap> = readSavedEdits(key),
): Promise<{ bundle: Bundle; originals: FileMap }> {
  const originals = new Map<string, Uint8Array>();
  const edits = await saved;
  if (edits.size === 0) return { bundle, originals };
  const files = new Map(bundle.files);
  for (const [path, bytes] of edits) {
    originals.set(path, files.get(path) ?? new Uint8Array());
    files.set(path, bytes);
  }
  return { bundle: { ...bundle, files }, originals };
}

/** A skill's saved edits; ones that cannot be read are said in a notice and not applied. */
export async function readSavedEdits(key: string): Promise<FileMap> {
  const { value: edits, unreadable } = await getServices().readFileEdits(key);
  if (unreadable) {
    notify(
      `Your earlier edits to ${getSkill(key)?.name ?? key} could not be read and are not applied. ${unreadable}`,
    );
  }
  return edits;
}

export function editFile(key: string, path: string, text: string): void {
  const skill = getSkill(key);
  const current = skill && filesOf(skill);
  if (!current) return;
  const originals = new Map(current.originals);
  if (!originals.has(path)) originals.set(path, current.bundle.files.get(path) ?? new Uint8Array());
  const bytes = encoder.encode(text);
  // Typing the file back to what it was is not an edit any more.
  if (sameBytes(bytes, originals.get(path)!)) originals.delete(path);
  replaceFile(key, path, bytes, originals);
}

/** Puts back what the file held before it was edited, and forgets the edit. */
export function revertFile(key: string, path: string): void {
  const skill = getSkill(key);
  const original = skill?.originals?.get(path);
  if (!skill?.originals || !original) return;
  const originals = new Map(skill.originals);
  originals.delete(path);
  replaceFile(key, path, original, originals);
}

/** Forgets every edit of a skill (a new copy was dropped in its place, or it was removed). */
export async function dropFileEdits(key: string): Promise<void> {
  getServices().editSaves.cancel(key);
  await getServices()
    .saveFileEdits(key, new Map())
    .catch(() => undefined);
}

function replaceFile(key: string, path: string, bytes: Uint8Array, originals: FileMap): void {
  setSkill(key, (skill) => {
    const current = filesOf(skill);
    if (!current) return skill;
    const files = new Map(current.bundle.files);
    files.set(path, bytes);
    const bundle = { ...current.bundle, files };
    const next = withFiles(skill, skillFiles(bundle, analyze(bundle), originals));
    // A command's tools come from its manifests, so they follow an edit of one of them; so do
    // a capsule's, from its Capsule.toml.
    const manifest = path === findSkillMdPath(files) || path === SIDECAR_FILE;
    if (next.status === 'ready' && next.loaded?.kind === 'capsule' && path === CAPSULE_FILE) {
      return { ...next, tools: capsuleToolsOf(next) };
    }
    return next.status === 'ready' && next.loaded?.kind === 'command' && manifest
      ? { ...next, ...commandToolsOf(next) }
      : next;
  });
  setSaveState(key, 'saving');
  getServices().editSaves.schedule(key, () => void saveEdits(key));
}

/** Says whether a skill's edits are in IndexedDB yet: the Files pane shows it. */
function setSaveState(key: string, state: 'saving' | 'saved' | 'failed'): void {
  usePlayground.setState((s) => ({ editSaves: { ...s.editSaves, [key]: state } }));
}

async function saveEdits(key: string): Promise<void> {
  const skill = getSkill(key);
  const current = skill && filesOf(skill);
  if (!skill || !current) return;
  const edits = new Map<string, Uint8Array>();
  for (const path of current.originals.keys()) {
    const bytes = current.bundle.files.get(path);
    if (bytes) edits.set(path, bytes);
  }
  try {
    await getServices().saveFileEdits(key, edits);
    setSaveState(key, 'saved');
  } catch (error) {
    setSaveState(key, 'failed');
    notify(
      `Your edits to ${skill.name} could not be saved (${errorMessage(error)}); they stay on this page until it is closed.`,
    );
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}
