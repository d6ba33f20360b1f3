import { errorMessage } from '../errors';
import type { AuditRecord } from '../runtime';
import {
  DEFAULT_HISTORY_BOUNDS,
  HistoryError,
  MAX_RUNS_CEILING,
  newRunId,
  type HistoryRun,
  type PruneReport,
} from '../storage';
import {
  redactArguments,
  scrubSecrets,
  secretFields,
  withoutSecretDrafts,
  type Tool,
  type ToolInput,
  type ToolOutcome,
} from '../tools';
import { activeInstanceName } from './instances';
import { ensureInstance } from './instances';
import { draftKey, usePlayground } from './playgroundStore';
import { getServices } from './services';
import type { SkillHistory } from './types';

const { getState, setState } = usePlayground;

const EMPTY: SkillHistory = { runs: [], loaded: false, unreadable: 0 };

export const historyOf = (key: string): SkillHistory => getState().history[key] ?? EMPTY;

export function patchHistory(key: string, patch: Partial<SkillHistory>): void {
  setState((s) => ({
    history: { ...s.history, [key]: { ...(s.history[key] ?? EMPTY), ...patch } },
  }));
}

const bounds = () => ({ ...DEFAULT_HISTORY_BOUNDS, maxRuns: getState().historyMaxRuns });

/** Reads a skill's kept runs again: after a run, an import, or when History is shown. */
export async function loadHistory(key: string): Promise<void> {
  try {
    const { runs, unreadable } = await getServices().history.list(key);
    patchHistory(key, { runs, unreadable, loaded: true });
  } catch (error) {
    patchHistory(key, {
      loaded: true,
      notice: { tone: 'error', text: `The history could not be read: ${errorMessage(error)}` },
    });
  }
}

/** After this tab changed the kept runs: they are read again, and other tabs are told. */
export async function historyChanged(key: string): Promise<void> {
  getServices().tellOtherTabs({ kind: 'runs-changed', skillKey: key });
  await loadHistory(key);
}

/** Another tab changed the skill's kept runs: read them again if this tab has them shown. */
export function followRuns(key: string): void {
  if (getState().history[key]?.loaded) void loadHistory(key);
}

/** What a finished run hands to the history. */
export interface FinishedRun {
  tool: Tool;
  /** The form as it was when Run was pressed. */
  drafts: Record<string, unknown>;
  input: ToolInput;
  outcome: ToolOutcome;
  startedAt: number;
  endedAt: number;
  audit: AuditRecord;
}

/**
 * Keeps a finished run. Secret arguments are replaced by a marker, the form's secret fields are
 * left out, and every secret value (arguments, the instance's secret configuration) is scrubbed
 * from what the run printed, so no secret leaves the instance record for the history.
 */
export async function keepRun(key: string, run: FinishedRun): Promise<void> {
  const { tool, outcome } = run;
  const secrets: unknown[] = [];
  const args = redactArguments(tool.schema, run.input.value, secrets) as Record<string, unknown>;
  const instance = await ensureInstance(key);
  for (const entry of instance.config) if (entry.secret) secrets.push(entry.value);
  const record = scrubSecrets<HistoryRun>(
    {
      version: 1,
      id: newRunId(run.startedAt),
      skillKey: key,
      instance: activeInstanceName(key),
      tool: tool.name,
      arguments: args,
      drafts: withoutSecretDrafts(tool, run.drafts),
      status: outcome.status,
      output: outcome.output,
      ...(outcome.outputFormat ? { outputFormat: outcome.outputFormat } : {}),
      stdout: outcome.stdout,
      stderr: outcome.stderr,
      ...(outcome.errorCode ? { errorCode: outcome.errorCode } : {}),
      ...(outcome.errorMessage ? { errorMessage: outcome.errorMessage } : {}),
      ...(outcome.exitCode === undefined ? {} : { exitCode: outcome.exitCode }),
      audit: run.audit,
      startedAt: run.startedAt,
      endedAt: run.endedAt,
      pinned: false,
    },
    secrets,
  );
  try {
    const report = await getServices().history.add(record, bounds());
    patchHistory(key, { notice: pruneNotice(report) });
  } catch (error) {
    patchHistory(key, { notice: { tone: 'error', text: failureText(error) } });
  }
  await historyChanged(key);
}

export function failureText(error: unknown): string {
  return error instanceof HistoryError
    ? error.message
    : `The history could not be written: ${errorMessage(error)}`;
}

/** A sentence when the bound removed runs, or pinned runs alone pass it. */
export function pruneNotice(report: PruneReport): SkillHistory['notice'] {
  const limit = getState().historyMaxRuns;
  if (report.pruned > 0) {
    const n = report.pruned;
    return {
      tone: 'info',
      text: `The history keeps ${limit} runs of a skill: the oldest ${n === 1 ? 'unpinned run was' : `${n} unpinned runs were`} removed. Pin a run to keep it.`,
    };
  }
  if (report.pinnedOverBound) {
    return {
      tone: 'info',
      text: `Pinned runs alone are more than the history keeps (${limit}); they are all kept. Unpin some to let them go.`,
    };
  }
  return undefined;
}

export async function pinRun(key: string, id: string, pinned: boolean): Promise<void> {
  await getServices().history.setPinned(key, id, pinned);
  const open = historyOf(key).open;
  if (open?.id === id) patchHistory(key, { open: { ...open, pinned } });
  await historyChanged(key);
}

export async function deleteRuns(key: string, ids: string[]): Promise<void> {
  await getServices().history.remove(key, ids);
  const { open, compare } = historyOf(key);
  patchHistory(key, {
    ...(open && ids.includes(open.id) ? { open: undefined } : {}),
    ...(compare?.some((run) => ids.includes(run.id)) ? { compare: undefined } : {}),
  });
  await historyChanged(key);
}

/** Opens a past run to read it in full; a record that cannot be read says why. */
export async function openPastRun(key: string, id: string | undefined): Promise<void> {
  if (id === undefined) return patchHistory(key, { open: undefined });
  const { value, unreadable } = await getServices().history.get(key, id);
  patchHistory(
    key,
    value
      ? { open: value, compare: undefined }
      : { notice: { tone: 'error', text: unreadable ?? 'That run is no longer kept.' } },
  );
}

/** Shows two runs side by side, the older first; `undefined` closes the comparison. */
export async function compareRuns(key: string, ids: [string, string] | undefined): Promise<void> {
  if (!ids) return patchHistory(key, { compare: undefined });
  const runs = await getServices().history.getMany(key, ids);
  if (runs.length !== 2) {
    return patchHistory(key, {
      notice: { tone: 'error', text: 'One of the two runs is no longer kept.' },
    });
  }
  const [a, b] = runs.sort((x, y) => x.startedAt - y.startedAt) as [HistoryRun, HistoryRun];
  patchHistory(key, { compare: [a, b], open: undefined });
}

/**
 * Fills the run's tool form with its arguments and shows that tool; nothing runs until Run is
 * pressed. Secret fields keep what the form holds now: the history never had them.
 */
export function fillFormFromRun(key: string, run: HistoryRun, tool: Tool): void {
  const id = draftKey(key, tool.name);
  const current = getState().drafts[id] ?? {};
  const kept = run.drafts ?? draftsFromArguments(run.arguments);
  const secret = new Set(secretFields(tool));
  const secretNow = Object.fromEntries(
    Object.entries(current).filter(([name]) => secret.has(name)),
  );
  setState((s) => ({
    drafts: { ...s.drafts, [id]: { ...(s.drafts[id] ?? {}), ...kept, ...secretNow } as never },
    fieldErrors: { ...s.fieldErrors, [id]: {} },
    selectedTool: { ...s.selectedTool, [key]: tool.name },
    resultTabs: { ...s.resultTabs, [key]: 'result' },
  }));
}

/** A run kept without its form (written by hand): each argument as a form holds one, as text. */
function draftsFromArguments(args: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(args).map(([name, value]) => [
      name,
      typeof value === 'string' || typeof value === 'boolean'
        ? value
        : JSON.stringify(value, null, 2),
    ]),
  );
}

/** How many runs each skill keeps, the same in every tab; lowering it prunes at once. */
export async function setHistoryMaxRuns(key: string | null, maxRuns: number): Promise<void> {
  const value = Math.min(Math.max(1, Math.round(maxRuns)), MAX_RUNS_CEILING);
  setState({ historyMaxRuns: value });
  await getServices().history.saveMaxRuns(value);
  if (key) {
    patchHistory(key, { notice: pruneNotice(await getServices().history.prune(key, bounds())) });
    await historyChanged(key);
  }
}

export async function loadHistorySettings(): Promise<void> {
  const maxRuns = await getServices()
    .history.readMaxRuns()
    .catch(() => undefined);
  if (maxRuns !== undefined) setState({ historyMaxRuns: maxRuns });
}
