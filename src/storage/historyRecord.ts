import type { AuditRecord } from '../runtime';
import { isFiniteNumber, isOptional, isStoredObject, isString } from './guards';
import type { RecordFormat } from './readRecord';

export type HistoryStatus = 'ok' | 'error' | 'timeout' | 'cancelled';

/**
 * One run as the history keeps it. Arguments of secret fields and configuration values are never
 * in it: the store redacts them before it is written (store/historyRuns).
 */
export interface HistoryRun {
  version: 1;
  id: string;
  skillKey: string;
  /** The instance it ran in: its configuration is the instance's, so it is named, not copied. */
  instance: string;
  tool: string;
  /** The input as the tool got it, secret fields replaced by a marker. */
  arguments: Record<string, unknown>;
  /** The form as it was (secret fields left out), kept as it is to fill the form on Re-run. */
  drafts?: Record<string, unknown>;
  status: HistoryStatus;
  output: string;
  outputFormat?: 'wave';
  stdout: string;
  stderr: string;
  errorCode?: string;
  errorMessage?: string;
  exitCode?: number;
  /** The run's audit record (runtime/audit): hashes, grants, configuration keys by name. */
  audit?: AuditRecord;
  /** Wall-clock milliseconds. */
  startedAt: number;
  endedAt: number;
  pinned: boolean;
}

/** What the history list shows of a run, stored apart so listing never reads outputs. */
export interface RunSummary {
  version: 1;
  id: string;
  skillKey: string;
  instance: string;
  tool: string;
  status: HistoryStatus;
  startedAt: number;
  endedAt: number;
  pinned: boolean;
  /** The record's size as JSON text, which the size bound counts. */
  bytes: number;
}

const STATUSES: readonly string[] = ['ok', 'error', 'timeout', 'cancelled'];
const isStatus = (value: unknown): value is HistoryStatus =>
  isString(value) && STATUSES.includes(value);

export function isHistoryRun(value: unknown): value is HistoryRun {
  return (
    isStoredObject(value) &&
    value.version === 1 &&
    isString(value.id) &&
    value.id !== '' &&
    isString(value.skillKey) &&
    isString(value.instance) &&
    isString(value.tool) &&
    isStoredObject(value.arguments) &&
    isOptional(isStoredObject)(value.drafts) &&
    isStatus(value.status) &&
    isString(value.output) &&
    (value.outputFormat === undefined || value.outputFormat === 'wave') &&
    isString(value.stdout) &&
    isString(value.stderr) &&
    isOptional(isString)(value.errorCode) &&
    isOptional(isString)(value.errorMessage) &&
    isOptional(isFiniteNumber)(value.exitCode) &&
    isOptional(isStoredObject)(value.audit) &&
    isFiniteNumber(value.startedAt) &&
    isFiniteNumber(value.endedAt) &&
    typeof value.pinned === 'boolean'
  );
}

const isRunSummary = (value: unknown): value is RunSummary =>
  isStoredObject(value) &&
  value.version === 1 &&
  isString(value.id) &&
  isString(value.skillKey) &&
  isString(value.instance) &&
  isString(value.tool) &&
  isStatus(value.status) &&
  isFiniteNumber(value.startedAt) &&
  isFiniteNumber(value.endedAt) &&
  typeof value.pinned === 'boolean' &&
  isFiniteNumber(value.bytes);

// Both have had version 1 since the history was made: nothing to migrate yet.
export const historyRunFormat: RecordFormat<HistoryRun> = { version: 1, guard: isHistoryRun };
export const runSummaryFormat: RecordFormat<RunSummary> = { version: 1, guard: isRunSummary };

export function summaryOf(run: HistoryRun): RunSummary {
  return {
    version: 1,
    id: run.id,
    skillKey: run.skillKey,
    instance: run.instance,
    tool: run.tool,
    status: run.status,
    startedAt: run.startedAt,
    endedAt: run.endedAt,
    pinned: run.pinned,
    bytes: JSON.stringify(run).length,
  };
}

/** Newest first; runs started in the same millisecond by id, which starts with the time. */
export const newestFirst = (a: RunSummary, b: RunSummary) =>
  b.startedAt - a.startedAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

/** An id that sorts by time and never meets another tab's: the start in base 36, then a UUID. */
export const newRunId = (startedAt: number) =>
  `${startedAt.toString(36).padStart(9, '0')}-${crypto.randomUUID()}`;
