import { errorMessage } from '../errors';
import { configToValidateJson, validateConfig, type ConfigEntry, type Grants } from '../runtime';
import type { StoredInstance } from '../storage';
import { buildRunOptions, type RunOptions, type Tool } from '../tools';
import { notify } from './notices';
import { usePlayground } from './playgroundStore';
import { getServices, hostFor } from './services';
import { getSkill } from './skills';
import { skillComponent, type SkillEntry } from './skillEntry';
import { NOTHING_REQUESTED, requestedCapabilities, type RequestedCapabilities } from '../bundle';

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
  const stored = await ensureInstance(key);
  const skill = getSkill(key);
  // Secrets withheld from a changed URL skill are not in its env, its config or get-config.
  const instance = secretsWithheld(skill, stored)
    ? { ...stored, config: stored.config.filter((entry) => !entry.secret) }
    : stored;
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
 * Follows the saves of other tabs: an instance this tab has open is read again, and its form
 * says it changed there, so neither tab saves over the other without knowing.
 */
export function followOtherTabs(): () => void {
  return getServices().onInstanceSavedElsewhere((key) => {
    if (!getState().instances[key]) return;
    void getServices()
      .readInstance(key)
      .then(({ value }) => {
        setState((s) => ({ instances: { ...s.instances, [key]: value } }));
        setConfigCheck(key, {
          state: 'valid',
          message: 'Changed in another tab: this form now shows what was saved there.',
        });
      });
  });
}

/** Saves the configuration, then lets the skill judge it with validate-config. */
export async function saveConfig(key: string, config: ConfigEntry[]): Promise<void> {
  const current = await ensureInstance(key);
  const skill = getSkill(key);
  const instance: StoredInstance = {
    ...current,
    config: config.filter((e) => e.key.trim() !== ''),
  };
  // Saving binds the secrets to the version they were typed for, unless they are withheld now:
  // editing another value is not trusting a changed skill.
  if (skill?.sourceSha256 && !secretsWithheld(skill, current)) {
    instance.trustedSha256 = skill.sourceSha256;
  }
  setState((s) => ({
    instances: { ...s.instances, [key]: instance },
    configChecks: { ...s.configChecks, [key]: { state: 'checking' } },
  }));
  try {
    await getServices().saveInstance(key, instance);
    getServices().announceInstanceSaved(key);
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
    getServices().announceInstanceSaved(key);
  } catch (error) {
    notify(`The instance settings could not be saved: ${errorMessage(error)}`);
  }
}
