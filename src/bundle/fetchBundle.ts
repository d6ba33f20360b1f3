import { isZip } from './archive';
import type { PickedFile } from './types';
import { unzipArchive } from './unzipArchive';
import { wasmKind } from './wasmKind';

/** Why a URL load failed. */
export type UrlLoadErrorCode =
  | 'InvalidUrl'
  | 'UnsupportedProtocol'
  | 'Unreachable'
  | 'NotFound'
  | 'RateLimited'
  | 'HttpError'
  | 'TooLarge'
  | 'OutsideFolder'
  | 'NotASkill';

/** A URL load that failed, with a sentence for the user and whether trying again may help. */
export class UrlLoadError extends Error {
  override readonly name = 'UrlLoadError';

  constructor(
    readonly code: UrlLoadErrorCode,
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
  }
}

/** Everything fetched for one URL load; past this the load is refused. */
export const MAX_URL_BYTES = 50 * 1024 * 1024;

type Fetch = typeof fetch;

/**
 * Fetches a skill from a URL: a `.zip`/`.skill` archive, a `.wasm` file, a folder URL that serves
 * SKILL.md (and an `index.json` listing its other files), or a GitHub tree or blob link (through
 * GitHub's public API). Every file is fetched before anything is returned, so a failure leaves
 * nothing half-imported.
 */
export async function fetchSkillFiles(
  input: string,
  base: string,
  fetchFn: Fetch = fetch,
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
  const github = parseGitHubUrl(url);
  if (github) return fetchGitHub(github, fetchFn);

  const budget = { left: MAX_URL_BYTES };
  const response = await get(url, fetchFn);
  const bytes = await readBody(response, url, budget);
  const name = lastSegment(url) || url.hostname;
  if (isZip(bytes))
    return unzipArchive(
      bytes,
      name.endsWith('.zip') || name.endsWith('.skill') ? name : `${name}.zip`,
    );
  if (wasmKind(bytes) !== 'not-wasm') {
    return [
      { path: name.endsWith('.wasm') ? name : `${name}.wasm`, file: new Blob([bytes as BlobPart]) },
    ];
  }
  if (/\/skill\.md$/i.test(url.pathname) && looksLikeSkillMd(response, bytes)) {
    return fetchFolder(new URL('.', url), bytes, fetchFn, budget);
  }
  if (!/\.[a-z0-9]+$/i.test(url.pathname)) {
    // A folder URL: its SKILL.md sits beside it.
    const folder = new URL(url.pathname.endsWith('/') ? url.href : `${url.href}/`);
    const skillMd = await get(new URL('SKILL.md', folder), fetchFn, true);
    if (skillMd) {
      const mdBytes = await readBody(skillMd, new URL('SKILL.md', folder), budget);
      if (looksLikeSkillMd(skillMd, mdBytes)) return fetchFolder(folder, mdBytes, fetchFn, budget);
    }
  }
  throw new UrlLoadError(
    'NotASkill',
    `What ${url.href} serves is not a skill: expected a .zip or .skill archive, a .wasm file, or a folder that serves SKILL.md.`,
    false,
  );
}

async function fetchFolder(
  folder: URL,
  skillMd: Uint8Array,
  fetchFn: Fetch,
  budget: { left: number },
): Promise<PickedFile[]> {
  const root = lastSegment(folder) || folder.hostname;
  const files: PickedFile[] = [{ path: `${root}/SKILL.md`, file: new Blob([skillMd as BlobPart]) }];
  // A server that cannot list a folder may list it in index.json: ["skill.wasm", ...] or {"files": [...]}.
  const index = await get(new URL('index.json', folder), fetchFn, true);
  if (!index) return files;
  let listed: unknown;
  try {
    listed = JSON.parse(
      new TextDecoder().decode(await readBody(index, new URL('index.json', folder), budget)),
    );
  } catch {
    return files;
  }
  const paths = Array.isArray(listed) ? listed : (listed as { files?: unknown })?.files;
  if (!Array.isArray(paths)) return files;
  for (const path of paths) {
    if (typeof path !== 'string' || /^skill\.md$/i.test(path) || path === 'index.json') continue;
    if (path.startsWith('/') || path.split('/').includes('..') || /^[a-z]+:/i.test(path)) {
      throw new UrlLoadError(
        'OutsideFolder',
        `index.json lists "${path}", which is outside the skill's folder.`,
        false,
      );
    }
    const fileUrl = new URL(path, folder);
    const response = await get(fileUrl, fetchFn);
    files.push({
      path: `${root}/${path}`,
      file: new Blob([(await readBody(response, fileUrl, budget)) as BlobPart]),
    });
  }
  return files;
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

async function fetchGitHub(where: GitHubLocation, fetchFn: Fetch): Promise<PickedFile[]> {
  const budget = { left: MAX_URL_BYTES };
  const root = where.path.split('/').pop() || where.repo;
  const files: PickedFile[] = [];
  const walk = async (path: string) => {
    const api = new URL(
      `https://api.github.com/repos/${where.owner}/${where.repo}/contents/${path}?ref=${encodeURIComponent(where.ref)}`,
    );
    const response = await get(api, fetchFn);
    const listing = JSON.parse(new TextDecoder().decode(await readBody(response, api, budget))) as
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
        const body = await readBody(await get(fileUrl, fetchFn), fileUrl, budget);
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

// ---- fetching --------------------------------------------------------------------------------

async function get(url: URL, fetchFn: Fetch, optional: true): Promise<Response | null>;
async function get(url: URL, fetchFn: Fetch, optional?: false): Promise<Response>;
async function get(url: URL, fetchFn: Fetch, optional = false): Promise<Response | null> {
  let response: Response;
  try {
    response = await fetchFn(url.href, { credentials: 'omit' });
  } catch {
    // fetch does not say whether the network failed or CORS refused: both look the same.
    throw new UrlLoadError(
      'Unreachable',
      `${url.host} did not answer: the network failed, or the server does not allow this page to read it (CORS).`,
      true,
    );
  }
  if (response.ok) {
    // A single-page server answers every unknown path with its index.html.
    if (optional && (response.headers.get('content-type') ?? '').includes('text/html')) return null;
    return response;
  }
  if (optional && (response.status === 404 || response.status === 403)) return null;
  if (response.status === 404)
    throw new UrlLoadError('NotFound', `Nothing at ${url.href} (HTTP 404).`, false);
  if (response.status === 403 && url.hostname === 'api.github.com') {
    throw new UrlLoadError(
      'RateLimited',
      'GitHub refused the request (HTTP 403): its rate limit for anonymous use may be spent; try again later.',
      true,
    );
  }
  throw new UrlLoadError(
    'HttpError',
    `${url.href} answered HTTP ${response.status}.`,
    response.status >= 500 || response.status === 429,
  );
}

async function readBody(
  response: Response,
  url: URL,
  budget: { left: number },
): Promise<Uint8Array> {
  const bytes = new Uint8Array(await response.arrayBuffer());
  budget.left -= bytes.byteLength;
  if (budget.left < 0) {
    throw new UrlLoadError(
      'TooLarge',
      `Loading ${url.href} passed the ${MAX_URL_BYTES / 1024 / 1024} MiB the playground takes from a URL.`,
      false,
    );
  }
  return bytes;
}

function looksLikeSkillMd(response: Response, bytes: Uint8Array): boolean {
  if ((response.headers.get('content-type') ?? '').includes('text/html')) return false;
  return new TextDecoder()
    .decode(bytes.subarray(0, 8))
    .replace(/^\uFEFF/, '')
    .startsWith('---');
}

function lastSegment(url: URL): string {
  return decodeURIComponent(url.pathname.split('/').filter(Boolean).pop() ?? '');
}
