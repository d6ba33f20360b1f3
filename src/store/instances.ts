import { errorMessage } from '../errors';
import { configToValidateJson, validateConfig, type ConfigEntry, type Grants } from '../runtime';
import { DEFAULT_INSTANCE, type StoredInstance, type StoredInstanceList } from '../storage';
import { buildRunOptions, type RunOptions, type Tool } from '../tools';
import { notify } from './notices';
import { usePlayground } from './playgroundStore';
import { getServices, hostFor } from './services';
import { getSkill } from './skills';
import { skillComponent, type SkillEntry } from './skillEntry';
import { NOTHING_REQUESTED, requestedCapabilities, type RequestedCapabilities } from '../bundle';
import { declaredConfigFor, effectiveConfig, keyNamedIn } from './configDeclarations';

const { getState, setState } = usePlayground;

/**
 * The name of the skill's chosen instance ("default" until its list is read or another is
 * chosen): what a run is made with, and what history records.
 */
export function activeInstanceName(skillKey: string): string {
  return getState().instanceLists[skillKey]?.active ?? DEFAULT_INSTANCE;
}

/** The skill's instance names and its chosen one, read from IndexedDB the first time. */
export async function ensureInstanceList(key: string): Promise<StoredInstanceList> {
  const existing = getState().instanceLists[key];
  if (existing) return existing;
  const { value: loaded, unreadable } = await getServices().readInstanceList(key);
  const current = getState().instanceLists[key];
  if (current) return current;
  if (unreadable) {
    notify(
      `The list of instances of ${getSkill(key)?.name ?? key} could not be read, so it shows "default" only. ${unreadable}`,
    );
  }
  setState((s) => ({ instanceLists: { ...s.instanceLists, [key]: loaded } }));
  return loaded;
}

/** The skill's chosen instance, read from IndexedDB the first time it is needed. */
export async function ensureInstance(key: string): Promise<StoredInstance> {
  const existing = getState().instances[key];
  if (existing) return existing;
  const { active } = await ensureInstanceList(key);
  const { value: loaded, unreadable } = await getServices().readInstance(key, active);
  const current = getState().instances[key];
  if (current) return current;
  if (unreadable) {
    notify(
      `The configuration of ${getSkill(key)?.name ?? key} (instance ${active}) could not be read, so it starts empty. ${unreadable}`,
    );
  }
  // Another instance was chosen while this one was read: the one chosen is read by its caller.
  if (activeInstanceName(key) !== active) return ensureInstance(key);
  setState((s) => ({ instances: { ...s.instances, [key]: loaded } }));
  return loaded;
}

/**
 * What a run of this skill is made with. Only a tool's run may reuse a warm instance: loading,
 * listing tools and checking configuration always get a fresh one.
 */
export async function runOptionsFor(key: string, tool?: Tool): Promise<RunOptions> {
  // A run gets what the form shows: a save still waiting for a pause in typing is made now.
  if (tool) await flushConfig(key);
  const stored = await ensureInstance(key);
  const skill = getSkill(key);
  const config = runConfig(key, stored);
  // Secrets withheld from a changed URL skill are not in its env, its config or get-config.
  const instance = {
    ...stored,
    config: secretsWithheld(skill, stored) ? config.filter((entry) => !entry.secret) : config,
  };
  const options = buildRunOptions({
    skillId: key,
    skillName: skill?.name ?? key,
    instance,
    requested: requestedBy(skill),
    ...(tool ? { tool } : {}),
  });
  return tool
    ? { ...options, warmRevision: getState().warmRevisions[key] ?? 0 }
    : { ...options, keepWarm: false };
}

/**
 * Whether a skill loaded from a URL has changed since its secrets were given to it: then they
 * stay in IndexedDB until the person trusts the new version.
 */
export function secretsWithheld(
  skill: SkillEntry | undefined,
  instance: StoredInstance | undefined,
): boolean {
  return (
    skill?.source.kind === 'url' &&
    instance !== undefined &&
    instance.config.some((entry) => entry.secret) &&
    instance.trustedSha256 !== skill.sourceSha256
  );
}

/** The person's go-ahead for a changed URL skill: its secrets reach this version from now on. */
export async function trustSkillVersion(key: string): Promise<void> {
  const sha = getSkill(key)?.sourceSha256;
  await updateInstance(key, (instance) => {
    const next = { ...instance };
    if (sha) next.trustedSha256 = sha;
    else delete next.trustedSha256;
    return next;
  });
}

/** What a skill asks to touch, from its manifests once its files are read. */
export function requestedBy(skill: SkillEntry | undefined): RequestedCapabilities {
  return skill?.analysis ? requestedCapabilities(skill.analysis) : NOTHING_REQUESTED;
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

/** Marks /workspace as changed outside a run, so a warm instance is made fresh. */
export function bumpWarmRevision(key: string): void {
  setState((s) => ({
    warmRevisions: { ...s.warmRevisions, [key]: (s.warmRevisions[key] ?? 0) + 1 },
  }));
}

/**
 * Another tab saved an instance of this skill: the one this tab has open is read again, and its
 * form says it changed there, so neither tab saves over the other without knowing.
 */
export function followInstanceSaved(key: string, instanceName: string | undefined): void {
  if (!getState().instances[key]) return;
  const name = activeInstanceName(key);
  if (instanceName !== undefined && instanceName !== name) return;
  void getServices()
    .readInstance(key, name)
    .then(({ value }) => {
      if (activeInstanceName(key) !== name) return;
      setState((s) => ({ instances: { ...s.instances, [key]: value } }));
      setConfigCheck(key, {
        state: 'valid',
        message: 'Changed in another tab: this form now shows what was saved there.',
      });
    });
}

/** The configuration a run of the instance gets: what the form shows, with declared defaults. */
function runConfig(key: string, instance: StoredInstance): ConfigEntry[] {
  const skill = getSkill(key);
  return effectiveConfig(instance.config, declaredConfigFor(skill).keys, !skill?.analysis?.capsule);
}

/**
 * Takes the configuration as the form shows it: the page (and so the next run) has it at once;
 * it is saved, and judged by the skill's validate-config, after a pause in typing.
 */
export function editConfig(key: string, config: ConfigEntry[]): void {
  const current = getState().instances[key];
  if (!current) return;
  const next = { ...current, config };
  // An edit binds the secrets to the version they were typed for, unless they are withheld
  // now: editing another value is not trusting a changed skill.
  const skill = getSkill(key);
  if (skill?.sourceSha256 && !secretsWithheld(skill, current)) {
    next.trustedSha256 = skill.sourceSha256;
  }
  setState((s) => ({
    instances: { ...s.instances, [key]: next },
    configChecks: { ...s.configChecks, [key]: { state: 'checking' } },
  }));
  getServices().configSaves.schedule(key, () => {
    const saving = persistConfig(key).finally(() => {
      if (configSaving.get(key) === saving) configSaving.delete(key);
    });
    configSaving.set(key, saving);
  });
}

/** Saves running now, per skill, so a run or a switch of instance can wait for them. */
const configSaving = new Map<string, Promise<void>>();

/** Makes a save waiting for a pause in typing now, and waits for the save under way. */
export async function flushConfig(key: string): Promise<void> {
  getServices().configSaves.flush(key);
  await configSaving.get(key);
}

/** Sets the configuration and saves it at once (Save configuration, and tests). */
export async function saveConfig(key: string, config: ConfigEntry[]): Promise<void> {
  await ensureInstance(key);
  editConfig(key, config);
  await flushConfig(key);
}

/** Saves the instance's configuration, then lets the skill judge it with validate-config. */
async function persistConfig(key: string): Promise<void> {
  const current = getState().instances[key];
  if (!current) return;
  const skill = getSkill(key);
  const instance: StoredInstance = {
    ...current,
    config: current.config.filter((e) => e.key.trim() !== ''),
  };
  try {
    await getServices().saveInstance(key, instance);
    getServices().tellOtherTabs({ kind: 'instance-saved', skillKey: key, instance: instance.name });
  } catch (error) {
    notify(`The configuration could not be saved: ${errorMessage(error)}`);
  }
  if (skill?.analysis?.capsule) {
    // A capsule has no validate-config: astrid_get_config reads what was saved at each call.
    setConfigCheck(key, {
      state: 'valid',
      message: 'Saved; the capsule reads it with astrid_get_config.',
    });
    return;
  }
  const component = skill && skillComponent(skill);
  if (!component) {
    setConfigCheck(key, { state: 'valid', message: 'Saved.' });
    return;
  }
  const options = await runOptionsFor(key);
  const judged = runConfig(key, current).filter(
    (entry) => !entry.secret || !secretsWithheld(skill, current),
  );
  const verdict = await validateConfig(
    hostFor(key),
    component,
    configToValidateJson(judged),
    options,
  );
  // The form changed again while the skill judged it: the next save's verdict is the one to show.
  if (getState().instances[key]?.config !== current.config) return;
  const named = verdict.valid
    ? undefined
    : keyNamedIn(
        verdict.message,
        current.config.map((e) => e.key),
      );
  setConfigCheck(
    key,
    verdict.valid
      ? { state: 'valid', message: 'Saved; the skill accepts this configuration.' }
      : {
          state: 'invalid',
          message: `Saved, but the skill rejects it: ${verdict.message}`,
          ...(named ? { key: named } : {}),
        },
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
export async function updateInstance(
  key: string,
  change: (instance: StoredInstance) => StoredInstance,
): Promise<void> {
  const instance = change(await ensureInstance(key));
  setState((s) => ({ instances: { ...s.instances, [key]: instance } }));
  try {
    await getServices().saveInstance(key, instance);
    getServices().tellOtherTabs({ kind: 'instance-saved', skillKey: key, instance: instance.name });
  } catch (error) {
    notify(`The instance settings could not be saved: ${errorMessage(error)}`);
  }
}
