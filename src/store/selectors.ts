import type { ConfigCheck, PlaygroundState, SkillEntry } from './types';

// Selectors must return stable values: a fresh object each call would re-render forever.
const IDLE_CHECK: ConfigCheck = { state: 'idle' };

export const selectSkills = (s: PlaygroundState) => s.skills;
export const selectSelectedSkill = (s: PlaygroundState): SkillEntry | undefined =>
  s.skills.find((skill) => skill.key === s.selectedKey);
export const selectNotices = (s: PlaygroundState) => s.notices;
export const selectOfferedIndex = (s: PlaygroundState) => s.offeredIndex;
export const selectRun = (skillKey: string) => (s: PlaygroundState) => s.runs[skillKey];
export const selectInstance = (skillKey: string) => (s: PlaygroundState) => s.instances[skillKey];
export const selectConfigCheck = (skillKey: string) => (s: PlaygroundState) =>
  s.configChecks[skillKey] ?? IDLE_CHECK;
