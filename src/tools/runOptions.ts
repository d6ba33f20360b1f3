import { NOTHING_REQUESTED, type RequestedCapabilities } from '../bundle';
import {
  buildSkillEnv,
  DEFAULT_MAX_MEMORY_BYTES,
  DEFAULT_MAX_OUTPUT_BYTES,
  DEFAULT_TIMEOUT_MS,
  type ConfigEntry,
  type Grants,
  type RunRequest,
} from '../runtime';
import { effectiveGrants } from './grants';
import { LIMIT_CEILINGS, type Tool } from './tool';

/** Everything a run is made with but the component and the calls. */
export type RunOptions = Omit<RunRequest, 'component' | 'calls' | 'stdin'>;

/** The part of an instance a run reads: its configuration and its limit overrides. */
export interface InstanceSettings {
  name: string;
  config: ConfigEntry[];
  timeoutMs?: number;
  maxOutputBytes?: number;
  maxMemoryBytes?: number;
  keepWarm?: boolean;
  /** The person's grants; absent: the default from what the skill asks. */
  grants?: Grants;
}

export interface RunOptionsInput {
  skillId: string;
  skillName: string;
  instance: InstanceSettings;
  /** The tool being run; loading, describing and validating run with no tool. */
  tool?: Tool;
  /** What the skill asks to touch, for the default grants. */
  requested?: RequestedCapabilities;
}

/**
 * The one place a run's environment and limits are decided: loading a component, listing its
 * tools, checking its configuration and running a tool all start here.
 */
export function buildRunOptions({
  skillId,
  skillName,
  instance,
  tool,
  requested = NOTHING_REQUESTED,
}: RunOptionsInput): RunOptions {
  const limits = runLimits(instance, tool);
  return {
    env: buildSkillEnv(
      instance.config,
      { skillId, skillName, instanceId: instance.name },
      limits.timeoutMs,
    ),
    config: instance.config.map((entry) => [entry.key, entry.value]),
    ...limits,
    grants: effectiveGrants(requested, instance.grants),
    keepWarm: instance.keepWarm === true,
  };
}

/**
 * The person's setting for the instance wins; a skill may ask for a limit in its manifest, which
 * applies only where the person set none; then the default. Nothing passes the ceilings. Memory
 * is the exception: a capsule's limit is astrid's, and the person's can only lower it.
 */
export function runLimits(
  instance: InstanceSettings,
  tool?: Tool,
): Pick<RunOptions, 'timeoutMs' | 'maxOutputBytes' | 'maxMemoryBytes'> {
  const asked = tool?.limits ?? {};
  return {
    timeoutMs: Math.min(
      instance.timeoutMs ?? asked.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      LIMIT_CEILINGS.timeoutMs,
    ),
    maxOutputBytes: Math.min(
      instance.maxOutputBytes ?? asked.maxOutputBytes ?? DEFAULT_MAX_OUTPUT_BYTES,
      LIMIT_CEILINGS.maxOutputBytes,
    ),
    // A capsule's own memory limit holds unless the person set a lower one.
    maxMemoryBytes:
      asked.maxMemoryBytes === undefined
        ? (instance.maxMemoryBytes ?? DEFAULT_MAX_MEMORY_BYTES)
        : Math.min(asked.maxMemoryBytes, instance.maxMemoryBytes ?? asked.maxMemoryBytes),
  };
}
