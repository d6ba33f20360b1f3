import { ARCHIVE_LIMITS, unsafeEntryName } from './archive';
import { archiveFormat, unpackFetchedArchive } from './fetchedArchive';
import { mapBounded, PARALLEL_FETCHES } from './mapBounded';
import type { PickedFile } from './types';
import { wasmKind } from './wasmKind';
import { Load, UrlLoadError, type UrlLoadOptions } from './urlLoad';
import {
  indexCandidates,
  looksLikeIndex,
  parseDiscoveryIndex,
  readDiscoveryIndex,
  type DiscoveryIndex,
} from './wellKnownIndex';

export {
  describeProgress,
  formatBytes,
  MAX_URL_BYTES,
  URL_LOAD_LIMITS,
  UrlLoadError,
  type UrlLoadErrorCode,
  type UrlLoadOptions,
  type UrlLoadProgress,
} from './urlLoad';

/**
 * What a URL gave: a skill's files (with sentences about what could not come along), or a site's
 * Agent Skills index, whose skills the person then picks from.
 */
export type UrlContent =
  | { kind: 'files'; files: PickedFile[]; notes: string[] }
  | { kind: 'index'; index: DiscoveryIndex };

/**
 * Fetches a skill from a URL: a `.zip`/`.skill` archive, a `.wasm` file, a folder URL that serves
 * SKILL.md (and an `index.json` listing its other files), a GitHub tree or blob link (through
 * GitHub's public API), or a site, its `/.well-known/agent-skills/` folder or an index.json that
 * publishes an Agent Skills index. Every file is fetched before anything is returned, so a failure
 * leaves nothing half-imported.
 */
export async function fetchFromUrl(
  input: string,
  base: string,
  options: UrlLoadOptions = {},
): Promise<UrlContent> {
  const url = parseLoadUrl(input, base);
  const load = new Load(url.href, options);
  try {
    return await fetchFrom(url, load);
  } catch (error) {
    // Whatever a stopped load was doing when it stopped, the reason it stopped is what to say.
    const reason = load.stopped ?? error;
    load.abandon();
    throw reason;
  } finally {
    load.end();
  }
}

/** The URL to load, absolute, and only http or https. */
export function parseLoadUrl(input: string, base: string): URL {
  let url: URL;
  try {
    url = new URL(input.trim(), base);
  } catch {
    throw new UrlLoadError('InvalidUrl', `"${input}" is not a URL.`, false);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new UrlLoadError(
      'UnsupportedProtocol',
      `Only http and https URLs can be loaded, not ${url.protocol}`,
      false,
    );
  }
  return url;
}

const filesOnly = (files: PickedFile[]): UrlContent => ({ kind: 'files', files, notes: [] });

async function fetchFrom(url: URL, load: Load): Promise<UrlContent> {
  const github = parseGitHubUrl(url);
  if (github) return filesOnly(await fetchGitHub(github, load));

  const candidates = indexCandidates(url);
  if (candidates) {
    const index = await fetchIndex(candidates, load);
    if (index) return { kind: 'index', index };
    // A site's root may still be a skill folder; the well-known folder itself cannot.
    if (url.pathname !== '/') {
      throw new UrlLoadError(
        'NotFound',
        `No Agent Skills index at ${candidates.map((c) => c.href).join(' or ')}.`,
        false,
      );
    }
  }

  // A folder URL may answer 404 (or a page) and still serve SKILL.md beneath it.
  const isFolderUrl = !/\.[a-z0-9]+$/i.test(url.pathname);
  const response = await load.get(url, isFolderUrl);
  if (response) {
    const bytes = await load.read(response, url);
    const name = lastSegment(url) || url.hostname;
    const format = archiveFormat(bytes);
    if (format) return filesOnly(await unpackFetchedArchive(bytes, format, name, load.signal));
    if (wasmKind(bytes) !== 'not-wasm') {
      const path = name.endsWith('.wasm') ? name : `${name}.wasm`;
      return filesOnly([{ path, file: new Blob([bytes as BlobPart]) }]);
    }
    if (/\/skill\.md$/i.test(url.pathname) && looksLikeSkillMd(response, bytes)) {
      return fetchFolder(new URL('.', url), bytes, load);
    }
    if (/\/index\.json$/i.test(url.pathname)) {
      const json = parseJson(bytes);
      if (looksLikeIndex(json)) {
        return { kind: 'index', index: readDiscoveryIndex(json, response.url || url.href) };
      }
      // A folder's list of files: the skill is the folder that holds it.
      const listed = listedPaths(json);
      if (listed) {
        const folder = new URL('.', url);
        const skillMd = await fetchSkillMd(folder, load);
        if (skillMd) return fetchFolder(folder, skillMd, load, listed);
      }
    }
  }
  if (isFolderUrl) {
    const folder = new URL(url.pathname.endsWith('/') ? url.href : `${url.href}/`);
    const skillMd = await fetchSkillMd(folder, load);
    if (skillMd) return fetchFolder(folder, skillMd, load);
  }
  throw new UrlLoadError(
    'NotASkill',
    `What ${url.href} serves is not a skill: expected a .zip, .skill or .tar.gz archive, a .wasm file, a folder that serves SKILL.md, or a site that publishes an Agent Skills index (/.well-known/agent-skills/index.json).`,
    false,
  );
}

/**
 * The first index found among the candidates; absent ones (404, a page) are passed over, and so
 * is one that cannot be read at all while another is left to try: many hosts send no CORS header
 * with a 404, which the page sees as a network failure.
 */
async function fetchIndex(candidates: URL[], load: Load): Promise<DiscoveryIndex | null> {
  for (const [i, candidate] of candidates.entries()) {
    let response: Response | null;
    try {
      response = await load.get(candidate, true);
    } catch (error) {
      const last = i === candidates.length - 1;
      if (last || load.stopped || !(error instanceof UrlLoadError)) throw error;
      if (error.code !== 'Unreachable') throw error;
      continue;
    }
    if (!response) continue;
    const text = new TextDecoder().decode(await load.read(response, candidate));
    // Relative artifact URLs resolve against where the index was read, redirects followed.
    return parseDiscoveryIndex(text, response.url || candidate.href);
  }
  return null;
}

/** The folder's SKILL.md, or null when it serves none (or serves a page in its place). */
async function fetchSkillMd(folder: URL, load: Load): Promise<Uint8Array | null> {
  const url = new URL('SKILL.md', folder);
  const response = await load.get(url, true);
  if (!response) return null;
  const bytes = await load.read(response, url);
  return looksLikeSkillMd(response, bytes) ? bytes : null;
}

async function fetchFolder(
  folder: URL,
  skillMd: Uint8Array,
  load: Load,
  listed?: unknown[],
): Promise<UrlContent> {
  const root = lastSegment(folder) || folder.hostname;
  const files: PickedFile[] = [{ path: `${root}/SKILL.md`, file: new Blob([skillMd as BlobPart]) }];
  // A server that cannot list a folder may list it in index.json: ["skill.wasm", ...] or {"files": [...]}.
  const paths = listed ?? (await fetchListing(folder, load));
  if (!paths) {
    return {
      kind: 'files',
      files,
      notes: [
        `${folder.href}: only SKILL.md was fetched: this server does not list the folder; publish an archive, an index.json of its files, or a well-known index.`,
      ],
    };
  }
  if (paths.length > ARCHIVE_LIMITS.maxEntries) {
    throw new UrlLoadError(
      'TooLarge',
      `index.json lists more than ${ARCHIVE_LIMITS.maxEntries} files, more than a skill may hold.`,
      false,
    );
  }
  // Every path is checked before the first is fetched: one that leaves the folder stops the load.
  const taken = new Set(['SKILL.md']);
  const entries: Array<{ url: URL; name: string }> = [];
  for (const path of paths) {
    if (typeof path !== 'string' || /^skill\.md$/i.test(path) || path === 'index.json') continue;
    const entry = folderEntry(folder, path);
    // The same file listed twice, in two spellings, is fetched once.
    if (taken.has(entry.name)) continue;
    taken.add(entry.name);
    entries.push(entry);
  }
  const fetched = await mapBounded(entries, PARALLEL_FETCHES, async (entry) => ({
    path: `${root}/${entry.name}`,
    file: new Blob([(await load.read(await load.get(entry.url), entry.url)) as BlobPart]),
  }));
  return { kind: 'files', files: [...files, ...fetched], notes: [] };
}

/** The paths a folder's index.json lists, or null when it has none (or not a list of paths). */
async function fetchListing(folder: URL, load: Load): Promise<unknown[] | null> {
  const url = new URL('index.json', folder);
  const response = await load.get(url, true);
  if (!response) return null;
  return listedPaths(parseJson(await load.read(response, url)));
}

function listedPaths(json: unknown): unknown[] | null {
  if (looksLikeIndex(json)) return null;
  const paths = Array.isArray(json) ? json : (json as { files?: unknown } | null)?.files;
  return Array.isArray(paths) ? paths : null;
}

function parseJson(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder().decode(bytes).replace(/^\uFEFF/, ''));
  } catch {
    return undefined;
  }
}

/**
 * Where a file index.json lists is fetched from, and its name in the skill, if it stays inside
 * the folder. The name is checked as written, and again once resolved: `new URL` reads `%2e%2e`
 * as `..` and `\` as `/`, and a server may decode `%2f` into a folder boundary. The name kept is
 * the resolved path's, so it is the file that was fetched.
 */
export function folderEntry(folder: URL, path: string): { url: URL; name: string } {
  const outside = new UrlLoadError(
    'OutsideFolder',
    `index.json lists "${path}", which is outside the skill's folder.`,
    false,
  );
  if (unsafeEntryName(path) || /^[a-z][a-z0-9+.-]*:/i.test(path) || /%(2f|5c)/i.test(path)) {
    throw outside;
  }
  let resolved: URL;
  try {
    resolved = new URL(path, folder);
  } catch {
    throw outside;
  }
  if (resolved.origin !== folder.origin || !resolved.pathname.startsWith(folder.pathname)) {
    throw outside;
  }
  const segments = resolved.pathname
    .slice(folder.pathname.length)
    .split('/')
    .filter((segment) => segment !== '');
  const name = segments.map(decodeSegment).join('/');
  if (segments.length === 0 || unsafeEntryName(name)) throw outside;
  return { url: new URL(segments.join('/') + resolved.search, folder), name };
}

/** `my%20notes.md` is the file `my notes.md`; a malformed escape is kept as it is written. */
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

// ---- GitHub ----------------------------------------------------------------------------------

interface GitHubLocation {
  owner: string;
  repo: string;
  ref: string;
  path: string;
}

/** `github.com/<owner>/<repo>/tree/<ref>/<path>`, or a `blob/` link to a SKILL.md in it. */
export function parseGitHubUrl(url: URL): GitHubLocation | null {
  if (url.hostname !== 'github.com') return null;
  const [owner, repo, kind, ref, ...rest] = url.pathname.split('/').filter(Boolean);
  if (!owner || !repo || !ref || (kind !== 'tree' && kind !== 'blob')) return null;
  let path = rest.join('/');
  if (kind === 'blob') {
    if (!/(^|\/)skill\.md$/i.test(path)) return null;
    path = path.split('/').slice(0, -1).join('/');
  }
  return { owner, repo, ref, path };
}

interface GitHubEntry {
  type: 'file' | 'dir' | string;
  path: string;
  name: string;
  download_url: string | null;
}

async function fetchGitHub(where: GitHubLocation, load: Load): Promise<PickedFile[]> {
  const root = where.path.split('/').pop() || where.repo;
  const picked: PickedFile[] = [];
  const walk = async (path: string) => {
    const api = new URL(
      `https://api.github.com/repos/${where.owner}/${where.repo}/contents/${path}?ref=${encodeURIComponent(where.ref)}`,
    );
    const response = await load.get(api);
    const listing = JSON.parse(new TextDecoder().decode(await load.read(response, api))) as
      GitHubEntry[] | GitHubEntry;
    if (!Array.isArray(listing))
      throw new UrlLoadError(
        'NotASkill',
        `${path || where.repo} is a file, not a skill folder.`,
        false,
      );
    const files = listing.filter((entry) => entry.type === 'file' && entry.download_url);
    const fetched = await mapBounded(files, PARALLEL_FETCHES, async (entry) => {
      const relative = where.path ? entry.path.slice(where.path.length + 1) : entry.path;
      const fileUrl = new URL(entry.download_url!);
      const body = await load.read(await load.get(fileUrl), fileUrl);
      return { path: `${root}/${relative}`, file: new Blob([body as BlobPart]) };
    });
    picked.push(...fetched);
    for (const entry of listing) if (entry.type === 'dir') await walk(entry.path);
  };
  await walk(where.path);
  if (!picked.some((f) => /\/skill\.md$/i.test(f.path) && f.path.split('/').length === 2)) {
    throw new UrlLoadError(
      'NotASkill',
      `github.com/${where.owner}/${where.repo}/${where.path} has no SKILL.md.`,
      false,
    );
  }
  return picked;
}

function looksLikeSkillMd(response: Response, bytes: Uint8Array): boolean {
  if ((response.headers.get('content-type') ?? '').includes('text/html')) return false;
  return new TextDecoder()
    .decode(bytes.subarray(0, 8))
    .replace(/^\uFEFF/, '')
    .startsWith('---');
}

function lastSegment(url: URL): string {
  return decodeSegment(url.pathname.split('/').filter(Boolean).pop() ?? '');
}
