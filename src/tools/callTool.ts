import {
  commandStdin,
  componentId,
  DEFAULT_GRANTS,
  parseToolResult,
  readCommandOutput,
  type ComponentSource,
  type ErrorCode,
  type ExportCall,
  type Grants,
  type LoadSource,
  type NetworkSummary,
  type PluginSetup,
  type RefusedHostCall,
  type RunOutcome,
  type RunTimings,
  type RuntimeHost,
} from '../runtime';
import type { FileMap } from '../vfs';
import type { CapsuleEnv } from '../bundle';
import { formatWave, witTypeText } from '../wit';
import { capsuleConfig, readCapsuleOutput, TOOL_CALL_EXPORT, toolCallInput } from './capsuleTools';
import type { RunOptions } from './runOptions';
import { toSkillEngineArgs } from './skillEngineArgs';
import type { Tool, ToolCall } from './tool';
import { toolModel, type ToolInput } from './toolInput';

/** What came of calling a tool: the one shape the worker's outcome is read into for the screen. */
export interface ToolOutcome {
  status: 'ok' | 'error' | 'timeout' | 'cancelled';
  /** JSON text when the result is JSON, WAVE for a WIT function's value, else text. */
  output: string;
  /** `wave`: a WIT function's result, printed in WAVE and shown as printed. */
  outputFormat?: 'wave';
  formatNote?: string;
  /** `ToolFailed`: the tool ran and said it failed. */
  errorCode?: ErrorCode | 'ToolFailed';
  errorMessage?: string;
  /** Commands: the status they exited with, and for line-text the number of lines. */
  exitCode?: number;
  lineCount?: number;
  stdout: string;
  stderr: string;
  timings?: RunTimings;
  /** A run stopped at its timeout or cancelled while calling: how long it had run by then. */
  stoppedAfterMs?: number;
  loadedFrom?: LoadSource;
  /** The instance's linear memory when the run ended. */
  memoryBytes?: number;
  /** /workspace as the run left it, when the worker sent it back. */
  workspace?: FileMap;
  /** Outgoing HTTP of the run: requests made, hosts refused for want of a grant. */
  network?: NetworkSummary;
  /** What the run was allowed to touch (its preopens and hosts), for its audit record. */
  grants: Grants;
  /** An astrid capsule's output as the plugin set it, when `output` shows it decoded. */
  rawOutput?: string;
  /** A capsule's key-value store after the run, when the run changed it. */
  kv?: Array<[string, Uint8Array]>;
  /** A capsule's host functions that refused during the run. */
  refused?: RefusedHostCall[];
}

export interface CallToolOptions extends RunOptions {
  /** The skill's entry component. */
  component: ComponentSource;
  /** The skill's files: a command tool may name its own wasm among them. */
  files: FileMap;
  /** An astrid capsule's [env] declarations and the instance's key-value store. */
  capsule?: { env: readonly CapsuleEnv[]; kv: PluginSetup['kv'] };
}

/**
 * Calls one tool in its skill's worker and reads what came back, whatever kind of tool it is:
 * a skill-engine `execute-tool`, a command's `wasi:cli/run`, or a component's own function.
 * Never throws: a failure is an outcome with a sentence.
 */
export async function callTool(
  host: RuntimeHost,
  tool: Tool,
  input: ToolInput,
  options: CallToolOptions,
): Promise<ToolOutcome> {
  const streams = { stdout: '', stderr: '' };
  const { component, files, capsule, ...runOptions } = options;
  const grants = runOptions.grants ?? DEFAULT_GRANTS;
  try {
    const plan = await planCall(tool, input, component, files, {
      config: runOptions.config ?? [],
      capsule,
    });
    const outcome = await host.run({
      ...runOptions,
      ...plan.request,
      // A plugin reads only /workspace, through astrid's file functions: the bundle stays here.
      ...(plan.request.plugin && runOptions.filesystem
        ? { filesystem: { ...runOptions.filesystem, skillFiles: new Map() } }
        : {}),
      grants,
      env: [...runOptions.env, ...(plan.request.env ?? [])],
      onOutput: (stream, text) => {
        streams[stream] += text;
        options.onOutput?.(stream, text);
      },
    });
    return { ...readOutcome(outcome, plan.read, streams.stdout), ...streams, grants };
  } catch (error) {
    return {
      status: 'error',
      output: '',
      errorCode: 'ExecutionFailure',
      errorMessage: error instanceof Error ? error.message : String(error),
      ...streams,
      grants,
    };
  }
}

type Reader = (
  results: unknown[],
  stdout: string,
  exitCode: number,
) => Omit<ToolOutcome, 'status' | 'stdout' | 'stderr' | 'grants'> & { failed?: boolean };

interface CallPlan {
  request: {
    component: ComponentSource;
    calls: ExportCall[];
    stdin?: Uint8Array;
    env?: Array<[string, string]>;
    plugin?: PluginSetup;
  };
  read: Reader;
}

interface PlanContext {
  config: Array<[string, string]>;
  capsule?: CallToolOptions['capsule'];
}

/** How each kind of tool is called, and how its results are read. */
async function planCall(
  tool: Tool,
  input: ToolInput,
  component: ComponentSource,
  files: FileMap,
  context: PlanContext,
): Promise<CallPlan> {
  const call: ToolCall = tool.call;
  switch (call.kind) {
    case 'skill-engine': {
      const args = toSkillEngineArgs(toolModel(tool).fields, input.value);
      return {
        request: {
          component,
          calls: [{ exportName: 'execute-tool', args: [tool.name, JSON.stringify(args)] }],
        },
        read: ([raw]) => {
          const result = parseToolResult(raw);
          return {
            output: result.output,
            formatNote: result.formatNote,
            ...(result.success
              ? {}
              : {
                  failed: true,
                  errorCode: 'ToolFailed',
                  errorMessage: result.errorMessage ?? undefined,
                }),
          };
        },
      };
    }
    case 'wit': {
      const { exportName, func } = call;
      return {
        request: {
          component,
          calls: [
            { exportName, args: input.args ?? [], returnsResult: func.result?.kind === 'result' },
          ],
        },
        read: ([value]) => ({
          output: func.result ? formatWave(func.result, value) : '',
          outputFormat: 'wave',
          formatNote: func.result
            ? `Returned ${witTypeText(func.result)}, shown in WAVE (the WebAssembly Value Encoding).`
            : 'The function returns nothing.',
        }),
      };
    }
    case 'command': {
      const stdinValue = call.stdinField ? (input.value[call.stdinField] ?? {}) : input.value;
      return {
        request: {
          component: call.entry
            ? await entryComponent(files, call.entry, component.name)
            : component,
          env: [['SKILL_INPUT', JSON.stringify(stdinValue)]],
          stdin: new TextEncoder().encode(commandStdin(call.protocol, stdinValue)),
          calls: [{ exportName: 'wasi:cli/run#run', args: [] }],
        },
        read: (_results, stdout, exitCode) => {
          const read = readCommandOutput(call.protocol, stdout, exitCode);
          return {
            output: read.output,
            exitCode,
            lineCount: read.lineCount,
            ...(read.success
              ? {}
              : {
                  failed: true,
                  errorCode: 'ExecutionFailure',
                  errorMessage: read.errorMessage ?? undefined,
                }),
          };
        },
      };
    }
    case 'capsule': {
      const { config, capsule } = context;
      return {
        request: {
          component: await entryComponent(files, call.entry, component.name),
          calls: [
            { exportName: TOOL_CALL_EXPORT, args: [toolCallInput(call.toolName, input.value)] },
          ],
          plugin: { config: capsuleConfig(capsule?.env ?? [], config), kv: capsule?.kv ?? [] },
        },
        read: ([bytes]) => {
          const read = readCapsuleOutput(bytes instanceof Uint8Array ? bytes : null);
          return {
            output: read.output,
            formatNote: read.formatNote,
            ...(read.raw === undefined ? {} : { rawOutput: read.raw }),
          };
        },
      };
    }
  }
}

function readOutcome(
  outcome: RunOutcome,
  read: Reader,
  stdout: string,
): Omit<ToolOutcome, 'stdout' | 'stderr' | 'grants'> {
  if (outcome.status !== 'ok') {
    return {
      status: outcome.status,
      output: '',
      errorCode: outcome.error.code,
      errorMessage: outcome.error.message,
      timings: outcome.timings,
      ...(outcome.stoppedAfterMs === undefined ? {} : { stoppedAfterMs: outcome.stoppedAfterMs }),
      workspace: outcome.workspace,
      network: outcome.network,
      ...pluginParts(outcome),
    };
  }
  const { failed, ...shown } = read(outcome.results, stdout, outcome.exitCode ?? 0);
  const denied = outcome.network?.denied ?? [];
  return {
    status: failed ? 'error' : 'ok',
    ...shown,
    // A tool that says it failed (or a command that exits non-zero) after a request was refused
    // failed for want of a grant, as a run that traps then does (worker/executeRun).
    ...(failed && denied.length > 0
      ? {
          errorCode: 'PermissionDenied' as const,
          errorMessage: `The component was refused network access to ${denied.join(', ')}, which the instance's allowed hosts do not include, and then failed (${shown.errorMessage ?? 'no message'}).`,
        }
      : {}),
    timings: outcome.timings,
    loadedFrom: outcome.loadedFrom,
    memoryBytes: outcome.memoryBytes,
    workspace: outcome.workspace,
    network: outcome.network,
    ...pluginParts(outcome),
  };
}

function pluginParts(outcome: RunOutcome): Pick<ToolOutcome, 'kv' | 'refused'> {
  return {
    ...(outcome.kv ? { kv: outcome.kv } : {}),
    ...(outcome.refused ? { refused: outcome.refused } : {}),
  };
}

/** A command tool that names its own wasm among the skill's files. */
export async function entryComponent(
  files: FileMap,
  path: string,
  name: string,
): Promise<ComponentSource> {
  const bytes = files.get(path);
  if (!bytes) throw new Error(`${path} is not a file of this skill.`);
  return { id: await componentId(bytes), name, bytes };
}
