import { errorMessage } from '../errors';
import { buildAuditRecord, type ExitStatus } from '../runtime';
import type { KvEntries } from '../storage';
import {
  callTool,
  readToolInput,
  redactArguments,
  type Tool,
  type ToolInput,
  type ToolOutcome,
} from '../tools';
import { keepRun } from './history';
import { activeInstanceName, ensureInstance, runOptionsFor } from './instances';
import { OutputBuffer } from './outputBuffer';
import { usePlayground } from './playgroundStore';
import { notify } from './notices';
import { getServices, hostFor } from './services';
import { getSkill } from './skills';
import { getDrafts, setFieldErrors } from './toolForms';
import type { RunState, SkillEntry } from './types';
import type { FileMap } from '../vfs';
import { ensureWorkspace, keepRunWorkspace } from './workspace';

const { getState, setState } = usePlayground;

type ReadySkillEntry = Extract<SkillEntry, { status: 'ready' }>;

/**
 * Validates the form, then runs the tool in the skill's worker. Only ever started by the person:
 * Run, or Enter and Ctrl/Cmd+Enter, which press it.
 */
export async function runTool(key: string, toolName: string): Promise<void> {
  const skill = getSkill(key);
  if (skill?.status !== 'ready' || !skill.loaded) return;
  const tool = skill.tools.find((t) => t.name === toolName);
  // One run at a time per skill: its worker runs one call at a time.
  if (!tool || runningTool(key) !== undefined) return;

  const drafts = getDrafts(key, tool);
  const input = readToolInput(tool, drafts);
  setFieldErrors(key, toolName, input.ok ? {} : input.errors);
  if (!input.ok) return;

  const runId = startRun(key, toolName);
  const startedAt = performance.now();
  const wallStart = Date.now();
  const workspaceBefore = await ensureWorkspace(key);
  const outcome = await callInWorker(key, skill, tool, input, runId, workspaceBefore);
  const durationMs = performance.now() - startedAt;
  const { workspace, kv, ...shown } = outcome;
  patchRun(key, toolName, runId, () => ({ ...shown, durationMs }));
  announce(runId, tool.label ?? tool.name, outcome, durationMs);
  if (workspace) await keepRunWorkspace(key, workspace, workspaceBefore);
  if (kv) await keepCapsuleKv(key, kv);
  const audit = await auditRecord(key, skill, tool, input, outcome, wallStart, durationMs);
  patchRun(key, toolName, runId, () => ({ audit }));
  await keepRun(key, {
    tool,
    drafts,
    input,
    outcome,
    startedAt: wallStart,
    endedAt: Date.now(),
    audit,
  });
}

/** Stops the skill's run under way, whichever of its tools it is. */
export function cancelRun(key: string): void {
  hostFor(key).cancel();
}

/** The tool of this skill whose run is under way, if any. */
export function runningTool(key: string): string | undefined {
  const runs = getState().runs[key] ?? {};
  return Object.keys(runs).find((name) => runs[name]!.status === 'running');
}

function startRun(key: string, toolName: string): number {
  const runId = getState().nextRunId;
  const run: RunState = {
    runId,
    toolName,
    status: 'running',
    output: '',
    stdout: '',
    stderr: '',
    startedAt: performance.now(),
  };
  setState((s) => ({
    nextRunId: s.nextRunId + 1,
    runs: { ...s.runs, [key]: { ...s.runs[key], [toolName]: run } },
  }));
  return runId;
}

/** A sentence for assistive technology: a result politely, a failure at once. */
function announce(runId: number, label: string, outcome: ToolOutcome, durationMs: number) {
  const took =
    durationMs < 1000 ? `${Math.round(durationMs)} ms` : `${(durationMs / 1000).toFixed(1)} s`;
  const text =
    outcome.status === 'ok'
      ? `${label} finished in ${took}.`
      : outcome.status === 'cancelled'
        ? `${label} was cancelled.`
        : outcome.status === 'timeout'
          ? `${label} was stopped at its time limit.`
          : `${label} failed: ${outcome.errorMessage ?? 'see the result'}`;
  setState({
    announcement: { id: runId, tone: outcome.status === 'ok' ? 'polite' : 'assertive', text },
  });
}

/** Calls the tool, streaming its stages and output to the run's state as they come. */
async function callInWorker(
  key: string,
  skill: ReadySkillEntry,
  tool: Tool,
  input: ToolInput,
  runId: number,
  workspace: FileMap,
): Promise<ToolOutcome> {
  const patch = (change: (run: RunState) => Partial<RunState>) =>
    patchRun(key, tool.name, runId, change);
  const output = new OutputBuffer((stream, text) =>
    patch((run) => ({ [stream]: run[stream] + text })),
  );
  const options = await runOptionsFor(key, tool);
  patch(() => ({ timeoutMs: options.timeoutMs }));
  // The files as they were when Run was pressed, edits included, saved to IndexedDB or not.
  const outcome = await callTool(hostFor(key), tool, input, {
    ...options,
    component: skill.loaded!.component,
    files: skill.bundle.files,
    ...(tool.call.kind === 'capsule'
      ? { capsule: { env: skill.analysis.capsule?.env ?? [], kv: await readCapsuleKv(key) } }
      : {}),
    filesystem: { skillId: skill.bundleId, skillFiles: skill.bundle.files, workspace },
    onStage: (stage) =>
      patch(() => ({
        stage,
        ...(stage === 'instantiating' ? { callStartedAt: performance.now() } : {}),
      })),
    onOutput: (stream, text) => output.push(stream, text),
  });
  output.flush();
  return outcome;
}

/** An astrid capsule's key-value store, as its runs find it. */
async function readCapsuleKv(key: string): Promise<KvEntries> {
  const { value, unreadable } = await getServices().readCapsuleKv(key, activeInstanceName(key));
  if (unreadable) {
    notify(
      `The key-value store of ${getSkill(key)?.name ?? key} could not be read, so this run starts with it empty. ${unreadable}`,
    );
  }
  return value;
}

async function keepCapsuleKv(key: string, kv: KvEntries): Promise<void> {
  try {
    await getServices().saveCapsuleKv(key, kv, activeInstanceName(key));
  } catch (error) {
    notify(`The capsule's key-value store could not be saved: ${errorMessage(error)}`);
  }
}

function patchRun(
  key: string,
  toolName: string,
  runId: number,
  patch: (run: RunState) => Partial<RunState>,
): void {
  setState((s) => {
    const run = s.runs[key]?.[toolName];
    if (!run || run.runId !== runId) return {};
    const next = { ...run, ...patch(run) } as RunState;
    return { runs: { ...s.runs, [key]: { ...s.runs[key], [toolName]: next } } };
  });
}

async function auditRecord(
  key: string,
  skill: ReadySkillEntry,
  tool: Tool,
  input: ToolInput,
  outcome: ToolOutcome,
  startedAt: number,
  durationMs: number,
) {
  const instance = await ensureInstance(key);
  return buildAuditRecord({
    skillId: key,
    skillName: skill.name,
    tool: tool.name,
    componentSha256: skill.loaded!.component.id,
    // The hash is of the arguments with secret fields replaced: a short secret could be guessed
    // back from a hash of itself, and audit records are shown and exported.
    input: tool.call.kind === 'wit' ? input.value : redactArguments(tool.schema, input.value),
    output: outcome.output,
    startedAt,
    durationMs,
    exitStatus: exitStatusOf(outcome),
    exitCode: outcome.exitCode,
    configKeys: instance.config.map((entry) => entry.key),
    stdout: outcome.stdout,
    stderr: outcome.stderr,
    loadedFrom: outcome.loadedFrom ?? 'n/a',
    grants: outcome.grants,
    ...(outcome.network ? { network: outcome.network } : {}),
    refused: outcome.refused ?? [],
  });
}

function exitStatusOf(outcome: ToolOutcome): ExitStatus {
  switch (outcome.status) {
    case 'ok':
      return { kind: 'success' };
    case 'timeout':
      return { kind: 'timeout' };
    case 'cancelled':
      return { kind: 'cancelled' };
    default:
      return { kind: 'failed', message: outcome.errorMessage ?? 'failed' };
  }
}
