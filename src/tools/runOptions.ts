import {
  buildSkillEnv,
  DEFAULT_MAX_MEMORY_BYTES,
  DEFAULT_MAX_OUTPUT_BYTES,
  DEFAULT_TIMEOUT_MS,
  type ConfigEntry,
  type Grants,
  type RunRequest,
} from '../runtime';
import type { Tool } from './tool';

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
  /** The person's grants; absent: the runtime's default (own files, no network). */
  grants?: Grants;
}

export interface RunOptionsInput {
  skillId: string;
  skillName: string;
  instance: InstanceSettings;
  /** The tool being run; loading, describing and validating run with no tool. */
  tool?: Tool;
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
    ...(instance.grants ? { grants: instance.grants } : {}),
    keepWarm: instance.keepWarm === true,
  };
}

/** A tool's own manifest limit wins, then the instance's override, then the default. */
export function runLimits(
  instance: InstanceSettings,
  tool?: Tool,
): Pick<RunOptions, 'timeoutMs' | 'maxOutputBytes' | 'maxMemoryBytes'> {
  return {
    timeoutMs: tool?.limits?.timeoutMs ?? instance.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    maxOutputBytes:
      tool?.limits?.maxOutputBytes ?? instance.maxOutputBytes ?? DEFAULT_MAX_OUTPUT_BYTES,
    maxMemoryBytes: instance.maxMemoryBytes ?? DEFAULT_MAX_MEMORY_BYTES,
  };
}
