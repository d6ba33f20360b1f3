import { errorMessage } from '../errors';
import { configToValidateJson, validateConfig, type ConfigEntry, type Grants } from '../runtime';
import type { StoredInstance } from '../storage';
import { buildRunOptions, type RunOptions, type Tool } from '../tools';
import { notify } from './notices';
import { usePlayground } from './playgroundStore';
import { getServices, hostFor } from './services';
import { getSkill } from './skills';
import { skillComponent } from './skillEntry';

const { getState, setState } = usePlayground;

/** The skill's instance, read from IndexedDB the first time it is needed. */
export async function ensureInstance(key: string): Promise<StoredInstance> {
  const existing = getState().instances[key];
  if (existing) return existing;
  const { value: loaded, unreadable } = await getServices().readInstance(key);
  const current = getState().instances[key];
  if (current) return current;
  if (unreadable) {
    notify(
      `The configuration of ${getSkill(key)?.name ?? key} could not be read, so it starts empty. ${unreadable}`,
    );
  }
  setState((s) => ({ instances: { ...s.instances, [key]: loaded } }));
  return loaded;
}

/**
 * What a run of this skill is made with. Only a tool's run may reuse a warm instance: loading,
 * listing tools and checking configuration always get a fresh one.
 */
export async function runOptionsFor(key: string, tool?: Tool): Promise<RunOptions> {
  const instance = await ensureInstance(key);
  const options = buildRunOptions({
    skillId: key,
    skillName: getSkill(key)?.name ?? key,
    instance,
    ...(tool ? { tool } : {}),
  });
  return tool
    ? { ...options, warmRevision: getState().warmRevisions[key] ?? 0 }
    : { ...options, keepWarm: false };
}

/** Marks /workspace as changed outside a run, so a warm instance is made fresh. */
export function bumpWarmRevision(key: string): void {
  setState((s) => ({
    warmRevisions: { ...s.warmRevisions, [key]: (s.warmRevisions[key] ?? 0) + 1 },
  }));
}

/** Saves the configuration, then lets the skill judge it with validate-config. */
export async function saveConfig(key: string, config: ConfigEntry[]): Promise<void> {
  const instance = {
    ...(await ensureInstance(key)),
    config: config.filter((e) => e.key.trim() !== ''),
  };
  setState((s) => ({
    instances: { ...s.instances, [key]: instance },
    configChecks: { ...s.configChecks, [key]: { state: 'checking' } },
  }));
  try {
    await getServices().saveInstance(key, instance);
  } catch (error) {
    notify(`The configuration could not be saved: ${errorMessage(error)}`);
  }
  const skill = getSkill(key);
  const component = skill && skillComponent(skill);
  if (!component) {
    setConfigCheck(key, { state: 'valid', message: 'Saved.' });
    return;
  }
  const options = await runOptionsFor(key);
  const verdict = await validateConfig(
    hostFor(key),
    component,
    configToValidateJson(instance.config),
    options,
  );
  setConfigCheck(
    key,
    verdict.valid
      ? { state: 'valid', message: 'Saved; the skill accepts this configuration.' }
      : { state: 'invalid', message: `Saved, but the skill rejects it: ${verdict.message}` },
  );
}

function setConfigCheck(
  key: string,
  check: ReturnType<typeof getState>['configChecks'][string],
): void {
  setState((s) => ({ configChecks: { ...s.configChecks, [key]: check } }));
}

export type LimitName = 'timeoutMs' | 'maxOutputBytes' | 'maxMemoryBytes';

/** Opts the instance in or out of reusing one warm instance between runs. */
export async function setKeepWarm(key: string, keepWarm: boolean): Promise<void> {
  bumpWarmRevision(key);
  await updateInstance(key, (instance) => ({ ...instance, keepWarm }));
}

/** Sets what the instance's runs may touch; undefined goes back to the default. */
export async function setGrants(key: string, grants: Grants | undefined): Promise<void> {
  bumpWarmRevision(key);
  await updateInstance(key, (instance) => {
    const next = { ...instance };
    if (grants) next.grants = grants;
    else delete next.grants;
    return next;
  });
}

/** Overrides one run limit of the instance; undefined goes back to the default. */
export async function setLimit(
  key: string,
  name: LimitName,
  value: number | undefined,
): Promise<void> {
  await updateInstance(key, (instance) => {
    const next = { ...instance };
    if (value === undefined) delete next[name];
    else next[name] = value;
    return next;
  });
}

/** Changes the stored instance, in the page at once and in IndexedDB after. */
async function updateInstance(
  key: string,
  change: (instance: StoredInstance) => StoredInstance,
): Promise<void> {
  const instance = change(await ensureInstance(key));
  setState((s) => ({ instances: { ...s.instances, [key]: instance } }));
  try {
    await getServices().saveInstance(key, instance);
  } catch (error) {
    notify(`The instance settings could not be saved: ${errorMessage(error)}`);
  }
}
