import type { ValidationMode } from '../bundle';
import type { DraftValue, FieldErrors } from '../forms';
import type { AuditRecord, RunStage } from '../runtime';
import type { StoredInstance } from '../storage';
import type { ToolOutcome } from '../tools';
import type { FileChanges, FileMap } from '../vfs';
import type { SkillEntry } from './skillEntry';

export type * from './skillEntry';

export type RunStatus = 'running' | ToolOutcome['status'];

/** A tool's run as the screen shows it: under way, or its outcome. */
export type RunState = {
  runId: number;
  toolName: string;
  startedAt: number;
  stage?: RunStage;
  /** Streamed while the run goes on; the whole text once it ends. */
  stdout: string;
  stderr: string;
  durationMs?: number;
  audit?: AuditRecord;
} & (
  | { status: 'running'; output: '' }
  | (Omit<ToolOutcome, 'stdout' | 'stderr' | 'workspace'> & { status: ToolOutcome['status'] })
);

export interface WorkspaceState {
  files: FileMap;
  lastRun?: FileChanges;
}

export interface Notice {
  id: number;
  tone: 'error' | 'info';
  message: string;
  /** Offered as a "Try again" button, for failures that may pass. */
  retry?: () => void;
  /** Lines behind the message, shown when the person opens them (what an import skipped). */
  details?: string[];
  /** What one drop, pick or fetch found: the next one's notice takes its place. */
  isImport?: boolean;
}

export type ConfigCheck =
  | { state: 'idle' }
  | { state: 'checking' }
  | { state: 'valid'; message: string }
  | { state: 'invalid'; message: string };

/** The list of skills and which one is open. */
export interface SkillsSlice {
  /** How strictly SKILL.md is judged: the spec alone, or the spec with known extensions. */
  validationMode: ValidationMode;
  skills: SkillEntry[];
  examplesLoaded: boolean;
  selectedKey: string | null;
}

/** Messages to the person, newest last. */
export interface NoticesSlice {
  notices: Notice[];
  nextNoticeId: number;
}

/** The tool chosen per skill, what its form holds, and its runs. */
export interface RunsSlice {
  selectedTool: Record<string, string>;
  /** Form contents per `skillKey/toolName`, kept while the page lives. */
  drafts: Record<string, Record<string, DraftValue>>;
  fieldErrors: Record<string, FieldErrors>;
  runs: Record<string, RunState>;
  nextRunId: number;
}

/** Each skill's instance: configuration, limits and /workspace. */
export interface InstancesSlice {
  instances: Record<string, StoredInstance>;
  configChecks: Record<string, ConfigCheck>;
  /** Each instance's /workspace files, and what its last run changed. */
  workspaces: Record<string, WorkspaceState>;
  /** Bumped when /workspace changes outside a run, so a warm instance does not keep stale files. */
  warmRevisions: Record<string, number>;
}

/** What the browser keeps for the playground. */
export interface StorageSlice {
  /** The transpile cache's size, once read. */
  cacheStats?: { entries: number; bytes: number };
  /** What this origin stores in the browser, when the browser says. */
  storage?: { usage: number; quota: number };
}

export type PlaygroundState = SkillsSlice &
  NoticesSlice &
  RunsSlice &
  InstancesSlice &
  StorageSlice;
