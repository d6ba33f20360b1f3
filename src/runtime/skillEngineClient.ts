import type { ComponentSource, RunOutcome, RunRequest, RuntimeHost } from './host';
import type { RunError } from './protocol';
import {
  ContractError,
  parseMetadata,
  parseTools,
  parseValidateResult,
  type SkillMetadata,
  type ToolDefinition,
} from './skillEngine';

type RunOptions = Pick<
  RunRequest,
  | 'env'
  | 'config'
  | 'timeoutMs'
  | 'maxOutputBytes'
  | 'maxMemoryBytes'
  | 'filesystem'
  | 'onOutput'
  | 'onStage'
>;

export type DescribeResult =
  | {
      ok: true;
      metadata: SkillMetadata;
      tools: ToolDefinition[];
      transpiled: boolean;
      loadMs: number;
    }
  | { ok: false; error: RunError; status: RunOutcome['status'] };

/** Calls get-metadata and get-tools on one instance and reads them. */
export async function describeSkill(
  host: RuntimeHost,
  component: ComponentSource,
  fallbackName: string,
  options: RunOptions,
): Promise<DescribeResult> {
  const outcome = await host.run({
    ...options,
    component,
    calls: [
      { exportName: 'get-metadata', args: [] },
      { exportName: 'get-tools', args: [] },
    ],
  });
  if (outcome.status !== 'ok') return { ok: false, error: outcome.error, status: outcome.status };
  try {
    const { timings } = outcome;
    return {
      ok: true,
      metadata: parseMetadata(outcome.results[0], fallbackName),
      tools: parseTools(outcome.results[1]),
      transpiled: outcome.transpiled,
      loadMs: timings.transpileMs + timings.compileMs + timings.instantiateMs,
    };
  } catch (error) {
    if (!(error instanceof ContractError)) throw error;
    return {
      ok: false,
      status: 'error',
      error: { code: 'ExecutionFailure', message: error.message },
    };
  }
}

export async function validateConfig(
  host: RuntimeHost,
  component: ComponentSource,
  configJson: string,
  options: RunOptions,
): Promise<{ valid: true } | { valid: false; message: string }> {
  const outcome = await host.run({
    ...options,
    component,
    calls: [{ exportName: 'validate-config', args: [configJson] }],
  });
  if (outcome.status !== 'ok') return { valid: false, message: outcome.error.message };
  return parseValidateResult(outcome.results[0]);
}
