import { ARCHIVE_LIMITS, unsafeEntryName } from './archive';
import { UrlLoadError } from './urlLoad';

// The Agent Skills Discovery index (Cloudflare's RFC, agentskills.io "Well-Known URI"): where a
// site publishes it, what it says, and how its digests are checked. Plain functions, no fetching.

/** The `$schema` of the index this playground reads, besides v0.1 (which has none). */
export const INDEX_SCHEMA_0_2 = 'https://schemas.agentskills.io/discovery/0.2.0/schema.json';

/** Where a site publishes its index, and the path earlier drafts used. */
const AGENT_SKILLS_PATH = '/.well-known/agent-skills/';
const OLD_SKILLS_PATH = '/.well-known/skills/';

/** What an index entry points at: one SKILL.md, an archive of the skill folder, or (v0.1) files. */
export type IndexArtifact =
  | {
      type: 'skill-md' | 'archive';
      /** The artifact, resolved against the index's URL. */
      url: string;
      /** 64 lowercase hex digits; null only in a v0.1 index, which may have none. */
      digest: string | null;
    }
  | {
      type: 'files';
      /** The skill's folder: the index's folder and the skill's name. */
      folder: string;
      files: Array<{ path: string; digest: string | null }>;
    };

export type IndexedSkill = { name: string; description: string } & IndexArtifact;

/** An index as read: the skills it offers, and sentences about what was skipped or unchecked. */
export interface DiscoveryIndex {
  /** Where the index was read from: relative URLs in it resolve against this. */
  url: string;
  version: '0.2.0' | '0.1.0';
  skills: IndexedSkill[];
  warnings: string[];
}

/** Shown in the list; the RFC allows 1024 characters, the rest is cut. */
const MAX_DESCRIPTION = 1024;

/**
 * The index URLs to try for what the person typed, in order, or null when it names no index: a
 * site's root tries the well-known index and then the path earlier drafts used; the well-known
 * folder (or its index.json) falls back to the older path the same way.
 */
export function indexCandidates(url: URL): URL[] | null {
  const path = url.pathname;
  const at = (folder: string) => new URL(`${folder}index.json`, url.origin);
  const matches = (folder: string) =>
    path === folder || path === folder.slice(0, -1) || path === `${folder}index.json`;
  if (path === '/' || matches(AGENT_SKILLS_PATH)) {
    return [at(AGENT_SKILLS_PATH), at(OLD_SKILLS_PATH)];
  }
  if (matches(OLD_SKILLS_PATH)) return [at(OLD_SKILLS_PATH)];
  return null;
}

/** JSON that is a discovery index rather than a folder's list of files. */
export function looksLikeIndex(json: unknown): boolean {
  return isObject(json) && ('skills' in json || '$schema' in json);
}

/**
 * Reads an index's text. A malformed index or an unknown `$schema` is refused with a sentence;
 * an entry that cannot be used is skipped, and a warning says which and why.
 */
export function parseDiscoveryIndex(text: string, indexUrl: string): DiscoveryIndex {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new UrlLoadError(
      'BadIndex',
      `${indexUrl} is not valid JSON (${(error as Error).message}), so its skills cannot be listed.`,
      false,
    );
  }
  return readDiscoveryIndex(json, indexUrl);
}

export function readDiscoveryIndex(json: unknown, indexUrl: string): DiscoveryIndex {
  if (!isObject(json) || !Array.isArray(json.skills)) {
    throw new UrlLoadError(
      'BadIndex',
      `${indexUrl} has no "skills" list, so it is not an Agent Skills index.`,
      false,
    );
  }
  const schema = json.$schema;
  if (schema !== undefined && schema !== INDEX_SCHEMA_0_2) {
    throw new UrlLoadError(
      'UnknownIndexSchema',
      `${indexUrl} is an Agent Skills index of a version this playground does not know ($schema ${JSON.stringify(schema)}); it reads ${INDEX_SCHEMA_0_2} and v0.1 indexes without $schema, so nothing was loaded from it.`,
      false,
    );
  }
  if (json.skills.length > ARCHIVE_LIMITS.maxEntries) {
    throw new UrlLoadError(
      'TooLarge',
      `${indexUrl} lists more than ${ARCHIVE_LIMITS.maxEntries} skills, more than the playground lists at once.`,
      false,
    );
  }
  const version = schema === undefined ? '0.1.0' : '0.2.0';
  const warnings: string[] = [];
  const skills: IndexedSkill[] = [];
  const names = new Set<string>();
  for (const [position, raw] of json.skills.entries()) {
    const read = readEntry(raw, version, indexUrl);
    if ('skipped' in read) {
      warnings.push(`Skipped ${describeEntry(raw, position)}: ${read.skipped}.`);
      continue;
    }
    // Two entries of one name could not be told apart in the list: the first is kept.
    if (names.has(read.name)) {
      warnings.push(`Skipped a second skill named "${read.name}".`);
      continue;
    }
    names.add(read.name);
    skills.push(read);
  }
  if (version === '0.1.0' && skills.some((s) => !hasDigests(s))) {
    warnings.unshift(
      'This index has no $schema (an Agent Skills index v0.1): what it lists carries no digests, so its files cannot be checked against it.',
    );
  }
  return { url: indexUrl, version, skills, warnings };
}

function readEntry(
  raw: unknown,
  version: DiscoveryIndex['version'],
  indexUrl: string,
): IndexedSkill | { skipped: string } {
  if (!isObject(raw)) return { skipped: 'it is not an object' };
  const { name, description, type, url, digest, files } = raw;
  if (typeof name !== 'string' || !isSkillName(name)) {
    return { skipped: 'its name is not one a skill folder can have' };
  }
  let text = typeof description === 'string' ? description : '';
  if (text.length > MAX_DESCRIPTION) text = `${text.slice(0, MAX_DESCRIPTION)}…`;
  const base = { name, description: text };

  // v0.1 listed each skill's files, found under the index's folder by the skill's name.
  if (version === '0.1.0' && type === undefined && Array.isArray(files)) {
    const listed: Array<{ path: string; digest: string | null }> = [];
    for (const file of files) {
      const path = typeof file === 'string' ? file : isObject(file) ? file.path : undefined;
      const fileDigest = isObject(file) ? file.digest : undefined;
      if (typeof path !== 'string') return { skipped: 'its files list holds something not a path' };
      const hex = fileDigest === undefined ? null : digestHex(fileDigest);
      if (hex === undefined) return { skipped: `the digest of ${path} is malformed` };
      listed.push({ path, digest: hex });
    }
    if (!listed.some((f) => f.path === 'SKILL.md'))
      return { skipped: 'its files hold no SKILL.md' };
    const folder = new URL(`${encodeURIComponent(name)}/`, indexUrl).href;
    return { ...base, type: 'files', folder, files: listed };
  }

  if (type !== 'skill-md' && type !== 'archive') {
    return {
      skipped:
        typeof type === 'string'
          ? `its type "${type}" is not one this playground knows (skill-md, archive)`
          : 'it has no type (skill-md or archive)',
    };
  }
  const resolved = resolveArtifactUrl(url, indexUrl);
  if (!resolved) return { skipped: 'its url is not an http or https URL' };
  const hex = digest === undefined && version === '0.1.0' ? null : digestHex(digest);
  if (hex === undefined) {
    return { skipped: 'its digest is not "sha256:" followed by 64 lowercase hex digits' };
  }
  return { ...base, type, url: resolved, digest: hex };
}

/**
 * An artifact's URL resolved against the index's (RFC 3986, as the RFC asks): relative, path-
 * absolute, or absolute on another host (a CDN). Only http and https are fetched.
 */
export function resolveArtifactUrl(url: unknown, indexUrl: string): string | null {
  if (typeof url !== 'string' || url.trim() === '') return null;
  try {
    const resolved = new URL(url, indexUrl);
    return resolved.protocol === 'https:' || resolved.protocol === 'http:' ? resolved.href : null;
  } catch {
    return null;
  }
}

/** The hex of a `sha256:` digest, or undefined when it is not one. */
export function digestHex(digest: unknown): string | undefined {
  if (typeof digest !== 'string') return undefined;
  const match = /^sha256:([0-9a-f]{64})$/.exec(digest);
  return match ? match[1] : undefined;
}

/** A name that can be a folder: one path segment, no `..`, as long as the spec allows. */
function isSkillName(name: string): boolean {
  return (
    name.length > 0 &&
    name.length <= 64 &&
    !/[/\\%\0]/.test(name) &&
    name !== '.' &&
    !unsafeEntryName(name)
  );
}

function hasDigests(skill: IndexedSkill): boolean {
  return skill.type === 'files' ? skill.files.every((f) => f.digest) : skill.digest !== null;
}

function describeEntry(raw: unknown, position: number): string {
  return isObject(raw) && typeof raw.name === 'string' && raw.name.length <= 64
    ? `"${raw.name}"`
    : `entry ${position + 1}`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// ---- digests ---------------------------------------------------------------------------------

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as BufferSource));
  return [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Refuses bytes whose SHA-256 is not the one the index gives: the RFC forbids using them. The
 * sentence shows both digests, so a publisher can tell a stale index from a changed file.
 */
export async function checkDigest(
  bytes: Uint8Array,
  expected: string,
  what: { skill: string; url: string },
): Promise<void> {
  const actual = await sha256Hex(bytes);
  if (actual === expected) return;
  throw new UrlLoadError(
    'DigestMismatch',
    `${what.skill} was refused: ${what.url} does not match the index's digest. The index says sha256:${expected}; what was served is sha256:${actual}. Nothing was imported.`,
    false,
  );
}
