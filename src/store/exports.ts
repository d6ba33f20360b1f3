import { findSkillMdPath } from '../bundle';
import type { DraftValue } from '../forms';
import {
  defaultPublishType,
  packWorkspace,
  publishFolder,
  publishProblem,
  skillArchive,
  zipFolder,
  type DraftJson,
  type ExportedRun,
  type WorkspaceInstance,
  type PublishType,
  type SkillArchiveFormat,
  type SkillToPublish,
  type WorkspaceSkill,
} from '../packaging';
import { toolModel } from '../tools';
import type { FileMap } from '../vfs';
import { historyFile } from '../storage';
import { errorMessage } from '../errors';
import { currentBundle, originalFiles } from './currentBundle';
import { usePlayground } from './playgroundStore';
import { getServices } from './services';
import { filesOf, skillTools, type SkillEntry } from './skillEntry';
import type { RunState } from './types';

// Skills and the workspace as files: a skill as .skill, .zip or .tar.gz (edits included), the
// whole workspace as one versioned file (secrets only when asked for), and a folder to publish.

const { getState } = usePlayground;

export type Produced =
  { ok: true; fileName: string; bytes: Uint8Array } | { ok: false; reason: string };

/** The skill as one file, with the edits made in the editor. */
export async function exportSkill(key: string, format: SkillArchiveFormat): Promise<Produced> {
  const read = await currentBundle(key);
  if (!read.ok) return read;
  const { bundle } = read.value;
  try {
    return { ok: true, ...(await skillArchive(bundle.rootName, bundle.files, format)) };
  } catch (error) {
    return { ok: false, reason: errorMessage(error) };
  }
}

/** The whole workspace as one file, with a count of what went in. */
export async function exportWorkspace(options: {
  includeSecrets: boolean;
}): Promise<Produced & { skills?: number }> {
  const skills: WorkspaceSkill[] = [];
  for (const skill of getState().skills) {
    const exported = await exportedSkill(skill, options.includeSecrets);
    if (exported) skills.push(exported);
  }
  const date = new Date();
  return {
    ok: true,
    fileName: `skill-playground-workspace-${date.toISOString().slice(0, 10)}.zip`,
    bytes: packWorkspace({
      exportedAt: date.toISOString(),
      secretsIncluded: options.includeSecrets,
      skills,
    }),
    skills: skills.length,
  };
}

async function exportedSkill(
  skill: SkillEntry,
  includeSecrets: boolean,
): Promise<WorkspaceSkill | undefined> {
  const state = getState();
  const services = getServices();
  const key = skill.key;
  // The chosen instance of each skill: what its page shows.
  const { active, names } =
    state.instanceLists[key] ?? (await services.readInstanceList(key)).value;
  const instance = state.instances[key] ?? (await services.readInstance(key, active)).value;
  const workspace =
    state.workspaces[key]?.files ?? (await services.readWorkspace(key, active)).value;
  const drafts = exportedDrafts(skill, includeSecrets);
  // The last finished run of each tool, oldest first.
  const history = Object.values(state.runs[key] ?? {})
    .filter((run) => run.status !== 'running')
    .sort((a, b) => a.runId - b.runId)
    .map(exportedRun);
  const kept = await keptHistoryText(skill);
  const isExample = skill.source.kind === 'example';
  // An example comes from the server: only its edits, instance, /workspace and runs are its own.
  let files: FileMap | undefined;
  let edits: FileMap;
  const inMemory = filesOf(skill);
  if (inMemory) {
    edits = new Map(
      [...inMemory.originals.keys()].map((path) => [path, inMemory.bundle.files.get(path)!]),
    );
    if (!isExample) files = originalFiles(inMemory);
  } else if (isExample) {
    edits = (await services.readFileEdits(key)).value;
  } else {
    const read = await currentBundle(key);
    if (!read.ok) return undefined;
    edits = new Map(
      [...read.value.originals.keys()].map((path) => [path, read.value.bundle.files.get(path)!]),
    );
    files = originalFiles(read.value);
  }
  const untouched =
    instance.config.length === 0 &&
    workspace.size === 0 &&
    history.length === 0 &&
    kept === undefined &&
    Object.keys(drafts).length === 0 &&
    edits.size === 0;
  if (isExample && untouched) return undefined;

  const out: WorkspaceSkill = {
    source: skill.source,
    rootName: skill.bundle?.rootName ?? skill.storedRoot ?? skill.name,
    name: skill.name,
    description: skill.description,
    instance: exportedInstance(instance, includeSecrets),
    history,
  };
  if (files) out.files = files;
  if (edits.size > 0) out.edits = edits;
  if (workspace.size > 0) out.workspace = workspace;
  if (Object.keys(drafts).length > 0) out.drafts = drafts;
  const instructions = state.instructions[key]?.values;
  if (instructions && Object.keys(instructions).length > 0) out.instructions = instructions;
  const selectedTool = state.selectedTool[key];
  if (selectedTool) out.selectedTool = selectedTool;
  if (kept !== undefined) out.keptHistory = kept;
  const others = await Promise.all(
    names
      .filter((name) => name !== active)
      .map(async (name) => {
        const [settings, files] = await Promise.all([
          services.readInstance(key, name),
          services.readWorkspace(key, name),
        ]);
        const other = exportedInstance(settings.value, includeSecrets);
        return files.value.size > 0 ? { ...other, workspace: files.value } : other;
      }),
  );
  if (others.length > 0) out.otherInstances = others;
  return out;
}

/** Every run in the skill's History, as a History export's text; none kept, nothing. */
async function keptHistoryText(skill: SkillEntry): Promise<string | undefined> {
  const { runs } = await getServices().history.list(skill.key);
  if (runs.length === 0) return undefined;
  const kept = await getServices().history.getMany(
    skill.key,
    runs.map((run) => run.id),
  );
  return JSON.stringify(historyFile(skill.name, kept));
}

function exportedInstance(
  instance: ReturnType<typeof getState>['instances'][string],
  includeSecrets: boolean,
): Omit<WorkspaceInstance, 'workspace'> {
  const secrets = instance.config.filter((entry) => entry.secret);
  const out: Omit<WorkspaceInstance, 'workspace'> = {
    name: instance.name,
    config: includeSecrets ? instance.config : instance.config.filter((entry) => !entry.secret),
    withheldSecrets: includeSecrets ? [] : secrets.map((entry) => entry.key),
  };
  for (const name of ['timeoutMs', 'maxOutputBytes', 'maxMemoryBytes'] as const) {
    if (instance[name] !== undefined) out[name] = instance[name];
  }
  if (instance.keepWarm !== undefined) out.keepWarm = instance.keepWarm;
  if (instance.grants) out.grants = instance.grants;
  return out;
}

/** What the skill's forms hold; a secret field only when secrets are asked for. */
function exportedDrafts(
  skill: SkillEntry,
  includeSecrets: boolean,
): Record<string, Record<string, DraftJson>> {
  const out: Record<string, Record<string, DraftJson>> = {};
  const prefix = `${skill.key}/`;
  const tools = skillTools(skill);
  for (const [id, drafts] of Object.entries(getState().drafts)) {
    if (!id.startsWith(prefix)) continue;
    const toolName = id.slice(prefix.length);
    const tool = tools.find((t) => t.name === toolName);
    const secret = new Set(
      tool && tool.call.kind !== 'wit' && !includeSecrets
        ? toolModel(tool)
            .fields.filter((f) => f.kind === 'secret')
            .map((f) => f.name)
        : [],
    );
    out[toolName] = Object.fromEntries(
      Object.entries(drafts)
        .filter(([field]) => !secret.has(field))
        .map(([field, value]) => [field, asJson(value)]),
    );
  }
  return out;
}

const asJson = (value: DraftValue): DraftJson => value as unknown as DraftJson;

function exportedRun(run: Exclude<RunState, { status: 'running' }>): ExportedRun {
  const out: ExportedRun = {
    tool: run.toolName,
    status: run.status,
    output: run.output,
    stdout: run.stdout,
    stderr: run.stderr,
  };
  if (run.outputFormat) out.outputFormat = run.outputFormat;
  if (run.durationMs !== undefined) out.durationMs = run.durationMs;
  if (run.errorCode) out.errorCode = run.errorCode;
  if (run.errorMessage) out.errorMessage = run.errorMessage;
  if (run.exitCode !== undefined) out.exitCode = run.exitCode;
  return out;
}

/** A skill as the publish dialog offers it: how it would be published, or why it cannot be. */
export interface PublishCandidate {
  key: string;
  name: string;
  /** A built-in example: offered, but not chosen by default. */
  isExample: boolean;
  type: PublishType;
  problem?: string;
}

export async function publishCandidates(): Promise<PublishCandidate[]> {
  const out: PublishCandidate[] = [];
  for (const skill of getState().skills) {
    const isExample = skill.source.kind === 'example';
    if (isExample && !filesOf(skill)) {
      // Not read until chosen: an example's files (its wasm) come from the server.
      out.push({ key: skill.key, name: skill.name, isExample, type: 'archive' });
      continue;
    }
    const read = await toPublish(skill.key);
    out.push(
      read.ok
        ? {
            key: skill.key,
            name: skill.name,
            isExample,
            type: defaultPublishType(read.value),
            ...(publishProblem(read.value) ? { problem: publishProblem(read.value)! } : {}),
          }
        : { key: skill.key, name: skill.name, isExample, type: 'archive', problem: read.reason },
    );
  }
  return out;
}

async function toPublish(
  key: string,
): Promise<{ ok: true; value: SkillToPublish } | { ok: false; reason: string }> {
  const read = await currentBundle(key);
  if (!read.ok) return read;
  const { bundle } = read.value;
  const skillMdPath = findSkillMdPath(bundle.files);
  if (!skillMdPath) return { ok: false, reason: 'It has no SKILL.md to publish.' };
  const skill = getState().skills.find((s) => s.key === key)!;
  return {
    ok: true,
    value: { name: skill.name, description: skill.description, files: bundle.files, skillMdPath },
  };
}

/** The published folder of these skills, as one zip, edits included. */
export async function publishSkills(
  keys: string[],
  archiveFormat: 'zip' | 'tar.gz',
): Promise<Produced & { index?: string }> {
  const skills: Array<SkillToPublish & { type: PublishType }> = [];
  for (const key of keys) {
    const read = await toPublish(key);
    if (!read.ok) return read;
    skills.push({ ...read.value, type: defaultPublishType(read.value) });
  }
  try {
    const folder = await publishFolder(skills, archiveFormat);
    return {
      ok: true,
      fileName: 'agent-skills-site.zip',
      bytes: zipFolder(folder),
      index: JSON.stringify(folder.index, null, 2),
    };
  } catch (error) {
    return { ok: false, reason: errorMessage(error) };
  }
}
