import { errorMessage } from '../errors';
import { DEFAULT_INSTANCE, instanceNameProblem, type StoredInstanceList } from '../storage';
import { bumpWarmRevision, ensureInstance, ensureInstanceList, flushConfig } from './instances';
import { notify } from './notices';
import { usePlayground } from './playgroundStore';
import { getServices } from './services';
import { ensureWorkspace } from './workspace';

// A skill's named instances: made, renamed, copied, deleted and chosen. The chosen one is what
// the instance slice's maps hold, so switching reads the other one's settings and files.

const { getState, setState } = usePlayground;

/** What an action on the list gives: done, or why not in a sentence. */
export type InstanceActionResult = { ok: true } | { ok: false; message: string };

const refused = (message: string): InstanceActionResult => ({ ok: false, message });

function without<T>(map: Record<string, T>, key: string): Record<string, T> {
  const next = { ...map };
  delete next[key];
  return next;
}

const isRunning = (key: string) =>
  Object.values(getState().runs[key] ?? {}).some((run) => run.status === 'running');

/** Chooses the instance the skill's next runs use; its settings and files come back with it. */
export async function chooseInstance(key: string, name: string): Promise<InstanceActionResult> {
  const list = await ensureInstanceList(key);
  if (!list.names.includes(name)) return refused(`There is no instance named ${name}.`);
  if (name === list.active) return { ok: true };
  // A run's files go back to the instance it ran in: switching waits until it ends.
  if (isRunning(key)) return refused('A run is under way: choose another instance once it ends.');
  await flushConfig(key);
  await keepList(key, { ...list, active: name });
  setState((s) => ({
    instances: without(s.instances, key),
    configChecks: without(s.configChecks, key),
    workspaces: without(s.workspaces, key),
  }));
  // A warm instance holds the other instance's memory and files.
  bumpWarmRevision(key);
  await Promise.all([ensureInstance(key), ensureWorkspace(key)]);
  return { ok: true };
}

/** Makes an empty instance and chooses it. */
export async function createInstance(key: string, name: string): Promise<InstanceActionResult> {
  const list = await ensureInstanceList(key);
  const problem = instanceNameProblem(name, list.names);
  if (problem) return refused(problem);
  try {
    await getServices().saveInstance(key, { version: 1, name, config: [] });
  } catch (error) {
    return refused(`The instance could not be saved: ${errorMessage(error)}`);
  }
  await keepList(key, { ...list, names: [...list.names, name] });
  return chooseInstance(key, name);
}

/** Copies an instance (settings, secrets, limits, grants, /workspace) to a new name and chooses it. */
export async function duplicateInstance(
  key: string,
  from: string,
  to: string,
): Promise<InstanceActionResult> {
  const list = await ensureInstanceList(key);
  const problem = instanceNameProblem(to, list.names);
  if (problem) return refused(problem);
  if (from === list.active) await flushConfig(key);
  try {
    await getServices().copyInstanceData(key, from, to);
  } catch (error) {
    return refused(`${from} could not be copied: ${errorMessage(error)}`);
  }
  await keepList(key, { ...list, names: [...list.names, to] });
  return chooseInstance(key, to);
}

/** Gives an instance another name; "default" keeps its own. */
export async function renameInstance(
  key: string,
  from: string,
  to: string,
): Promise<InstanceActionResult> {
  if (from === DEFAULT_INSTANCE) return refused('The default instance keeps its name.');
  const list = await ensureInstanceList(key);
  if (to === from) return { ok: true };
  const problem = instanceNameProblem(to, list.names);
  if (problem) return refused(problem);
  if (isRunning(key) && from === list.active) {
    return refused('A run is under way: rename the instance once it ends.');
  }
  if (from === list.active) await flushConfig(key);
  try {
    await getServices().copyInstanceData(key, from, to);
  } catch (error) {
    return refused(`${from} could not be renamed: ${errorMessage(error)}`);
  }
  await keepList(key, {
    names: list.names.map((n) => (n === from ? to : n)),
    active: list.active === from ? to : list.active,
    version: 1,
  });
  await removeData(key, from);
  if (list.active === from) {
    setState((s) => {
      const instance = s.instances[key];
      return instance ? { instances: { ...s.instances, [key]: { ...instance, name: to } } } : {};
    });
  }
  return { ok: true };
}

/** Deletes an instance with its settings and files; "default" stays. */
export async function deleteInstance(key: string, name: string): Promise<InstanceActionResult> {
  if (name === DEFAULT_INSTANCE) return refused('The default instance cannot be deleted.');
  const list = await ensureInstanceList(key);
  if (!list.names.includes(name)) return refused(`There is no instance named ${name}.`);
  if (name === list.active) {
    const switched = await chooseInstance(key, DEFAULT_INSTANCE);
    if (!switched.ok) return switched;
  }
  const now = getState().instanceLists[key] ?? list;
  await keepList(key, { ...now, names: now.names.filter((n) => n !== name) });
  await removeData(key, name);
  return { ok: true };
}

/**
 * Another tab changed this skill's list of instances. This tab takes its names, and keeps its own
 * choice while that instance is there; when it was renamed or deleted there, this tab moves to
 * the one that tab chose (or "default") and says so, without saving the gone one back.
 */
export async function followInstanceList(key: string): Promise<void> {
  if (!getState().instanceLists[key]) return;
  const { value: stored, unreadable } = await getServices().readInstanceList(key);
  const shown = getState().instanceLists[key];
  if (unreadable || !shown) return;
  if (stored.names.includes(shown.active)) {
    setState((s) => ({
      instanceLists: { ...s.instanceLists, [key]: { ...stored, active: shown.active } },
    }));
    return;
  }
  const next = stored.names.includes(stored.active) ? stored.active : DEFAULT_INSTANCE;
  // What this tab had not saved yet belongs to an instance that is gone.
  getServices().configSaves.cancel(key);
  setState((s) => ({
    instanceLists: { ...s.instanceLists, [key]: { ...stored, active: shown.active } },
  }));
  const moved = await chooseInstance(key, next);
  const skill = getState().skills.find((entry) => entry.key === key)?.name ?? key;
  const gone = `Instance ${shown.active} of ${skill} was renamed or deleted in another tab`;
  if (moved.ok) notify(`${gone}: this tab now uses ${next}.`, 'info');
  else notify(`${gone}. ${moved.message}`);
}

async function keepList(key: string, list: StoredInstanceList): Promise<void> {
  setState((s) => ({ instanceLists: { ...s.instanceLists, [key]: list } }));
  try {
    await getServices().saveInstanceList(key, list);
    getServices().tellOtherTabs({ kind: 'instance-list-saved', skillKey: key });
  } catch (error) {
    notify(`The list of instances could not be saved: ${errorMessage(error)}`);
  }
}

async function removeData(key: string, name: string): Promise<void> {
  try {
    await getServices().deleteInstanceData(key, name);
  } catch (error) {
    notify(`The files of instance ${name} could not be removed: ${errorMessage(error)}`);
  }
}
