import { strFromU8, strToU8 } from 'fflate';
import type { FileMap } from '../vfs';
import { zipFiles } from './skillArchive';
import {
  WORKSPACE_FORMAT,
  WORKSPACE_VERSION,
  readWorkspaceManifest,
  type ExportedSkillV1,
  type WorkspaceManifest,
} from './workspaceFormat';

// A whole workspace as one .zip: a manifest (workspace.json) and, per skill, folders of its own
// files, its edits and its /workspace. Bytes stay bytes in the zip rather than base64 in JSON.
// Everything sits under one top-level folder, so the archive reader keeps the paths as written.

export const WORKSPACE_ROOT = WORKSPACE_FORMAT;
const MANIFEST = 'workspace.json';

/** One skill as exported: what the manifest says of it, and its files. */
export interface WorkspaceSkill extends Omit<ExportedSkillV1, 'files' | 'edits' | 'workspace'> {
  /** Its own files; absent for a built-in example, which comes from the server. */
  files?: FileMap;
  edits?: FileMap;
  workspace?: FileMap;
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
    const { files, edits, workspace, ...rest } = skill;
    const exported: ExportedSkillV1 = { ...rest };
    const put = (kind: 'files' | 'edits' | 'workspace', map: FileMap | undefined) => {
      if (!map || (kind !== 'files' && map.size === 0)) return;
      const dir = `skills/${i}/${kind}`;
      exported[kind] = dir;
      for (const [path, bytes] of map) entries.push([`${WORKSPACE_ROOT}/${dir}/${path}`, bytes]);
    };
    put('files', files);
    put('edits', edits);
    put('workspace', workspace);
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
    skills: manifest.skills.map(({ files, edits, workspace, ...rest }) => {
      const skill: WorkspaceSkill = { ...rest };
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
