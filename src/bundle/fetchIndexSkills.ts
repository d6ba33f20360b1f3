import { folderEntry } from './fetchBundle';
import { archiveFormat, declaredArchive, unpackFetchedArchive } from './fetchedArchive';
import { mapBounded, PARALLEL_FETCHES } from './mapBounded';
import type { Bundle, PickedFile } from './types';
import { Load, UrlLoadError, type UrlLoadOptions } from './urlLoad';
import { checkDigest, type DiscoveryIndex, type IndexedSkill } from './wellKnownIndex';
import type { FileMap } from '../vfs';

/** The skills picked from an index, each a bundle whose source is its artifact's URL. */
export interface IndexSkillsFetched {
  bundles: Bundle[];
  /** Sentences about what came but not as the index said. */
  notes: string[];
}

/** One request of the load: a file, the digest it must have, and where it goes. */
interface Download {
  skill: IndexedSkill;
  url: URL;
  digest: string | null;
  /** The file's path in the skill (v0.1 files); absent for a whole artifact. */
  path?: string;
}

/**
 * Fetches the skills the person picked from an index, a few requests at a time, within one URL
 * load's walls (byte cap, timeouts, cancel). Every artifact is checked against its digest before
 * it is used, and every skill is fetched and checked before any is returned: one refused artifact
 * imports nothing.
 */
export async function fetchIndexSkills(
  index: DiscoveryIndex,
  names: readonly string[],
  options: UrlLoadOptions = {},
): Promise<IndexSkillsFetched> {
  const picked = names.map((name) => {
    const skill = index.skills.find((s) => s.name === name);
    if (!skill) {
      throw new UrlLoadError('NotASkill', `${index.url} lists no skill named "${name}".`, false);
    }
    return skill;
  });
  const load = new Load(index.url, options);
  try {
    // Every path of a v0.1 skill is checked before the first request.
    const downloads = picked.flatMap(downloadsOf);
    const fetched = await mapBounded(downloads, PARALLEL_FETCHES, async (download) => {
      const response = await load.get(download.url);
      const bytes = await load.read(response, download.url);
      if (download.digest) {
        await checkDigest(bytes, download.digest, {
          skill: download.skill.name,
          url: download.url.href,
        });
      }
      return { download, bytes, contentType: response.headers.get('content-type') };
    });
    const notes: string[] = [];
    const bundles: Bundle[] = [];
    for (const skill of picked) {
      const mine = fetched.filter((f) => f.download.skill === skill);
      if (skill.type === 'skill-md') {
        bundles.push(bundleOf(skill, skill.url, new Map([['SKILL.md', mine[0]!.bytes]])));
      } else if (skill.type === 'files') {
        const files: FileMap = new Map(mine.map((f) => [f.download.path!, f.bytes]));
        bundles.push(bundleOf(skill, skill.folder, files));
      } else {
        const { bytes, contentType } = mine[0]!;
        const files = await unpack(skill, bytes, contentType, load);
        if (files.outside > 0) {
          notes.push(
            `${skill.name}: ${files.outside} file(s) of its archive lie outside the folder of its SKILL.md and were left out.`,
          );
        }
        bundles.push(bundleOf(skill, skill.url, files.files));
      }
    }
    return { bundles, notes };
  } catch (error) {
    const reason = load.stopped ?? error;
    load.abandon();
    throw reason;
  } finally {
    load.end();
  }
}

function downloadsOf(skill: IndexedSkill): Download[] {
  if (skill.type !== 'files') return [{ skill, url: new URL(skill.url), digest: skill.digest }];
  const folder = new URL(skill.folder);
  const seen = new Set<string>();
  const downloads: Download[] = [];
  for (const file of skill.files) {
    const { url, name } = folderEntry(folder, file.path);
    if (seen.has(name)) continue;
    seen.add(name);
    downloads.push({ skill, url, digest: file.digest, path: name });
  }
  return downloads;
}

function bundleOf(skill: IndexedSkill, url: string, files: FileMap): Bundle {
  return { rootName: skill.name, files, source: { kind: 'url', url } };
}

/**
 * An archive artifact's files, relative to the folder of its SKILL.md: the RFC puts SKILL.md at
 * the archive's root, and an archive wrapped in one folder is read as if it were not.
 */
async function unpack(
  skill: { name: string; url: string },
  bytes: Uint8Array,
  contentType: string | null,
  load: Load,
): Promise<{ files: FileMap; outside: number }> {
  const format = archiveFormat(bytes);
  if (!format) {
    const declared = declaredArchive(contentType, skill.url);
    throw new UrlLoadError(
      'NotASkill',
      `${skill.name}: ${skill.url} is ${declared ? `served as a ${declared} archive but is not one` : 'neither a .zip nor a .tar.gz archive'}, so it cannot be unpacked.`,
      false,
    );
  }
  const picked = await unpackFetchedArchive(bytes, format, skill.name, load.signal);
  const root = skillRoot(picked);
  if (root === null) {
    throw new UrlLoadError(
      'NotASkill',
      `${skill.name}: the archive at ${skill.url} has no SKILL.md at its root.`,
      false,
    );
  }
  const files: FileMap = new Map();
  let outside = 0;
  for (const item of picked) {
    if (!item.path.startsWith(root)) {
      outside += 1;
      continue;
    }
    files.set(item.path.slice(root.length), new Uint8Array(await item.file.arrayBuffer()));
  }
  return { files, outside };
}

/** The folder (with its trailing slash) of the shallowest SKILL.md, or null without one. */
function skillRoot(picked: PickedFile[]): string | null {
  let best: string | null = null;
  for (const { path } of picked) {
    const slash = path.lastIndexOf('/');
    const folder = path.slice(0, slash + 1);
    // The two spellings analyzeBundle reads.
    if (!/^(SKILL|skill)\.md$/.test(path.slice(slash + 1))) continue;
    if (best === null || folder.split('/').length < best.split('/').length) best = folder;
  }
  return best;
}
