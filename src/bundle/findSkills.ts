import { ArchiveError } from './archive';
import { ARCHIVE_NAME } from './archiveRules';
import { CAPSULE_FILE } from './capsuleManifest';
import { discoverSkills, type SkillMarker, type SkipReason } from './discoverSkills';
import { parseSkillSpec } from './parseSkillSpec';
import { MAX_FRONTMATTER_CHARS } from './skillMd';
import { skillMdFromSkillSpec } from './skillSpec';
import type { Bundle, BundleSource, PickedFile } from './types';
import { unpackArchive } from './unpackArchive';
import type { FileMap } from '../vfs';

// What one drop, pick or fetch holds: each folder and archive in it searched for skills
// (discoverSkills), each loose .wasm or SkillSpec .json a skill of its own, and everything else
// said. Only what a SkillSpec needs is read here; a skill's files are read when it is opened.

/** A browser tab cannot hold everything; past this a drop is refused with a message. */
export const MAX_PICKED_BYTES = 256 * 1024 * 1024;

/** A skill found, its files not read yet: handles of picked files, or an archive's entries. */
export interface FoundSkill {
  /** Its folder's name (for a loose file, the file's name without extension). */
  rootName: string;
  source: BundleSource;
  files: ReadonlyMap<string, Blob>;
  /** Why it is a skill: what its folder holds, or a file that is one on its own. */
  marker: SkillMarker | 'file';
}

/** Something that is in no skill, where it was found (a folder's or an archive's name) and why. */
export interface SkippedItem {
  in: string;
  path: string;
  reason: SkipReason;
}

export interface Found {
  skills: FoundSkill[];
  /** The folders, archives and files searched, by name, in the order they came. */
  searched: string[];
  skipped: SkippedItem[];
  /** Sentences about what could not be opened at all: a refused archive, a file that is no skill. */
  problems: string[];
}

interface Container {
  kind: 'folder' | 'archive';
  /** The folder's name, or the archive's file name. */
  name: string;
  /** The name of a skill that is the container itself. */
  rootName: string;
  files: Map<string, Blob>;
  /** Files that were tar links, by path, and the path of the file each copies. */
  links?: Map<string, string>;
}

/**
 * Finds the skills in what was handed over. Each top-level folder and each archive is searched
 * at any depth (see discoverSkills); a loose `.wasm` or SkillSpec `.json` is a skill of its own.
 * Nothing is dropped without a word: what is not a skill comes back in `skipped` or `problems`.
 */
export async function findSkills(picked: PickedFile[]): Promise<Found> {
  const found: Found = { skills: [], searched: [], skipped: [], problems: [] };
  const folders = new Map<string, Container>();
  const containers: Container[] = [];
  for (const item of picked) {
    if (/^[^/]+\/$/.test(item.path)) {
      // A folder the drop did not read (.git, node_modules): see pickedFromDataTransfer.
      found.skipped.push({ in: item.path.slice(0, -1), path: '', reason: 'not-searched' });
      continue;
    }
    const slash = item.path.indexOf('/');
    if (slash < 0) {
      const container = await looseFile(item, found);
      if (container) containers.push(container);
      continue;
    }
    const top = item.path.slice(0, slash);
    let folder = folders.get(top);
    if (!folder) {
      folder = { kind: 'folder', name: top, rootName: top, files: new Map() };
      folders.set(top, folder);
      containers.push(folder);
    }
    folder.files.set(item.path.slice(slash + 1), item.file);
    // Fetched archives come as files under one folder; their links are checked as a picked one's.
    if (item.linkTo?.startsWith(`${top}/`)) {
      (folder.links ??= new Map()).set(item.path.slice(slash + 1), item.linkTo.slice(slash + 1));
    }
  }
  for (const container of containers) search(container, found);

  const total = found.skills.reduce(
    (sum, skill) => [...skill.files.values()].reduce((n, blob) => n + blob.size, sum),
    0,
  );
  if (total > MAX_PICKED_BYTES) {
    found.problems.push(
      `The skills found hold ${formatMiB(total)} of files; the playground takes at most ${formatMiB(MAX_PICKED_BYTES)} at once.`,
    );
    found.skills = [];
  }
  return found;
}

function search(container: Container, found: Found): void {
  found.searched.push(container.name);
  const discovery = discoverSkills(container.files.keys());
  for (const skill of discovery.skills) {
    const prefix = skill.path === '' ? '' : `${skill.path}/`;
    const rootName = skill.path.split('/').pop() || container.rootName;
    const escaping = skill.files.find((file) => {
      const target = container.links?.get(prefix + file);
      return target !== undefined && !target.startsWith(prefix);
    });
    if (escaping !== undefined) {
      found.problems.push(
        `${rootName} in ${container.name} was not opened: its link "${prefix}${escaping}" points to "${container.links!.get(prefix + escaping)}", outside the skill.`,
      );
      continue;
    }
    found.skills.push({
      rootName,
      source: { kind: container.kind, name: container.name, path: skill.path },
      files: new Map(skill.files.map((file) => [file, container.files.get(prefix + file)!])),
      marker: skill.marker,
    });
  }
  for (const { path, reason } of discovery.skipped) {
    found.skipped.push({ in: container.name, path, reason });
  }
}

/** A file handed over on its own: an archive to search, or a skill, or a sentence. */
async function looseFile(item: PickedFile, found: Found): Promise<Container | null> {
  const name = item.path;
  const lower = name.toLowerCase();
  if (ARCHIVE_NAME.test(name)) {
    try {
      // The file goes to the archive worker as it is: not even its bytes are read here.
      const entries = await unpackArchive(item.file, name);
      const top = entries[0]?.path.split('/')[0] ?? name;
      const inside = (path: string) => path.slice(top.length + 1);
      const files = new Map(entries.map((e) => [inside(e.path), e.file]));
      const links = new Map(
        entries.flatMap((e) => (e.linkTo ? [[inside(e.path), inside(e.linkTo)] as const] : [])),
      );
      return { kind: 'archive', name, rootName: top, files, links };
    } catch (error) {
      if (!(error instanceof ArchiveError)) throw error;
      found.searched.push(name);
      found.problems.push(error.message);
      return null;
    }
  }
  found.searched.push(name);
  if (lower.endsWith('.wasm')) {
    found.skills.push({
      rootName: name.replace(/\.wasm$/i, ''),
      source: { kind: 'wasm', name },
      files: new Map([[name, item.file]]),
      marker: 'file',
    });
  } else if (lower.endsWith('.json')) {
    const imported = skillSpecSkill(name, await item.file.text());
    if ('problem' in imported) found.problems.push(imported.problem);
    else found.skills.push(imported.skill);
  } else {
    found.problems.push(describeLooseFile(name));
  }
  return null;
}

/**
 * A lone .json file is read as awaken's SkillSpec record (the only JSON form a skill takes) and
 * becomes an instructions-only skill: a SKILL.md written from it, as awaken itself writes one.
 */
function skillSpecSkill(name: string, text: string): { skill: FoundSkill } | { problem: string } {
  const parsed = parseSkillSpec(text);
  if (!parsed.ok) {
    // Some other JSON file gets one sentence; a SkillSpec with mistakes gets every mistake.
    return {
      problem: parsed.isOtherJson
        ? `${name} is not a skill: ${parsed.errors.join('; ')}.`
        : `${name} is not a SkillSpec awaken would accept: ${parsed.errors.join('; ')}.`,
    };
  }
  const { spec } = parsed;
  return {
    skill: {
      rootName: spec.id,
      source: { kind: 'skillspec', name },
      files: new Map([['SKILL.md', new Blob([skillMdFromSkillSpec(spec)])]]),
      marker: 'file',
    },
  };
}

function describeLooseFile(name: string): string {
  if (name.toLowerCase() === 'skill.md') {
    return `${name}: drop the folder that holds SKILL.md, so its other files come along.`;
  }
  return `${name} is not a skill: drop a skill folder (with SKILL.md), a .zip, .skill or .tar.gz archive, a .wasm component, or a SkillSpec .json.`;
}

/** Every file of a found skill, read now. */
export async function readFoundSkill(skill: FoundSkill): Promise<Bundle> {
  const entries = await Promise.all(
    [...skill.files].map(async ([path, blob]) => [path, await bytesOf(blob)] as const),
  );
  return {
    rootName: skill.rootName,
    source: skill.source,
    files: new Map(entries.sort(([a], [b]) => a.localeCompare(b))),
  };
}

/**
 * How much of a SKILL.md a listing reads: its name and description are in the frontmatter, which
 * is parsed only up to MAX_FRONTMATTER_CHARS (4 bytes a character at most in UTF-8, and room for
 * the fences). A longer frontmatter is listed by the folder's name either way, so a body of
 * megabytes is neither read nor decoded until the skill is opened.
 */
export const LISTING_HEAD_BYTES = 4 * (MAX_FRONTMATTER_CHARS + 64);

/** What a listing reads of a skill: the head of its SKILL.md, and its Capsule.toml. */
function manifestParts(skill: FoundSkill): Array<readonly [string, Blob]> {
  const md = ['SKILL.md', 'skill.md'].find((path) => skill.files.has(path));
  const parts: Array<readonly [string, Blob]> = [];
  if (md) parts.push([md, skill.files.get(md)!.slice(0, LISTING_HEAD_BYTES)]);
  const capsule = skill.files.get(CAPSULE_FILE);
  if (capsule) parts.push([CAPSULE_FILE, capsule]);
  return parts;
}

/**
 * Only what a listing needs of each found skill: the head of its SKILL.md (see
 * LISTING_HEAD_BYTES) and its Capsule.toml. They are read in one go, as one Blob of them all,
 * since a read costs the browser a round trip per Blob: 500 skills list in one read rather than
 * 500. Each file is a view of that one read, not a copy. A file that cannot be read (changed on
 * disk since it was picked) leaves its skill with what could be read, one file at a time.
 */
export async function readFoundManifests(skills: FoundSkill[]): Promise<Bundle[]> {
  const wanted = skills.map(manifestParts);
  let whole: Uint8Array | null = null;
  try {
    whole = await bytesOf(new Blob(wanted.flat().map(([, blob]) => blob)));
  } catch {
    // Read one by one below.
  }
  const bundle = (skill: FoundSkill, files: FileMap): Bundle => ({
    rootName: skill.rootName,
    source: skill.source,
    files,
  });
  if (whole) {
    let offset = 0;
    return skills.map((skill, i) => {
      const files: FileMap = new Map();
      for (const [path, blob] of wanted[i]!) {
        files.set(path, whole.subarray(offset, offset + blob.size));
        offset += blob.size;
      }
      return bundle(skill, files);
    });
  }
  return Promise.all(
    skills.map(async (skill, i) => {
      const files: FileMap = new Map();
      for (const [path, blob] of wanted[i]!) {
        const bytes = await bytesOf(blob).catch(() => null);
        if (bytes) files.set(path, bytes);
      }
      return bundle(skill, files);
    }),
  );
}

async function bytesOf(blob: Blob): Promise<Uint8Array> {
  return new Uint8Array(await blob.arrayBuffer());
}

function formatMiB(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
}
