import type { DiscoveryIndex, ValidationMode } from '../bundle';
import type { DraftValue, FieldErrors } from '../forms';
import type { AuditRecord, RunStage } from '../runtime';
import type { StoredInstance } from '../storage';
import type { ToolOutcome } from '../tools';
import type { ShareLink } from '../share';
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
  | (Omit<ToolOutcome, 'stdout' | 'stderr' | 'workspace' | 'kv'> & {
      status: ToolOutcome['status'];
    })
);

export interface WorkspaceState {
  files: FileMap;
  lastRun?: FileChanges;
}

export interface Notice {
  id: number;
  tone: 'error' | 'info';
  message: string;
  /** A button the notice offers (store/noticeActions.ts does what it says). */
  action?: NoticeAction;
  /** Lines behind the message, shown when the person opens them (what an import skipped). */
  details?: string[];
  /** What one drop, pick or fetch found: the next one's notice takes its place. */
  isImport?: boolean;
}

/** What a notice's button says, and what pressing it does. */
export type NoticeAction =
  /** A failure that may pass: load the URL again. */
  | { kind: 'retryLoad'; label: string; url: string }
  /** A share link whose skill could not be fetched: open the link again. */
  | { kind: 'retryLink'; label: string; hash: string }
  /** A load under way: stop it. */
  | { kind: 'cancelLoad'; label: string; load: AbortController };

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
  /** A site's Agent Skills index, its skills offered to pick from, until opened or dismissed. */
  offeredIndex: DiscoveryIndex | null;
}

/** Messages to the person, newest last. */
export interface NoticesSlice {
  notices: Notice[];
  nextNoticeId: number;
}

/** An instructions-only skill's "Render the instructions" form: what was typed, what came out. */
export interface InstructionsDraft {
  values: Record<string, string>;
  /** Required arguments left empty at the last Render. */
  missing: string[];
  rendered: string | null;
}

/** The tool chosen per skill, what its form holds, and its runs. */
export interface RunsSlice {
  selectedTool: Record<string, string>;
  /** Form contents per `skillKey/toolName`, kept while the page lives. */
  drafts: Record<string, Record<string, DraftValue>>;
  fieldErrors: Record<string, FieldErrors>;
  runs: Record<string, RunState>;
  nextRunId: number;
  /** Per skill key, so one skill's rendered text never shows under another. */
  instructions: Record<string, InstructionsDraft>;
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

/** Which file each skill's Files panel shows, per skill key. */
export interface FilesSlice {
  /** `request` grows each time a link asks for a file, so the panel opens and scrolls to it. */
  openFiles: Record<string, { path: string; request: number }>;
}

/** A share link opened and waiting for the person's click. */
export interface ShareSlice {
  sharedLink: SharedLink | null;
}

/** A link that was opened: its skill is listed, and nothing of it has run. */
export interface SharedLink {
  /** The skill it opened. */
  key: string;
  link: ShareLink;
  /** A URL skill whose files differ from those the link was made from: both SHA-256s. */
  changed?: { linkSha256: string; nowSha256: string };
}

export type PlaygroundState = SkillsSlice &
  ShareSlice &
  FilesSlice &
  NoticesSlice &
  RunsSlice &
  InstancesSlice &
  StorageSlice;
