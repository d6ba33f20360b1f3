import {
  analyzeBundle,
  decodeTextInSlices,
  findSkillMdPath,
  type Bundle,
  type Diagnostic,
  type SkillDescription,
} from '../bundle';
import type { ComponentSource } from '../runtime';
import { capsulePluginComponents, capsuleTools, commandTools, type Tool } from '../tools';
import { usePlayground } from './playgroundStore';
import type { SkillEntry, SkillFiles } from './types';
import type { FileMap } from '../vfs';

/** The skill with this key, as the store has it now. */
export const getSkill = (key: string): SkillEntry | undefined =>
  usePlayground.getState().skills.find((s) => s.key === key);

/** Moves a skill to its next state; a skill removed meanwhile stays removed. */
export function setSkill(key: string, next: (skill: SkillEntry) => SkillEntry): void {
  usePlayground.setState((s) => ({
    skills: s.skills.map((skill) => (skill.key === key ? next(skill) : skill)),
  }));
}

/** Marks a skill failed, with the sentence that says why; its files stay for the editor. */
export function failSkill(
  key: string,
  loadError: string,
  extra: { component?: ComponentSource; loadDiagnostics?: Diagnostic[] } = {},
): void {
  setSkill(key, (skill) => ({ ...skill, status: 'failed', loadError, ...extra }));
}

/** A skill's files and what they say: a new bundle id makes the worker remount them. */
export function skillFiles(
  bundle: Bundle,
  analysis: SkillDescription,
  originals: FileMap = new Map(),
): SkillFiles {
  return { bundle, bundleId: crypto.randomUUID(), analysis, originals };
}

/** An entry with these files, and the name and description they say. */
export function withFiles<T extends SkillEntry>(skill: T, files: SkillFiles): T {
  return {
    ...skill,
    ...files,
    name: files.analysis.name,
    description: files.analysis.description,
  };
}

/** Reads a bundle under the current validation mode. */
export const analyze = (bundle: Bundle): SkillDescription =>
  analyzeBundle(bundle, usePlayground.getState().validationMode);

/**
 * The same, with SKILL.md decoded a slice per task first: opening a skill whose SKILL.md is
 * megabytes long never holds the page for the length of the file.
 */
export async function analyzeInSlices(bundle: Bundle): Promise<SkillDescription> {
  const path = findSkillMdPath(bundle.files);
  const skillMdText = path ? await decodeTextInSlices(bundle.files.get(path)!) : undefined;
  return analyzeBundle(bundle, usePlayground.getState().validationMode, { skillMdText });
}

/** A command's tools, from its manifests (skill-tools.json, SKILL.md actions), and their findings. */
export function commandToolsOf(files: SkillFiles): {
  tools: Tool[];
  loadDiagnostics: Diagnostic[];
} {
  const { tools, diagnostics } = commandTools(
    files.bundle.files,
    files.analysis.skillMd?.frontmatter ?? null,
  );
  return { tools, loadDiagnostics: diagnostics };
}

/** A capsule's tools, from its Capsule.toml as it reads now, for the plugins in the bundle. */
export function capsuleToolsOf(files: SkillFiles): Tool[] {
  const capsule = files.analysis.capsule;
  if (!capsule) return [];
  const bundle = files.bundle.files;
  const plugins = capsulePluginComponents(capsule)
    .filter((component) => bundle.has(component.file))
    .map((component) => ({ component, bytes: bundle.get(component.file)! }));
  return plugins.length > 0 ? capsuleTools(capsule, plugins) : [];
}
