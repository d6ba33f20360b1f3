import type { RunError } from '../runtime';
import type { Tool } from '../tools';
import { usePlayground } from './playgroundStore';
import { setSkill } from './skills';
import { filesOf, listingOf } from './skillEntry';
import { chooseTool } from './toolForms';
import type { ReadySkill, SkillFiles } from './types';

// The end of opening a skill, whatever kind it is: its tools are known, or why it failed.

const { getState } = usePlayground;

export function markReady(
  key: string,
  files: SkillFiles,
  ready: Partial<ReadySkill> & { tools: Tool[] },
): void {
  setSkill(key, (s) => ({
    ...listingOf(s),
    // The files may have been edited while the component loaded: keep the newest.
    ...(filesOf(s) ?? files),
    unsupportedExports: [],
    loadDiagnostics: [],
    ...ready,
    status: 'ready',
  }));
  const first = ready.tools[0];
  if (first && !getState().selectedTool[key]) chooseTool(key, first.name);
}

export function describeLoadError({ code, message }: RunError): string {
  switch (code) {
    case 'TranspileFailed':
      return `jco could not load this component: ${message}`;
    case 'InstantiateFailed':
      return `The component could not be instantiated: ${message}`;
    case 'InvalidComponent':
      return `This is not a component the playground can run: ${message}`;
    default:
      return message;
  }
}
