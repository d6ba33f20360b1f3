import { ARCHIVE_LIMITS, bundleDigest, unpackArchive, type BundleSource } from '../bundle';
import { errorMessage } from '../errors';
import type { DraftValue } from '../forms';
import {
  unpackWorkspace,
  type WorkspaceContents,
  type WorkspaceInstance,
  type WorkspaceSkill,
} from '../packaging';
import { DEFAULT_GRANTS } from '../runtime';
import { instanceNameProblem, readHistoryFile, type StoredInstance } from '../storage';
import type { FileMap } from '../vfs';
import { bumpWarmRevision, ensureInstance, ensureInstanceList, updateInstance } from './instances';
import { importHistory } from './historyFiles';
import { notify } from './notices';
import { draftKey, usePlayground } from './playgroundStore';
import { getServices } from './services';
import { skillKey } from './skillIdentity';
import { removeSkill } from './removal';
import { addBundle } from './skillList';
import { analyze, getSkill, setSkill, skillFiles, withFiles } from './skills';
import { filesOf } from './skillEntry';
import { setInstructionValue } from './toolForms';
import type { RunState } from './types';

// Importing a workspace file, which may be someone else's: read and checked in full before
// anything changes, then merged into the workspace or put in its place. What the file says is
// never trusted where it matters: a skill's identity and version are computed from its files,
// so an imported skill cannot take over another's secrets; grants come in only when asked.

const { getState, setState } = usePlayground;

/** A workspace file may hold more than one skill archive: larger walls, the same rules. */
const WORKSPACE_LIMITS = {
  ...ARCHIVE_LIMITS,
  maxEntries: 20_000,
  maxTotalBytes: 512 * 1024 * 1024,
};

export type ReadWorkspace =
  { ok: true; contents: WorkspaceContents } | { ok: false; reason: string };

/** Reads and checks a workspace file; nothing changes yet. */
export async function readWorkspaceFile(file: Blob, name: string): Promise<ReadWorkspace> {
  try {
    const picked = await unpackArchive(file, name, { limits: WORKSPACE_LIMITS });
    const entries: FileMap = new Map();
    for (const entry of picked) {
      // The playground writes no links into a workspace file: one there is not ours to follow.
      if ('linkTo' in entry) continue;
      entries.set(entry.path, new Uint8Array(await entry.file.arrayBuffer()));
    }
    return { ok: true, contents: unpackWorkspace(entries) };
  } catch (error) {
    return { ok: false, reason: `${name} could not be imported: ${errorMessage(error)}` };
  }
}

export interface ImportSummary {
  skills: string[];
  instances: number;
  workspaceFiles: number;
  runs: number;
  /** Secrets the file left out, by skill: to be entered again. */
  withheldSecrets: string[];
  removed: number;
  skipped: string[];
}

/**
 * Brings a checked workspace in. `merge` keeps what is here and replaces the skills the file also
 * holds; `replace` first removes every skill that is not a built-in example.
 */
export async function importWorkspace(
  contents: WorkspaceContents,
  options: { mode: 'merge' | 'replace'; grants: boolean },
): Promise<ImportSummary> {
  const summary: ImportSummary = {
    skills: [],
    instances: 0,
    workspaceFiles: 0,
    runs: 0,
    withheldSecrets: [],
    removed: 0,
    skipped: [],
  };
  if (options.mode === 'replace') {
    const ours = getState().skills.filter((skill) => skill.source.kind !== 'example');
    for (const skill of ours) await removeSkill(skill.key);
    summary.removed = ours.length;
  }
  for (const skill of contents.skills) {
    try {
      const key = await importSkill(skill, options.grants, summary);
      if (key) summary.skills.push(skill.name);
      else summary.skipped.push(skill.name);
    } catch (error) {
      summary.skipped.push(skill.name);
      notify(`${skill.name} could not be imported: ${errorMessage(error)}`);
    }
  }
  return summary;
}

async function importSkill(
  skill: WorkspaceSkill,
  grants: boolean,
  summary: ImportSummary,
): Promise<string | undefined> {
  let key: string;
  let digest: string | undefined;
  if (skill.source.kind === 'example') {
    key = skillKey(skill.source, skill.rootName);
    if (!getSkill(key)) return undefined;
  } else {
    if (!skill.files) return undefined;
    // Identity and version come from the files, never from what the file claims.
    digest = await bundleDigest(skill.files);
    const source: BundleSource =
      skill.source.kind === 'link' ? { ...skill.source, sha256: digest } : skill.source;
    const fromElsewhere = source.kind === 'url' || source.kind === 'link';
    ({ key } = await addBundle(
      { rootName: skill.rootName, files: skill.files, source },
      { needsConsent: fromElsewhere },
    ));
  }
  if (skill.edits && skill.edits.size > 0) await importEdits(key, skill.edits);
  if (skill.instance) {
    await importInstance(key, skill, grants, digest);
    summary.instances += 1;
    for (const name of skill.instance.withheldSecrets) {
      summary.withheldSecrets.push(`${skill.name}: ${name}`);
    }
  }
  for (const other of skill.otherInstances ?? []) {
    if (!(await importOtherInstance(key, other, grants, digest))) continue;
    summary.instances += 1;
    summary.workspaceFiles += other.workspace?.size ?? 0;
    for (const name of other.withheldSecrets) {
      summary.withheldSecrets.push(`${skill.name} (${other.name}): ${name}`);
    }
  }
  if (skill.workspace) {
    const { active } = await ensureInstanceList(key);
    await getServices().saveWorkspace(key, skill.workspace, active);
    setState((s) => ({ workspaces: { ...s.workspaces, [key]: { files: skill.workspace! } } }));
    bumpWarmRevision(key);
    summary.workspaceFiles += skill.workspace.size;
  }
  const drafts = Object.entries(skill.drafts ?? {}).map(
    ([tool, values]) => [draftKey(key, tool), values as Record<string, DraftValue>] as const,
  );
  if (drafts.length > 0) {
    setState((s) => ({ drafts: { ...s.drafts, ...Object.fromEntries(drafts) } }));
  }
  for (const [name, value] of Object.entries(skill.instructions ?? {})) {
    setInstructionValue(key, name, value);
  }
  if (skill.selectedTool) {
    setState((s) => ({ selectedTool: { ...s.selectedTool, [key]: skill.selectedTool! } }));
  }
  // The playground shows the last run of each tool: the last one the file holds for it.
  const lastPerTool = new Map(skill.history.map((run) => [run.tool, run]));
  for (const last of lastPerTool.values()) {
    const run: RunState = {
      runId: getState().nextRunId,
      toolName: last.tool,
      startedAt: 0,
      status: last.status,
      output: last.output,
      stdout: last.stdout,
      stderr: last.stderr,
      grants: DEFAULT_GRANTS,
      ...(last.outputFormat ? { outputFormat: last.outputFormat } : {}),
      ...(last.durationMs !== undefined ? { durationMs: last.durationMs } : {}),
      // Only the tool's own failure keeps its code; another one is read from the message.
      ...(last.errorCode === 'ToolFailed' ? { errorCode: 'ToolFailed' as const } : {}),
      ...(last.errorMessage || last.errorCode
        ? { errorMessage: importedError(last.errorCode, last.errorMessage) }
        : {}),
      ...(last.exitCode !== undefined ? { exitCode: last.exitCode } : {}),
    };
    setState((s) => ({
      nextRunId: s.nextRunId + 1,
      runs: { ...s.runs, [key]: { ...s.runs[key], [last.tool]: run } },
    }));
  }
  // The History's runs come in as a History import brings them: checked, kept once each.
  const kept = skill.keptHistory === undefined ? undefined : readHistoryFile(skill.keptHistory);
  if (skill.keptHistory !== undefined) await importHistory(key, skill.keptHistory);
  summary.runs += kept?.ok ? kept.file.runs.length : skill.history.length;
  return key;
}

function importedError(code: string | undefined, message: string | undefined): string {
  const prefix = code && code !== 'ToolFailed' ? `${code}: ` : '';
  return `${prefix}${message ?? ''}`.trim();
}

/** The file's edits, kept as edits: over the skill's own files, with Revert to go back. */
async function importEdits(key: string, edits: FileMap): Promise<void> {
  await getServices().saveFileEdits(key, edits);
  const current = getSkill(key);
  const files = current && filesOf(current);
  if (!files) return; // Applied when the skill's files are read.
  const bundleFiles = new Map(files.bundle.files);
  const originals = new Map(files.originals);
  for (const [path, bytes] of edits) {
    if (!originals.has(path)) originals.set(path, bundleFiles.get(path) ?? new Uint8Array());
    bundleFiles.set(path, bytes);
  }
  const bundle = { ...files.bundle, files: bundleFiles };
  setSkill(key, (skill) => withFiles(skill, skillFiles(bundle, analyze(bundle), originals)));
}

async function importInstance(
  key: string,
  skill: WorkspaceSkill,
  grants: boolean,
  digest: string | undefined,
): Promise<void> {
  const imported = skill.instance!;
  await ensureInstance(key);
  await updateInstance(key, (current) => mergedInstance(current, imported, grants, digest));
}

/**
 * One of the skill's other named instances: merged into the one of that name here, or added to
 * the skill's list. A name this playground would refuse is skipped (false).
 */
async function importOtherInstance(
  key: string,
  imported: WorkspaceInstance,
  grants: boolean,
  digest: string | undefined,
): Promise<boolean> {
  const list = await ensureInstanceList(key);
  const known = list.names.includes(imported.name);
  if (!known && instanceNameProblem(imported.name, list.names)) return false;
  const services = getServices();
  // A record kept under another name is never overwritten: the file's name is the key.
  const current = {
    ...(await services.readInstance(key, imported.name)).value,
    name: imported.name,
  };
  await services.saveInstance(key, mergedInstance(current, imported, grants, digest));
  if (imported.workspace) await services.saveWorkspace(key, imported.workspace, imported.name);
  if (!known) {
    const next = { ...list, names: [...list.names, imported.name] };
    setState((s) => ({ instanceLists: { ...s.instanceLists, [key]: next } }));
    await services.saveInstanceList(key, next);
  }
  return true;
}

/** An instance with what the file brings laid over it: its values win, key by key. */
function mergedInstance(
  current: StoredInstance,
  imported: Omit<WorkspaceInstance, 'workspace'>,
  grants: boolean,
  digest: string | undefined,
): StoredInstance {
  const config = [...current.config];
  for (const entry of imported.config) {
    const at = config.findIndex((e) => e.key === entry.key);
    if (at === -1) config.push(entry);
    else config[at] = entry;
  }
  const next: StoredInstance = { ...current, config };
  for (const name of ['timeoutMs', 'maxOutputBytes', 'maxMemoryBytes'] as const) {
    if (imported[name] !== undefined) next[name] = imported[name];
  }
  if (imported.keepWarm !== undefined) next.keepWarm = imported.keepWarm;
  if (grants && imported.grants) next.grants = imported.grants;
  // Secrets that came with these files belong to this version of them.
  if (digest && imported.config.some((entry) => entry.secret)) next.trustedSha256 = digest;
  return next;
}
