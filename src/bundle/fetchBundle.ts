import { ARCHIVE_LIMITS, isZip, unsafeEntryName } from './archive';
import type { PickedFile } from './types';
import { isGzip } from './untar';
import { unpackArchive } from './unpackArchive';
import { wasmKind } from './wasmKind';
import { Load, UrlLoadError, type UrlLoadOptions } from './urlLoad';

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
 * Fetches a skill from a URL: a `.zip`/`.skill`/`.tar.gz` archive, a `.wasm` file, a folder URL that serves
 * SKILL.md (and an `index.json` listing its other files), or a GitHub tree or blob link (through
 * GitHub's public API). Every file is fetched before anything is returned, so a failure leaves
 * nothing half-imported.
 */
export async function fetchSkillFiles(
  input: string,
  base: string,
  options: UrlLoadOptions = {},
): Promise<PickedFile[]> {
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
  const load = new Load(url.href, options);
  try {
    return await fetchFrom(url, load);
  } catch (error) {
    // Whatever a stopped load was doing when it stopped, the reason it stopped is what to say.
    throw load.stopped ?? error;
  } finally {
    load.end();
  }
}

async function fetchFrom(url: URL, load: Load): Promise<PickedFile[]> {
  const github = parseGitHubUrl(url);
  if (github) return fetchGitHub(github, load);

  const response = await load.get(url);
  const bytes = await load.read(response, url);
  const name = lastSegment(url) || url.hostname;
  if (isZip(bytes))
    return unpackArchive(bytes, /\.(zip|skill)$/i.test(name) ? name : `${name}.zip`, {
      signal: load.signal,
    });
  if (isGzip(bytes)) {
    return unpackArchive(bytes, /\.(tar\.gz|tgz)$/i.test(name) ? name : `${name}.tar.gz`, {
      signal: load.signal,
    });
  }
  if (wasmKind(bytes) !== 'not-wasm') {
    return [
      { path: name.endsWith('.wasm') ? name : `${name}.wasm`, file: new Blob([bytes as BlobPart]) },
    ];
  }
  if (/\/skill\.md$/i.test(url.pathname) && looksLikeSkillMd(response, bytes)) {
    return fetchFolder(new URL('.', url), bytes, load);
  }
  if (!/\.[a-z0-9]+$/i.test(url.pathname)) {
    // A folder URL: its SKILL.md sits beside it.
    const folder = new URL(url.pathname.endsWith('/') ? url.href : `${url.href}/`);
    const skillMd = await load.get(new URL('SKILL.md', folder), true);
    if (skillMd) {
      const mdBytes = await load.read(skillMd, new URL('SKILL.md', folder));
      if (looksLikeSkillMd(skillMd, mdBytes)) return fetchFolder(folder, mdBytes, load);
    }
  }
  throw new UrlLoadError(
    'NotASkill',
    `What ${url.href} serves is not a skill: expected a .zip, .skill or .tar.gz archive, a .wasm file, or a folder that serves SKILL.md.`,
    false,
  );
}

async function fetchFolder(folder: URL, skillMd: Uint8Array, load: Load): Promise<PickedFile[]> {
  const root = lastSegment(folder) || folder.hostname;
  const files: PickedFile[] = [{ path: `${root}/SKILL.md`, file: new Blob([skillMd as BlobPart]) }];
  // A server that cannot list a folder may list it in index.json: ["skill.wasm", ...] or {"files": [...]}.
  const index = await load.get(new URL('index.json', folder), true);
  if (!index) return files;
  let listed: unknown;
  try {
    listed = JSON.parse(
      new TextDecoder().decode(await load.read(index, new URL('index.json', folder))),
    );
  } catch (error) {
    if (error instanceof UrlLoadError) throw error;
    return files;
  }
  const paths = Array.isArray(listed) ? listed : (listed as { files?: unknown })?.files;
  if (!Array.isArray(paths)) return files;
  if (paths.length > ARCHIVE_LIMITS.maxEntries) {
    throw new UrlLoadError(
      'TooLarge',
      `index.json lists more than ${ARCHIVE_LIMITS.maxEntries} files, more than a skill may hold.`,
      false,
    );
  }
  const taken = new Set(['SKILL.md']);
  for (const path of paths) {
    if (typeof path !== 'string' || /^skill\.md$/i.test(path) || path === 'index.json') continue;
    const entry = folderEntry(folder, path);
    // The same file listed twice, in two spellings, is fetched once.
    if (taken.has(entry.name)) continue;
    taken.add(entry.name);
    const response = await load.get(entry.url);
    files.push({
      path: `${root}/${entry.name}`,
      file: new Blob([(await load.read(response, entry.url)) as BlobPart]),
    });
  }
  return files;
}

/**
 * Where a file index.json lists is fetched from, and its name in the skill, if it stays inside
 * the folder. The name is checked as written, and again once resolved: `new URL` reads `%2e%2e`
 * as `..` and `\` as `/`, and a server may decode `%2f` into a folder boundary. The name kept is
 * the resolved path's, so it is the file that was fetched.
 */
function folderEntry(folder: URL, path: string): { url: URL; name: string } {
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
  const files: PickedFile[] = [];
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
    for (const entry of listing) {
      const relative = where.path ? entry.path.slice(where.path.length + 1) : entry.path;
      if (entry.type === 'dir') await walk(entry.path);
      else if (entry.type === 'file' && entry.download_url) {
        const fileUrl = new URL(entry.download_url);
        const body = await load.read(await load.get(fileUrl), fileUrl);
        files.push({ path: `${root}/${relative}`, file: new Blob([body as BlobPart]) });
      }
    }
  };
  await walk(where.path);
  if (!files.some((f) => /\/skill\.md$/i.test(f.path) && f.path.split('/').length === 2)) {
    throw new UrlLoadError(
      'NotASkill',
      `github.com/${where.owner}/${where.repo}/${where.path} has no SKILL.md.`,
      false,
    );
  }
  return files;
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
