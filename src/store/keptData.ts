import { errorMessage } from '../errors';
import { usePlayground } from './playgroundStore';
import { getServices } from './services';
import { refreshStorageUse } from './settings';

// What this browser keeps for skills that are no longer listed (removing a skill keeps its
// settings, secrets, files, history and inputs, so adding it back brings them back), and erasing
// everything the playground keeps.

const { getState, setState } = usePlayground;

/** Keys of the skills listed, and of one removed a moment ago that may still be undone. */
function keptKeys(): Set<string> {
  const { skills, removal } = getState();
  return new Set([...skills.map((skill) => skill.key), ...(removal ? [removal.entry.key] : [])]);
}

/** Skills no longer listed whose records are still kept, with how many records each has. */
export function unlistedKeptData(): Promise<Map<string, number>> {
  return getServices().keptForUnlisted(keptKeys());
}

/** Forgets every record of skills no longer listed; says what it did in a sentence. */
export async function forgetUnlistedData(): Promise<string> {
  try {
    const skills = await unlistedKeptData();
    const records = await getServices().forgetSkills(new Set(skills.keys()));
    forgetInPage(new Set(skills.keys()));
    void refreshStorageUse();
    return `Forgot ${records} record${records === 1 ? '' : 's'} of ${skills.size} removed skill${skills.size === 1 ? '' : 's'}.`;
  } catch (error) {
    return `Nothing could be forgotten: ${errorMessage(error)}`;
  }
}

/** What this page still holds of those skills, read before they were removed. */
function forgetInPage(keys: ReadonlySet<string>): void {
  const without = <T>(map: Record<string, T>, belongs: (id: string) => boolean) =>
    Object.fromEntries(Object.entries(map).filter(([id]) => !belongs(id)));
  const bySkill = (id: string) => keys.has(id);
  // Forms are keyed `skill/tool`: a skill key may hold "/", so each forgotten key is a prefix.
  const byForm = (id: string) => [...keys].some((key) => id.startsWith(`${key}/`));
  setState((s) => ({
    instanceLists: without(s.instanceLists, bySkill),
    instances: without(s.instances, bySkill),
    configChecks: without(s.configChecks, bySkill),
    workspaces: without(s.workspaces, bySkill),
    history: without(s.history, bySkill),
    selectedTool: without(s.selectedTool, bySkill),
    resultTabs: without(s.resultTabs, bySkill),
    drafts: without(s.drafts, byForm),
    fieldErrors: without(s.fieldErrors, byForm),
  }));
}

/**
 * Erases everything the playground keeps in this browser, then starts it afresh. Pending saves
 * are dropped first, so none writes back what was just erased.
 */
export async function eraseEverything(): Promise<string | undefined> {
  const services = getServices();
  services.editSaves.cancelAll();
  services.configSaves.cancelAll();
  try {
    await services.eraseEverything();
  } catch (error) {
    return `Not everything could be erased: ${errorMessage(error)}`;
  }
  // The address may name a skill or carry a link: the fresh start opens neither.
  window.location.replace(window.location.pathname);
  return undefined;
}
