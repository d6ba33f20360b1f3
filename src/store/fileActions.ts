import { analyzeBundle, findSkillMdPath, type Bundle } from '../bundle';
import { notify } from './actions';
import { usePlayground } from './playgroundStore';
import { getServices } from './services';
import { bundlePatch, commandToolsPatch, getSkill, updateSkill } from './skillState';

// Editing a skill's files in place. The bundle changes with each keystroke (so SKILL.md's findings
// follow the text), the worker gets the new files on the next run (a new bundle id), and the edits
// are written to IndexedDB after a pause in typing, as an overlay on the skill's own files.

const SAVE_DELAY_MS = 400;
const encoder = new TextEncoder();
const pendingSaves = new Map<string, ReturnType<typeof setTimeout>>();

/** Puts a skill's saved edits over files just read (from the server or the store). */
export async function withFileEdits(key: string, bundle: Bundle): Promise<Bundle> {
  const edits = await getServices()
    .loadFileEdits(key)
    .catch(() => new Map<string, Uint8Array>());
  if (edits.size === 0) return bundle;
  const files = new Map(bundle.files);
  const originals = new Map<string, Uint8Array>();
  for (const [path, bytes] of edits) {
    originals.set(path, files.get(path) ?? new Uint8Array());
    files.set(path, bytes);
  }
  updateSkill(key, { originals });
  return { ...bundle, files };
}

export function editFile(key: string, path: string, text: string): void {
  const skill = getSkill(key);
  if (!skill?.bundle) return;
  const originals = new Map(skill.originals ?? []);
  if (!originals.has(path)) originals.set(path, skill.bundle.files.get(path) ?? new Uint8Array());
  const bytes = encoder.encode(text);
  // Typing the file back to what it was is not an edit any more.
  if (sameBytes(bytes, originals.get(path)!)) originals.delete(path);
  replaceFile(key, path, bytes, originals);
}

/** Puts back what the file held before it was edited, and forgets the edit. */
export function revertFile(key: string, path: string): void {
  const skill = getSkill(key);
  const original = skill?.originals?.get(path);
  if (!skill?.bundle || !original) return;
  const originals = new Map(skill.originals);
  originals.delete(path);
  replaceFile(key, path, original, originals);
}

/** Forgets every edit of a skill (a new copy was dropped in its place, or it was removed). */
export async function dropFileEdits(key: string): Promise<void> {
  clearTimeout(pendingSaves.get(key));
  pendingSaves.delete(key);
  await getServices()
    .saveFileEdits(key, new Map())
    .catch(() => undefined);
}

function replaceFile(
  key: string,
  path: string,
  bytes: Uint8Array,
  originals: Map<string, Uint8Array>,
): void {
  const skill = getSkill(key)!;
  const files = new Map(skill.bundle!.files);
  files.set(path, bytes);
  const bundle = { ...skill.bundle!, files };
  const analysis = analyzeBundle(bundle, usePlayground.getState().validationMode);
  // A command's tools come from its manifests, so they follow an edit of one of them.
  const manifest = path === findSkillMdPath(files) || path === 'skill-tools.json';
  updateSkill(key, {
    ...bundlePatch(bundle, analysis),
    originals,
    ...(skill.kind === 'command' && manifest ? commandToolsPatch(files, analysis) : {}),
  });
  scheduleSave(key);
}

function scheduleSave(key: string): void {
  clearTimeout(pendingSaves.get(key));
  pendingSaves.set(
    key,
    setTimeout(() => {
      pendingSaves.delete(key);
      void saveEdits(key);
    }, SAVE_DELAY_MS),
  );
}

async function saveEdits(key: string): Promise<void> {
  const skill = getSkill(key);
  if (!skill?.bundle) return;
  const edits = new Map<string, Uint8Array>();
  for (const path of skill.originals?.keys() ?? []) {
    const bytes = skill.bundle.files.get(path);
    if (bytes) edits.set(path, bytes);
  }
  try {
    await getServices().saveFileEdits(key, edits);
  } catch (error) {
    notify(
      `Your edits to ${skill.name} could not be saved (${(error as Error).message}); they stay on this page until it is closed.`,
    );
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}
