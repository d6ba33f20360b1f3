import type {
  Bundle,
  BundleSource,
  Diagnostic,
  ExampleEntry,
  SkillDescription,
  Tool,
  ValidationMode,
} from '../bundle';
import type { DraftValue, FieldErrors } from '../forms';
import type {
  AuditRecord,
  ComponentInfo,
  ComponentKind,
  ComponentSource,
  ErrorCode,
  LoadSource,
  RunStage,
  RunTimings,
  SkillMetadata,
} from '../runtime';
import type { StoredInstance } from '../storage';
import type { UnsupportedExport } from '../wit';
import type { FileChanges } from '../vfs';

/** `consent`: loaded from a link, its tools are known only by running get-tools, which waits for a click. */
export type SkillStatus = 'listed' | 'loading' | 'consent' | 'ready' | 'failed';

/** A skill in the list: what the frontmatter says at once, the rest once it is opened. */
export interface SkillEntry {
  /** Stable across reloads: where it came from and its folder name. */
  key: string;
  source: BundleSource;
  name: string;
  description: string;
  status: SkillStatus;
  example?: ExampleEntry;
  bundle?: Bundle;
  /** Names this copy of the bundle for the worker, which keeps its files between runs. */
  bundleId?: string;
  analysis?: SkillDescription;
  /** The skill's entry component; tools with their own entry get theirs on first run. */
  component?: ComponentSource;
  /** What the component is, once its worker has loaded it. */
  kind?: ComponentKind;
  info?: ComponentInfo;
  metadata?: SkillMetadata;
  tools: Tool[];
  /** The files edited in the editor, with what they held before (for Revert). */
  originals?: Map<string, Uint8Array>;
  /** A plain component's exports that cannot be called yet (resources, async), and why. */
  unsupportedExports?: UnsupportedExport[];
  /** Kept in IndexedDB: listed from its record at start-up, its files read when opened. */
  stored?: boolean;
  /** The folder name a stored skill came in (its bundle is read later). */
  storedRoot?: string;
  /** Came from a link: no code of it runs (not even get-tools) before the user says so. */
  needsConsent?: boolean;
  /** Findings made while loading (manifests read for the component's kind). */
  loadDiagnostics: Diagnostic[];
  /** Why the component could not be described, in a sentence. */
  loadError?: string;
  /** How long the component took to get ready, and whether jco ran for it. */
  load?: { ms: number; from: LoadSource };
}

export type RunStatus = 'running' | 'ok' | 'error' | 'timeout' | 'cancelled';

export interface RunState {
  runId: number;
  toolName: string;
  status: RunStatus;
  stage?: RunStage;
  output: string;
  errorCode?: ErrorCode | 'ToolFailed';
  errorMessage?: string;
  formatNote?: string;
  /** `wave`: a WIT function's result, printed in WAVE and shown as printed. */
  outputFormat?: 'wave';
  stdout: string;
  stderr: string;
  /** Commands: the exit status, and for line-text the number of lines. */
  exitCode?: number;
  lineCount?: number;
  startedAt: number;
  durationMs?: number;
  timings?: RunTimings;
  /** The instance's linear memory when the run ended. */
  memoryBytes?: number;
  loadedFrom?: LoadSource;
  audit?: AuditRecord;
}

export interface WorkspaceState {
  files: Array<[path: string, bytes: Uint8Array]>;
  lastRun?: FileChanges;
}

export interface Notice {
  id: number;
  tone: 'error' | 'info';
  message: string;
  /** Offered as a "Try again" button, for failures that may pass. */
  retry?: () => void;
}

export type ConfigCheck =
  | { state: 'idle' }
  | { state: 'checking' }
  | { state: 'valid'; message: string }
  | { state: 'invalid'; message: string };

export interface PlaygroundState {
  /** How strictly SKILL.md is judged: the spec alone, or the spec with known extensions. */
  validationMode: ValidationMode;
  skills: SkillEntry[];
  examplesLoaded: boolean;
  selectedKey: string | null;
  selectedTool: Record<string, string>;
  notices: Notice[];
  /** Form contents per `skillKey/toolName`, kept while the page lives. */
  drafts: Record<string, Record<string, DraftValue>>;
  fieldErrors: Record<string, FieldErrors>;
  runs: Record<string, RunState>;
  instances: Record<string, StoredInstance>;
  configChecks: Record<string, ConfigCheck>;
  /** Each instance's /workspace files, and what its last run changed. */
  workspaces: Record<string, WorkspaceState>;
  /** The transpile cache's size, once read. */
  cacheStats?: { entries: number; bytes: number };
  /** What this origin stores in the browser, when the browser says. */
  storage?: { usage: number; quota: number };
}
