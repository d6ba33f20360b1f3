import { INDEX_SCHEMA_0_2 } from '../bundle';
import type { FileMap } from '../vfs';
import { skillArchive, zipFiles } from './skillArchive';

// "Publish": a folder for any static host, in the Agent Skills Discovery layout (Cloudflare's
// RFC, v0.2.0): `/.well-known/agent-skills/index.json` lists each skill with its type, its URL
// (relative, so it resolves against the index wherever the folder is served) and the SHA-256 of
// the artifact's raw bytes. A skill that is its SKILL.md alone is published as that file
// (`skill-md`); any other as an archive whose root is the skill folder.

/** The index's `$schema`: the one the playground's own reader knows (bundle/wellKnownIndex). */
export const DISCOVERY_SCHEMA = INDEX_SCHEMA_0_2;
export const WELL_KNOWN_DIR = '.well-known/agent-skills';

export type PublishType = 'skill-md' | 'archive';

export interface SkillToPublish {
  /** The spec name, which names its folder or archive. */
  name: string;
  description: string;
  files: FileMap;
  /** Where SKILL.md is in `files` (its name's case may differ). */
  skillMdPath: string;
}

export interface DiscoveryEntry {
  name: string;
  type: PublishType;
  description: string;
  url: string;
  digest: string;
}

export interface PublishedIndex {
  $schema: typeof DISCOVERY_SCHEMA;
  skills: DiscoveryEntry[];
}

export interface PublishedFolder {
  index: PublishedIndex;
  /** Every file of the folder, path from the site's root. */
  files: FileMap;
}

/** The RFC's name rule (the Agent Skills spec's): 1–64 of a–z, 0–9 and single inner hyphens. */
const NAME = /^(?=.{1,64}$)[a-z0-9]+(-[a-z0-9]+)*$/;
const MAX_DESCRIPTION = 1024;

/** Why a skill cannot be published as it is, in a sentence; undefined when it can. */
export function publishProblem(skill: SkillToPublish): string | undefined {
  if (!NAME.test(skill.name)) {
    return `"${skill.name}" cannot name a published skill: 1 to 64 lowercase letters, digits and single hyphens, not at either end.`;
  }
  if (skill.description.trim() === '') return `${skill.name} has no description to publish.`;
  if (skill.description.length > MAX_DESCRIPTION) {
    return `${skill.name}'s description is longer than the ${MAX_DESCRIPTION} characters an index entry may hold.`;
  }
  return undefined;
}

/** How a skill is published when nothing else is asked: SKILL.md alone, or an archive. */
export function defaultPublishType(skill: SkillToPublish): PublishType {
  return skill.files.size === 1 ? 'skill-md' : 'archive';
}

/**
 * The published folder for these skills. Throws with a sentence when one cannot be published
 * (see publishProblem) or two share a name.
 */
export async function publishFolder(
  skills: Array<SkillToPublish & { type: PublishType }>,
  archiveFormat: 'zip' | 'tar.gz' = 'zip',
): Promise<PublishedFolder> {
  const files: FileMap = new Map();
  const entries: DiscoveryEntry[] = [];
  const names = new Set<string>();
  for (const skill of [...skills].sort((a, b) => a.name.localeCompare(b.name))) {
    const problem = publishProblem(skill);
    if (problem) throw new Error(problem);
    if (names.has(skill.name)) throw new Error(`Two skills are named ${skill.name}.`);
    names.add(skill.name);
    let url: string;
    let artifact: Uint8Array;
    if (skill.type === 'skill-md') {
      if (skill.files.size !== 1) {
        throw new Error(`${skill.name} has files besides SKILL.md: publish it as an archive.`);
      }
      url = `${skill.name}/SKILL.md`;
      artifact = skill.files.get(skill.skillMdPath)!;
    } else {
      const archive = await skillArchive(skill.name, skill.files, archiveFormat);
      url = archive.fileName;
      artifact = archive.bytes;
    }
    files.set(`${WELL_KNOWN_DIR}/${url}`, artifact);
    entries.push({
      name: skill.name,
      type: skill.type,
      description: skill.description,
      url,
      digest: `sha256:${await sha256Hex(artifact)}`,
    });
  }
  const index: PublishedIndex = { $schema: DISCOVERY_SCHEMA, skills: entries };
  files.set(
    `${WELL_KNOWN_DIR}/index.json`,
    new TextEncoder().encode(`${JSON.stringify(index, null, 2)}\n`),
  );
  return { index, files };
}

/** The published folder as one zip, its paths from the site's root. */
export function zipFolder(folder: PublishedFolder): Uint8Array {
  return zipFiles([...folder.files].sort(([a], [b]) => a.localeCompare(b)));
}

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
