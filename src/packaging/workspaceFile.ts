import { strFromU8, strToU8 } from 'fflate';
import type { FileMap } from '../vfs';
import { zipFiles } from './skillArchive';
import {
  WORKSPACE_FORMAT,
  WORKSPACE_VERSION,
  readWorkspaceManifest,
  type ExportedInstance,
  type ExportedSkillV1,
  type WorkspaceManifest,
} from './workspaceFormat';

// A whole workspace as one .zip: a manifest (workspace.json) and, per skill, folders of its own
// files, its edits and its /workspace. Bytes stay bytes in the zip rather than base64 in JSON.
// Everything sits under one top-level folder, so the archive reader keeps the paths as written.

export const WORKSPACE_ROOT = WORKSPACE_FORMAT;
const MANIFEST = 'workspace.json';

/** An instance other than the chosen one, as exported: its settings and its /workspace. */
export interface WorkspaceInstance extends Omit<ExportedInstance, 'workspace'> {
  workspace?: FileMap;
}

/** One skill as exported: what the manifest says of it, and its files. */
export interface WorkspaceSkill extends Omit<
  ExportedSkillV1,
  'files' | 'edits' | 'workspace' | 'otherInstances'
> {
  /** Its own files; absent for a built-in example, which comes from the server. */
  files?: FileMap;
  edits?: FileMap;
  workspace?: FileMap;
  otherInstances?: WorkspaceInstance[];
}

export interface WorkspaceContents {
  exportedAt: string;
  secretsIncluded: boolean;
  skills: WorkspaceSkill[];
}

/** The workspace file's bytes. */
export function packWorkspace(contents: WorkspaceContents): Uint8Array {
  const entries: Array<[string, Uint8Array]> = [];
  const skills: ExportedSkillV1[] = contents.skills.map((skill, i) => {
    const { files, edits, workspace, otherInstances, ...rest } = skill;
    const exported: ExportedSkillV1 = { ...rest };
    /** Puts the files in a folder of the zip and gives the folder, or nothing for none. */
    const put = (dir: string, map: FileMap | undefined, keepEmpty = false) => {
      if (!map || (!keepEmpty && map.size === 0)) return undefined;
      for (const [path, bytes] of map) entries.push([`${WORKSPACE_ROOT}/${dir}/${path}`, bytes]);
      return dir;
    };
    const folders = {
      files: put(`skills/${i}/files`, files, true),
      edits: put(`skills/${i}/edits`, edits),
      workspace: put(`skills/${i}/workspace`, workspace),
    };
    for (const [kind, dir] of Object.entries(folders)) {
      if (dir) exported[kind as keyof typeof folders] = dir;
    }
    if (otherInstances) {
      exported.otherInstances = otherInstances.map(({ workspace: files, ...settings }, j) => {
        const dir = put(`skills/${i}/instances/${j}/workspace`, files);
        return dir ? { ...settings, workspace: dir } : settings;
      });
    }
    return exported;
  });
  const manifest: WorkspaceManifest = {
    format: WORKSPACE_FORMAT,
    version: WORKSPACE_VERSION,
    exportedAt: contents.exportedAt,
    secretsIncluded: contents.secretsIncluded,
    skills,
  };
  entries.unshift([`${WORKSPACE_ROOT}/${MANIFEST}`, strToU8(JSON.stringify(manifest, null, 2))]);
  return zipFiles(entries);
}

/**
 * What a workspace file holds, from its unzipped entries (path to bytes, paths as the archive
 * reader gives them: already checked for `..` and absolute paths). Throws with a sentence when
 * it is not a workspace file or its manifest does not check out.
 */
export function unpackWorkspace(entries: FileMap): WorkspaceContents {
  const top = [...new Set([...entries.keys()].map((p) => p.split('/')[0]))];
  const root = top.length === 1 ? top[0]! : '';
  const manifestBytes = entries.get(`${root}/${MANIFEST}`);
  if (!manifestBytes) {
    throw new Error(`This is not a Skill Playground workspace file: it has no ${MANIFEST}.`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(strFromU8(manifestBytes));
  } catch {
    throw new Error(`This workspace file's ${MANIFEST} is not readable JSON.`);
  }
  const manifest = readWorkspaceManifest(raw);
  const folderOf = (dir: string | undefined): FileMap | undefined => {
    if (dir === undefined) return undefined;
    const prefix = `${root}/${dir}/`;
    const files: FileMap = new Map();
    for (const [path, bytes] of entries) {
      if (path.startsWith(prefix)) files.set(path.slice(prefix.length), bytes);
    }
    return files;
  };
  return {
    exportedAt: manifest.exportedAt,
    secretsIncluded: manifest.secretsIncluded,
    skills: manifest.skills.map(({ files, edits, workspace, otherInstances, ...rest }) => {
      const skill: WorkspaceSkill = { ...rest };
      if (otherInstances) {
        skill.otherInstances = otherInstances.map(({ workspace: dir, ...settings }) => {
          const kept = folderOf(dir);
          return kept ? { ...settings, workspace: kept } : settings;
        });
      }
      const own = folderOf(files);
      if (own) {
        if (own.size === 0) throw new Error(`${rest.name}'s files are missing from the file.`);
        skill.files = own;
      }
      const edited = folderOf(edits);
      if (edited) skill.edits = edited;
      const kept = folderOf(workspace);
      if (kept) skill.workspace = kept;
      return skill;
    }),
  };
}
