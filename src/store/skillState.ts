import { commandTools, type Bundle, type SkillDescription } from '../bundle';
import { usePlayground } from './playgroundStore';
import type { SkillEntry } from './types';

/** The skill with this key, as the store has it now. */
export const getSkill = (key: string): SkillEntry | undefined =>
  usePlayground.getState().skills.find((s) => s.key === key);

export function updateSkill(key: string, patch: Partial<SkillEntry>): void {
  usePlayground.setState((s) => ({
    skills: s.skills.map((skill) => (skill.key === key ? { ...skill, ...patch } : skill)),
  }));
}

/** A skill's files and what they say, as one patch: a new bundle id makes the worker remount them. */
export function bundlePatch(bundle: Bundle, analysis: SkillDescription): Partial<SkillEntry> {
  return {
    bundle,
    bundleId: crypto.randomUUID(),
    analysis,
    name: analysis.name,
    description: analysis.description,
  };
}

/** A command's tools, from its manifests (skill-tools.json, SKILL.md actions), and their findings. */
export function commandToolsPatch(
  files: Map<string, Uint8Array>,
  analysis: SkillDescription,
): Pick<SkillEntry, 'tools' | 'loadDiagnostics'> {
  const { tools, diagnostics } = commandTools(files, analysis.skillMd?.frontmatter ?? null);
  return { tools, loadDiagnostics: diagnostics };
}
