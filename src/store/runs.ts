import { errorMessage } from '../errors';
import { buildAuditRecord, type ExitStatus } from '../runtime';
import type { KvEntries } from '../storage';
import { callTool, readToolInput, type Tool, type ToolInput, type ToolOutcome } from '../tools';
import { ensureInstance, runOptionsFor } from './instances';
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

/** Validates the form, then runs the tool in the skill's worker. Only ever started by a click. */
export async function runTool(key: string, toolName: string): Promise<void> {
  const skill = getSkill(key);
  if (skill?.status !== 'ready' || !skill.loaded) return;
  const tool = skill.tools.find((t) => t.name === toolName);
  if (!tool || getState().runs[key]?.status === 'running') return;

  const input = readToolInput(tool, getDrafts(key, tool));
  setFieldErrors(key, toolName, input.ok ? {} : input.errors);
  if (!input.ok) return;

  const runId = startRun(key, toolName);
  const startedAt = performance.now();
  const wallStart = Date.now();
  const workspaceBefore = await ensureWorkspace(key);
  const outcome = await callInWorker(key, skill, tool, input, runId, workspaceBefore);
  const durationMs = performance.now() - startedAt;
  const { workspace, kv, ...shown } = outcome;
  patchRun(key, runId, () => ({ ...shown, durationMs }));
  if (workspace) await keepRunWorkspace(key, workspace, workspaceBefore);
  if (kv) await keepCapsuleKv(key, kv);
  const audit = await auditRecord(key, skill, tool, input, outcome, wallStart, durationMs);
  patchRun(key, runId, () => ({ audit }));
}

export function cancelRun(key: string): void {
  hostFor(key).cancel();
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
  setState((s) => ({ nextRunId: s.nextRunId + 1, runs: { ...s.runs, [key]: run } }));
  return runId;
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
  const output = new OutputBuffer((stream, text) =>
    patchRun(key, runId, (run) => ({ [stream]: run[stream] + text })),
  );
  const options = await runOptionsFor(key, tool);
  const outcome = await callTool(hostFor(key), tool, input, {
    ...options,
    component: skill.loaded!.component,
    files: skill.bundle.files,
    ...(tool.call.kind === 'capsule'
      ? { capsule: { env: skill.analysis.capsule?.env ?? [], kv: await readCapsuleKv(key) } }
      : {}),
    filesystem: { skillId: skill.bundleId, skillFiles: skill.bundle.files, workspace },
    onStage: (stage) => patchRun(key, runId, () => ({ stage })),
    onOutput: (stream, text) => output.push(stream, text),
  });
  output.flush();
  return outcome;
}

/** An astrid capsule's key-value store, as its runs find it. */
async function readCapsuleKv(key: string): Promise<KvEntries> {
  const { value, unreadable } = await getServices().readCapsuleKv(key);
  if (unreadable) {
    notify(
      `The key-value store of ${getSkill(key)?.name ?? key} could not be read, so this run starts with it empty. ${unreadable}`,
    );
  }
  return value;
}

async function keepCapsuleKv(key: string, kv: KvEntries): Promise<void> {
  try {
    await getServices().saveCapsuleKv(key, kv);
  } catch (error) {
    notify(`The capsule's key-value store could not be saved: ${errorMessage(error)}`);
  }
}

function patchRun(key: string, runId: number, patch: (run: RunState) => Partial<RunState>): void {
  setState((s) => {
    const run = s.runs[key];
    if (!run || run.runId !== runId) return {};
    return { runs: { ...s.runs, [key]: { ...run, ...patch(run) } as RunState } };
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
    input: input.value,
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
