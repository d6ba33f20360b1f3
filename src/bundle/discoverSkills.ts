// Where the skills are in a folder or an archive, from its paths alone: nothing is read here, so
// a checkout of 20,000 files is searched in milliseconds and only the skills' files are read,
// later, when a skill is opened.

/** How deep a skill folder may sit below what was dropped or picked (that folder is depth 0). */
export const MAX_SKILL_DEPTH = 8;

/** Folders never searched, and never part of a skill, at any depth. */
export const IGNORED_FOLDERS: ReadonlySet<string> = new Set(['.git', 'node_modules', '__MACOSX']);

/** Files of the system, not of anyone's skill: left out without a word. */
const SYSTEM_FILES: ReadonlySet<string> = new Set(['.DS_Store', 'Thumbs.db', 'desktop.ini']);

/**
 * Dot-folders agents read skills from: repositories keep their own skills in their `skills/`
 * folder. Other dot-folders (`.vscode`, `.husky`, ...) are not searched.
 */
export const AGENT_FOLDERS: ReadonlySet<string> = new Set([
  '.claude',
  '.agents',
  '.cursor',
  '.codex',
  '.github',
]);

/**
 * What makes a folder a skill: a SKILL.md; an astrid capsule's Capsule.toml; or, with neither,
 * the wasm where OpenSkills looks for it (such folders run there, so they are skills here too,
 * named by their folder, with a warning).
 */
export type SkillMarker = 'skill-md' | 'capsule' | 'wasm';

export interface DiscoveredSkill {
  /** The skill's folder, relative to what was searched; '' when it is that folder itself. */
  path: string;
  marker: SkillMarker;
  /** Its files, relative to its folder; sub-folders belong to the skill. */
  files: string[];
}

export type SkipReason =
  /** Searched, and no skill inside. */
  | 'no-skill'
  /** `.git`, `node_modules`, a dot-folder agents do not read skills from. */
  | 'not-searched'
  /** Below MAX_SKILL_DEPTH. */
  | 'too-deep'
  /** A file beside skills, in no skill (a README, a LICENSE). */
  | 'outside';

/** Something found that is not part of any skill, and why. Folders' paths end with `/`. */
export interface Skipped {
  path: string;
  reason: SkipReason;
}

export interface Discovery {
  skills: DiscoveredSkill[];
  skipped: Skipped[];
}

interface Folder {
  files: string[];
  folders: Map<string, Folder>;
}

const SKILL_MD = new Set(['SKILL.md', 'skill.md']);

/**
 * Finds the skills among the paths of one dropped folder or archive (relative to its root,
 * `/`-separated; a path ending with `/` is a folder whose contents were not read). A folder
 * holding a skill marker is a skill and is not searched further; other folders are searched down
 * to `maxDepth`. Everything that is in no skill is reported, a folder without a skill as the
 * folder alone rather than each file in it.
 */
export function discoverSkills(paths: Iterable<string>, maxDepth = MAX_SKILL_DEPTH): Discovery {
  const root = treeOf(paths);
  const skills: DiscoveredSkill[] = [];
  const skipped = searchFolder(root, '', 0, maxDepth, skills);
  return { skills, skipped };
}

function treeOf(paths: Iterable<string>): Folder {
  const root: Folder = { files: [], folders: new Map() };
  for (const path of paths) {
    const parts = path.split('/');
    // A trailing `/` leaves an empty last part: the folder is made, with no file in it.
    const name = parts.pop()!;
    let folder = root;
    for (const part of parts) {
      if (part === '' || part === '.') continue;
      let next = folder.folders.get(part);
      if (!next) {
        next = { files: [], folders: new Map() };
        folder.folders.set(part, next);
      }
      folder = next;
    }
    if (name !== '' && !SYSTEM_FILES.has(name)) folder.files.push(name);
  }
  return root;
}

function markerOf(folder: Folder): SkillMarker | null {
  if (folder.files.some((name) => SKILL_MD.has(name))) return 'skill-md';
  if (folder.files.includes('Capsule.toml')) return 'capsule';
  if (folder.files.includes('skill.wasm')) return 'wasm';
  if (folder.folders.get('wasm')?.files.includes('skill.wasm')) return 'wasm';
  return null;
}

/** Searches one folder that is not a skill; returns what in it is in no skill. */
function searchFolder(
  folder: Folder,
  path: string,
  depth: number,
  maxDepth: number,
  skills: DiscoveredSkill[],
): Skipped[] {
  const marker = markerOf(folder);
  if (marker) {
    const files: string[] = [];
    const skipped: Skipped[] = [];
    collectFiles(folder, '', files, path, skipped);
    skills.push({ path, marker, files: files.sort() });
    return skipped;
  }
  const prefix = path === '' ? '' : `${path}/`;
  const skipped: Skipped[] = folder.files.map((name) => ({
    path: `${prefix}${name}`,
    reason: 'outside',
  }));
  for (const [name, child] of sorted(folder.folders)) {
    const childPath = `${prefix}${name}`;
    if (IGNORED_FOLDERS.has(name) || (name.startsWith('.') && !AGENT_FOLDERS.has(name))) {
      skipped.push({ path: `${childPath}/`, reason: 'not-searched' });
    } else if (depth >= maxDepth) {
      skipped.push({ path: `${childPath}/`, reason: 'too-deep' });
    } else if (AGENT_FOLDERS.has(name)) {
      skipped.push(...searchAgentFolder(child, childPath, depth + 1, maxDepth, skills));
    } else {
      skipped.push(...searchChild(child, childPath, depth + 1, maxDepth, skills));
    }
  }
  return skipped;
}

/** A sub-folder: reported as one folder without a skill when nothing in it is a skill. */
function searchChild(
  folder: Folder,
  path: string,
  depth: number,
  maxDepth: number,
  skills: DiscoveredSkill[],
): Skipped[] {
  const before = skills.length;
  const skipped = searchFolder(folder, path, depth, maxDepth, skills);
  // What lies too deep is said as it is: a skill may be down there.
  if (skills.length > before || skipped.some((s) => s.reason === 'too-deep')) return skipped;
  return [{ path: `${path}/`, reason: 'no-skill' }];
}

/** `.claude/` and the like: only their `skills/` folder is searched. */
function searchAgentFolder(
  folder: Folder,
  path: string,
  depth: number,
  maxDepth: number,
  skills: DiscoveredSkill[],
): Skipped[] {
  const skillsFolder = folder.folders.get('skills');
  const before = skills.length;
  let inside: Skipped[] = [];
  if (skillsFolder && depth >= maxDepth) {
    inside = [{ path: `${path}/skills/`, reason: 'too-deep' }];
  } else if (skillsFolder) {
    inside = searchFolder(skillsFolder, `${path}/skills`, depth + 1, maxDepth, skills);
  }
  if (skills.length === before && !inside.some((s) => s.reason === 'too-deep')) {
    return [{ path: `${path}/`, reason: 'no-skill' }];
  }
  const others: Skipped[] = [
    ...folder.files.map((name): Skipped => ({ path: `${path}/${name}`, reason: 'outside' })),
    ...[...sorted(folder.folders)]
      .filter(([name]) => name !== 'skills')
      .map(([name]): Skipped => ({ path: `${path}/${name}/`, reason: 'no-skill' })),
  ];
  return [...others, ...inside];
}

/** A skill's files, all of them, but for `.git` and `node_modules`, which are reported. */
function collectFiles(
  folder: Folder,
  prefix: string,
  out: string[],
  skillPath: string,
  skipped: Skipped[],
): void {
  for (const name of folder.files) out.push(`${prefix}${name}`);
  for (const [name, child] of sorted(folder.folders)) {
    if (IGNORED_FOLDERS.has(name)) {
      const at = [skillPath, `${prefix}${name}`].filter(Boolean).join('/');
      skipped.push({ path: `${at}/`, reason: 'not-searched' });
      continue;
    }
    collectFiles(child, `${prefix}${name}/`, out, skillPath, skipped);
  }
}

function sorted(folders: Map<string, Folder>): Array<[string, Folder]> {
  return [...folders].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}
