import type { ConfigCheck, PlaygroundState, SkillEntry } from './types';

// Selectors must return stable values: a fresh object each call would re-render forever.
const IDLE_CHECK: ConfigCheck = { state: 'idle' };

export const selectSkills = (s: PlaygroundState) => s.skills;
export const selectSelectedSkill = (s: PlaygroundState): SkillEntry | undefined =>
  s.skills.find((skill) => skill.key === s.selectedKey);
export const selectSkill = (skillKey: string) => (s: PlaygroundState) =>
  s.skills.find((skill) => skill.key === skillKey);
export const selectNotices = (s: PlaygroundState) => s.notices;
/** A tool's own last run: another tool's never shows under it. */
export const selectRun =
  (skillKey: string, toolName: string | undefined) => (s: PlaygroundState) =>
    toolName === undefined ? undefined : s.runs[skillKey]?.[toolName];
/** The tool of the skill whose run is under way: a skill runs one call at a time. */
export const selectRunningTool = (skillKey: string) => (s: PlaygroundState) => {
  const runs = s.runs[skillKey] ?? {};
  return Object.keys(runs).find((name) => runs[name]!.status === 'running');
};
export const selectOfferedIndex = (s: PlaygroundState) => s.offeredIndex;
export const selectInstance = (skillKey: string) => (s: PlaygroundState) => s.instances[skillKey];
/** The skill's instance names and the chosen one, once read. */
export const selectInstanceList = (skillKey: string) => (s: PlaygroundState) =>
  s.instanceLists[skillKey];
export const selectConfigCheck = (skillKey: string) => (s: PlaygroundState) =>
  s.configChecks[skillKey] ?? IDLE_CHECK;
