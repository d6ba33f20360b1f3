import type { DiscoveryIndex, ValidationMode } from '../bundle';
import type { DraftValue, FieldErrors } from '../forms';
import type { AuditRecord, RunStage } from '../runtime';
import type {
  HistoryRun,
  PaneName,
  RunSummary,
  StoredInstance,
  StoredInstanceList,
  WorkbenchPrefs,
} from '../storage';
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
  /** The run's time limit, once its options are read: the page shows the time against it. */
  timeoutMs?: number;
  /** When the call began (the limit runs from there; loading has its own). */
  callStartedAt?: number;
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
  /** `key`: the configuration key the skill's message names, when it names one. */
  | { state: 'invalid'; message: string; key?: string };

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
  /** Each tool's last run, per skill then per tool: a tool never shows another tool's result. */
  runs: Record<string, Record<string, RunState>>;
  nextRunId: number;
  /** What assistive technology is told when a run ends; the id tells a new one from the last. */
  announcement?: Announcement;
  /** Per skill key, so one skill's rendered text never shows under another. */
  instructions: Record<string, InstructionsDraft>;
}

export interface Announcement {
  id: number;
  /** Polite for a result, assertive for a failure. */
  tone: 'polite' | 'assertive';
  text: string;
}

/** The Files pane of a skill: the file shown, how, and where its cursor goes. */
export interface OpenFile {
  path: string;
  /** A Markdown file rendered, or the file in the editor. */
  mode: 'preview' | 'edit';
  line?: number;
  column?: number;
  /** Bumped on every request, so asking for the same line again moves the cursor again. */
  request: number;
}

export type PhoneTab = 'skill' | 'files' | 'run';

/** A removed skill, kept for a few seconds so the removal can be undone. */
export interface PendingRemoval {
  entry: SkillEntry;
  /** Where it stood in the list. */
  index: number;
  wasSelected: boolean;
  /** Its stored files and edits as they were, to write back on undo. */
  files?: FileMap;
  edits: FileMap;
  timer: ReturnType<typeof setTimeout>;
}

/** How the workbench is laid out, and its passing states. */
export interface WorkbenchSlice {
  prefs: WorkbenchPrefs;
  /** On a narrow screen the panes are tabs: the one shown. */
  phoneTab: PhoneTab;
  openFiles: Record<string, OpenFile>;
  nextFileRequest: number;
  removal?: PendingRemoval;
  /** Whether a skill's edits are written to this browser yet, for the Files pane to say. */
  editSaves: Record<string, 'saving' | 'saved' | 'failed'>;
}

export type { PaneName };

/**
 * Each skill's instances: the list of their names and which is chosen, and the chosen one's
 * configuration, limits and /workspace (the maps below hold the chosen instance of each skill).
 */
export interface InstancesSlice {
  instanceLists: Record<string, StoredInstanceList>;
  /** The chosen instance, as the form shows it: edits are here at once, saved after a pause. */
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

/** Which part of the result pane shows: the tool's last run, or the skill's history. */
export type ResultTab = 'result' | 'history';

/** A skill's kept runs as the History region shows them. */
export interface SkillHistory {
  /** Summaries, newest first; `loaded` once read from IndexedDB. */
  runs: RunSummary[];
  loaded: boolean;
  /** Summaries stored but unreadable (from a newer playground, or damaged). */
  unreadable: number;
  /** What the last add, import or bound said: a run pruned, a full disk, a refused file. */
  notice?: { tone: 'info' | 'error'; text: string };
  /** The past run opened to read. */
  open?: HistoryRun;
  /** Two runs side by side, the older first. */
  compare?: [HistoryRun, HistoryRun];
}

/** Every skill's run history, and the view each skill was left on. */
export interface HistorySlice {
  history: Record<string, SkillHistory>;
  /** How many runs each skill keeps; the oldest unpinned go first. */
  historyMaxRuns: number;
  resultTabs: Record<string, ResultTab>;
}

export type PlaygroundState = SkillsSlice &
  ShareSlice &
  HistorySlice &
  NoticesSlice &
  RunsSlice &
  InstancesSlice &
  StorageSlice &
  WorkbenchSlice;
