import { normaliseEntryName, unsafeEntryName, type BundleSource } from '../bundle';

// The manifest of an exported workspace, version by version. It is read from a file someone
// chose, maybe someone else's, so every field is checked by hand; an older version is checked
// against its own shape and migrated, as share links are. History is a list of runs per skill:
// today the playground keeps one (the last run), and a later history adds more without a new
// version.

export const WORKSPACE_FORMAT = 'skill-playground-workspace';
export const WORKSPACE_VERSION = 1;

/** A value as a form holds it, JSON only (checked for depth, never interpreted). */
export type DraftJson = string | number | boolean | null | DraftJson[] | { [k: string]: DraftJson };

export interface ExportedConfigEntry {
  key: string;
  value: string;
  secret: boolean;
}

export interface ExportedInstance {
  name: string;
  /** Secrets only when the person asked for them at export. */
  config: ExportedConfigEntry[];
  /** The keys of secrets left out, so the import can say which to enter again. */
  withheldSecrets: string[];
  timeoutMs?: number;
  maxOutputBytes?: number;
  maxMemoryBytes?: number;
  keepWarm?: boolean;
  grants?: { read: boolean; write: boolean; hosts: string[] };
  /**
   * The folder in the file holding this instance's /workspace: for other instances only (the
   * chosen one's is the skill's `workspace`). Optional, so older version 1 files still read.
   */
  workspace?: string;
}

export interface ExportedRun {
  tool: string;
  status: 'ok' | 'error' | 'timeout' | 'cancelled';
  output: string;
  /** `wave`: a WIT function's value, shown as printed. */
  outputFormat?: 'wave';
  stdout: string;
  stderr: string;
  durationMs?: number;
  errorCode?: string;
  errorMessage?: string;
  exitCode?: number;
}

export interface ExportedSkillV1 {
  source: BundleSource;
  rootName: string;
  name: string;
  description: string;
  /** Folders in the file holding its own files, its edits and its /workspace. */
  files?: string;
  edits?: string;
  workspace?: string;
  /** The instance the skill had chosen. */
  instance?: ExportedInstance;
  /** Its other named instances, each with its own configuration and limits. */
  otherInstances?: ExportedInstance[];
  /** What each tool's form held, by tool name. */
  drafts?: Record<string, Record<string, DraftJson>>;
  /** An instructions-only skill's arguments. */
  instructions?: Record<string, string>;
  selectedTool?: string;
  /** The last run of each tool, as the Result view shows them. */
  history: ExportedRun[];
  /**
   * Every run kept in the skill's History, as the text of a History export (storage/historyFile):
   * read, checked and added by the same code as a History import. Optional, so files written
   * before the History was kept still read as version 1.
   */
  keptHistory?: string;
}

export interface WorkspaceManifestV1 {
  format: typeof WORKSPACE_FORMAT;
  version: 1;
  exportedAt: string;
  secretsIncluded: boolean;
  skills: ExportedSkillV1[];
}

export type WorkspaceManifest = WorkspaceManifestV1;

type Obj = Record<string, unknown>;

const bad = (where: string, what: string): never => {
  throw new Error(`This workspace file's ${where} ${what}.`);
};
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const obj = (v: unknown, where: string): Obj => (isObj(v) ? v : bad(where, 'is not an object'));
const str = (v: unknown, where: string): string =>
  typeof v === 'string' ? v : bad(where, 'is not text');
const bool = (v: unknown, where: string): boolean =>
  typeof v === 'boolean' ? v : bad(where, 'is not true or false');
const list = (v: unknown, where: string): unknown[] =>
  Array.isArray(v) ? v : bad(where, 'is not a list');
const optional = <T>(v: unknown, read: (v: unknown) => T): T | undefined =>
  v === undefined ? undefined : read(v);
const count = (v: unknown, where: string): number =>
  typeof v === 'number' && Number.isSafeInteger(v) && v > 0
    ? v
    : bad(where, 'is not a positive whole number');

function folder(v: unknown, where: string): string {
  const path = str(v, where);
  if (path === '' || unsafeEntryName(path) || normaliseEntryName(path) !== path) {
    bad(where, 'is not a plain folder path');
  }
  return path;
}

const SOURCE_KINDS = ['example', 'folder', 'archive', 'url', 'wasm', 'skillspec', 'link'];

function source(v: unknown): BundleSource {
  const s = obj(v, 'skill source');
  const kind = str(s.kind, 'source kind');
  if (!SOURCE_KINDS.includes(kind)) bad('source kind', `"${kind.slice(0, 20)}" is unknown`);
  if (kind === 'example') return { kind, id: str(s.id, 'example id') };
  if (kind === 'url') {
    const url = str(s.url, 'source URL');
    if (!/^https?:\/\//i.test(url)) bad('source URL', 'is not http or https');
    const path = optional(s.path, (x) => str(x, 'source path'));
    return path ? { kind, url, path } : { kind, url };
  }
  if (kind === 'folder' || kind === 'archive') {
    return { kind, name: str(s.name, 'source name'), path: str(s.path ?? '', 'source path') };
  }
  if (kind === 'link') {
    const sha256 = str(s.sha256, 'link SHA-256');
    if (!/^[0-9a-f]{64}$/.test(sha256)) bad('link SHA-256', 'is not 64 hexadecimal digits');
    return { kind, name: str(s.name, 'source name'), sha256 };
  }
  if (kind === 'wasm' || kind === 'skillspec') return { kind, name: str(s.name, 'source name') };
  return bad('source kind', `"${kind.slice(0, 20)}" is unknown`);
}

function draft(v: unknown, where: string, depth = 0): DraftJson {
  if (depth > 64) return bad(where, 'nests too deep');
  if (v === null || ['string', 'number', 'boolean'].includes(typeof v)) return v as DraftJson;
  if (Array.isArray(v)) return v.map((x) => draft(x, where, depth + 1));
  const o = obj(v, where);
  return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, draft(x, where, depth + 1)]));
}

function instance(v: unknown): ExportedInstance {
  const i = obj(v, 'instance');
  const out: ExportedInstance = {
    name: str(i.name, 'instance name'),
    config: list(i.config, 'configuration').map((e) => {
      const entry = obj(e, 'configuration value');
      return {
        key: str(entry.key, 'configuration key'),
        value: str(entry.value, 'configuration value'),
        secret: bool(entry.secret, 'configuration secret flag'),
      };
    }),
    withheldSecrets: list(i.withheldSecrets, 'withheld secrets').map((k) =>
      str(k, 'withheld secret'),
    ),
  };
  for (const key of ['timeoutMs', 'maxOutputBytes', 'maxMemoryBytes'] as const) {
    const n = optional(i[key], (x) => count(x, key));
    if (n !== undefined) out[key] = n;
  }
  const keepWarm = optional(i.keepWarm, (x) => bool(x, 'keep warm'));
  if (keepWarm !== undefined) out.keepWarm = keepWarm;
  if (i.grants !== undefined) {
    const g = obj(i.grants, 'grants');
    out.grants = {
      read: bool(g.read, 'read grant'),
      write: bool(g.write, 'write grant'),
      hosts: list(g.hosts, 'granted hosts').map((h) => str(h, 'granted host')),
    };
  }
  const workspace = optional(i.workspace, (x) => folder(x, 'instance workspace folder'));
  if (workspace !== undefined) out.workspace = workspace;
  return out;
}

const RUN_STATUSES = ['ok', 'error', 'timeout', 'cancelled'];

function run(v: unknown): ExportedRun {
  const r = obj(v, 'run');
  const status = str(r.status, 'run status');
  if (!RUN_STATUSES.includes(status)) bad('run status', `"${status.slice(0, 20)}" is unknown`);
  const out: ExportedRun = {
    tool: str(r.tool, 'run tool'),
    status: status as ExportedRun['status'],
    output: str(r.output, 'run output'),
    stdout: str(r.stdout, 'run stdout'),
    stderr: str(r.stderr, 'run stderr'),
  };
  if (r.outputFormat !== undefined) {
    if (r.outputFormat !== 'wave') bad('run output format', 'is unknown');
    out.outputFormat = 'wave';
  }
  const durationMs = optional(r.durationMs, (x) =>
    typeof x === 'number' && x >= 0 ? x : bad('run duration', 'is not a duration'),
  );
  if (durationMs !== undefined) out.durationMs = durationMs;
  const errorCode = optional(r.errorCode, (x) => str(x, 'run error code'));
  if (errorCode !== undefined) out.errorCode = errorCode;
  const errorMessage = optional(r.errorMessage, (x) => str(x, 'run error'));
  if (errorMessage !== undefined) out.errorMessage = errorMessage;
  if (r.exitCode !== undefined) {
    if (typeof r.exitCode !== 'number' || !Number.isInteger(r.exitCode)) {
      bad('run exit code', 'is not a whole number');
    }
    out.exitCode = r.exitCode as number;
  }
  return out;
}

function skill(v: unknown): ExportedSkillV1 {
  const s = obj(v, 'skill');
  const rootName = folder(s.rootName, 'skill folder');
  if (rootName.includes('/')) bad('skill folder', 'is not a single folder name');
  const out: ExportedSkillV1 = {
    source: source(s.source),
    rootName,
    name: str(s.name, 'skill name'),
    description: str(s.description, 'skill description'),
    history: list(s.history, 'history').map(run),
  };
  for (const key of ['files', 'edits', 'workspace'] as const) {
    const path = optional(s[key], (x) => folder(x, `${key} folder`));
    if (path !== undefined) out[key] = path;
  }
  const inst = optional(s.instance, instance);
  if (inst) out.instance = inst;
  const others = optional(s.otherInstances, (x) => list(x, 'other instances').map(instance));
  if (others) out.otherInstances = others;
  if (s.drafts !== undefined) {
    const drafts = obj(s.drafts, 'drafts');
    out.drafts = Object.fromEntries(
      Object.entries(drafts).map(([tool, fields]) => [
        tool,
        Object.fromEntries(
          Object.entries(obj(fields, 'drafts')).map(([f, x]) => [f, draft(x, 'draft')]),
        ),
      ]),
    );
  }
  if (s.instructions !== undefined) {
    out.instructions = Object.fromEntries(
      Object.entries(obj(s.instructions, 'instructions')).map(([k, v]) => [k, str(v, 'argument')]),
    );
  }
  const selectedTool = optional(s.selectedTool, (x) => str(x, 'selected tool'));
  if (selectedTool !== undefined) out.selectedTool = selectedTool;
  const keptHistory = optional(s.keptHistory, (x) => str(x, 'kept history'));
  if (keptHistory !== undefined) out.keptHistory = keptHistory;
  return out;
}

function checkManifestV1(v: unknown): WorkspaceManifestV1 {
  const m = obj(v, 'manifest');
  return {
    format: WORKSPACE_FORMAT,
    version: 1,
    exportedAt: str(m.exportedAt, 'export time'),
    secretsIncluded: bool(m.secretsIncluded, 'secrets flag'),
    skills: list(m.skills, 'skills').map(skill),
  };
}

const CHECKS: Record<number, (v: unknown) => unknown> = { 1: checkManifestV1 };
/** Carries version n to n + 1. None yet: version 1 is current. */
const UPGRADES: Record<number, (m: unknown) => unknown> = {};

/** Reads a manifest of any version this build knows, migrated to the current shape. */
export function readWorkspaceManifest(value: unknown): WorkspaceManifest {
  const m = obj(value, 'manifest');
  if (m.format !== WORKSPACE_FORMAT) {
    throw new Error('This is not a Skill Playground workspace file: its manifest says otherwise.');
  }
  const version = m.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return bad('version', 'is not a version number');
  }
  if (version > WORKSPACE_VERSION) {
    throw new Error(
      `This workspace file was written by a newer Skill Playground (version ${version}); this one reads up to version ${WORKSPACE_VERSION}.`,
    );
  }
  let manifest = CHECKS[version]!(m);
  for (let from = version; from < WORKSPACE_VERSION; from++) manifest = UPGRADES[from]!(manifest);
  return manifest as WorkspaceManifest;
}
