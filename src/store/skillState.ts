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
