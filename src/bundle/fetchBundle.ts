import { ARCHIVE_LIMITS, isZip, unsafeEntryName } from './archive';
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
  | 'NotASkill'
  | 'TimedOut'
  | 'Cancelled';

/** A URL load that failed, with a sentence for the user and whether trying again may help. */
export class UrlLoadError extends Error {
  override readonly name = 'UrlLoadError';

  constructor(
    readonly code: UrlLoadErrorCode,
    message: string,
    readonly retryable: boolean,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** What one URL load may take before it is stopped. */
export const URL_LOAD_LIMITS = {
  /** Everything fetched for one load, counted while it streams in. */
  maxBytes: 50 * 1024 * 1024,
  /** A server that sends nothing (no headers, no bytes) for this long is given up on. */
  stallMs: 15_000,
  /** The whole load, however steadily bytes trickle in. */
  totalMs: 3 * 60_000,
};

/** Everything fetched for one URL load; past this the load is refused. */
export const MAX_URL_BYTES = URL_LOAD_LIMITS.maxBytes;

/** How far the file being fetched has come: bytes so far, and of how many when the server said. */
export interface UrlLoadProgress {
  url: string;
  received: number;
  expected: number | null;
}

export interface UrlLoadOptions {
  fetch?: typeof fetch;
  /** Aborting stops the load at once: it fails with the code `Cancelled`. */
  signal?: AbortSignal;
  /** Called as bytes arrive, once per chunk. */
  onProgress?: (progress: UrlLoadProgress) => void;
}

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
    return unzipArchive(
      bytes,
      name.endsWith('.zip') || name.endsWith('.skill') ? name : `${name}.zip`,
      { signal: load.signal },
    );
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
    `What ${url.href} serves is not a skill: expected a .zip or .skill archive, a .wasm file, or a folder that serves SKILL.md.`,
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

// ---- fetching --------------------------------------------------------------------------------

/**
 * One URL load: its byte budget, its watchdogs and its way to stop. Every request and every read
 * goes through it, so the cap, the timeouts and a cancel hold for every file a load fetches.
 */
class Load {
  private readonly controller = new AbortController();
  private readonly fetchFn: Fetch;
  private readonly onProgress: UrlLoadOptions['onProgress'];
  private readonly callerSignal: AbortSignal | undefined;
  private left = URL_LOAD_LIMITS.maxBytes;
  private stallTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly totalTimer: ReturnType<typeof setTimeout>;
  /** Why the load was stopped (a timeout or a cancel), once it was. */
  stopped: UrlLoadError | null = null;

  constructor(href: string, options: UrlLoadOptions) {
    this.fetchFn = options.fetch ?? ((...args) => fetch(...args));
    this.onProgress = options.onProgress;
    this.callerSignal = options.signal;
    this.callerSignal?.addEventListener('abort', this.cancel);
    if (this.callerSignal?.aborted) this.cancel();
    this.totalTimer = setTimeout(
      () =>
        this.stop(
          new UrlLoadError(
            'TimedOut',
            `Loading ${href} took more than ${URL_LOAD_LIMITS.totalMs / 60_000} minutes; the load was stopped.`,
            true,
          ),
        ),
      URL_LOAD_LIMITS.totalMs,
    );
  }

  /** Aborts when the load is stopped: hand it to anything slow done on the load's behalf. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  end(): void {
    clearTimeout(this.totalTimer);
    clearTimeout(this.stallTimer);
    this.callerSignal?.removeEventListener('abort', this.cancel);
  }

  private readonly cancel = () =>
    this.stop(new UrlLoadError('Cancelled', 'The load was cancelled.', false));

  private stop(reason: UrlLoadError): void {
    if (this.stopped) return;
    this.stopped = reason;
    this.end();
    this.controller.abort(reason);
  }

  /** (Re)starts the stall watchdog: `url` has this long to send its next byte. */
  private waitFor(url: URL): void {
    clearTimeout(this.stallTimer);
    this.stallTimer = setTimeout(
      () =>
        this.stop(
          new UrlLoadError(
            'TimedOut',
            `${url.href} sent nothing for ${URL_LOAD_LIMITS.stallMs / 1000} s; the load was stopped.`,
            true,
          ),
        ),
      URL_LOAD_LIMITS.stallMs,
    );
  }

  /**
   * Settles with the promise, or rejects as soon as the load is stopped: a fetch that ignores its
   * signal (or a body that never ends) cannot keep a stopped load waiting.
   */
  private orStop<T>(promise: Promise<T>): Promise<T> {
    const { signal } = this.controller;
    if (signal.aborted) return Promise.reject(signal.reason);
    return new Promise<T>((resolve, reject) => {
      const onAbort = () => reject(signal.reason);
      signal.addEventListener('abort', onAbort, { once: true });
      promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
    });
  }

  get(url: URL, optional: true): Promise<Response | null>;
  get(url: URL, optional?: false): Promise<Response>;
  async get(url: URL, optional = false): Promise<Response | null> {
    let response: Response;
    this.waitFor(url);
    try {
      response = await this.orStop(
        this.fetchFn(url.href, { credentials: 'omit', signal: this.controller.signal }),
      );
    } catch (error) {
      if (this.stopped) throw this.stopped;
      // fetch does not say whether the network failed or CORS refused: both look the same.
      throw new UrlLoadError(
        'Unreachable',
        `${url.host} did not answer: the network failed, or the server does not allow this page to read it (CORS).`,
        true,
        { cause: error },
      );
    } finally {
      clearTimeout(this.stallTimer);
    }
    if (response.ok) {
      // A single-page server answers every unknown path with its index.html.
      if (optional && (response.headers.get('content-type') ?? '').includes('text/html')) {
        discard(response);
        return null;
      }
      return response;
    }
    discard(response);
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

  /**
   * The body, counted as it streams in: a declared length past the budget is refused before a
   * byte is read, and a body that runs past it is cancelled at the chunk that does.
   */
  async read(response: Response, url: URL): Promise<Uint8Array> {
    const tooLarge = (detail: string) =>
      new UrlLoadError(
        'TooLarge',
        `Loading ${url.href} ${detail} the ${URL_LOAD_LIMITS.maxBytes / 1024 / 1024} MiB the playground takes from a URL.`,
        false,
      );
    const declared = declaredLength(response);
    if (declared !== null && declared > this.left) {
      discard(response);
      throw tooLarge(`would take ${formatBytes(declared)}, more than`);
    }
    if (!response.body) return new Uint8Array(0);
    const reader = response.body.getReader();
    const chunks: Uint8Array[] = [];
    let received = 0;
    // A compressed body streams more bytes than its Content-Length says: no total then.
    const expected = response.headers.get('content-encoding') ? null : declared;
    this.onProgress?.({ url: url.href, received, expected });
    try {
      for (;;) {
        this.waitFor(url);
        const { done, value } = await this.orStop(reader.read());
        if (done) break;
        received += value.byteLength;
        this.left -= value.byteLength;
        if (this.left < 0) throw tooLarge('passed');
        chunks.push(value);
        this.onProgress?.({ url: url.href, received, expected });
      }
    } catch (error) {
      // Cancelling the reader closes the connection: nothing more is downloaded.
      reader.cancel().catch(() => {});
      if (this.stopped) throw this.stopped;
      if (error instanceof UrlLoadError) throw error;
      throw new UrlLoadError(
        'Unreachable',
        `${url.host} stopped sending ${url.href} part of the way through.`,
        true,
        { cause: error },
      );
    } finally {
      clearTimeout(this.stallTimer);
    }
    const bytes = new Uint8Array(received);
    let offset = 0;
    for (const chunk of chunks) {
      bytes.set(chunk, offset);
      offset += chunk.byteLength;
    }
    return bytes;
  }
}

/** Content-Length when the server sent a usable one. */
function declaredLength(response: Response): number | null {
  const header = response.headers.get('content-length');
  const length = header === null ? NaN : Number(header);
  return Number.isSafeInteger(length) && length >= 0 ? length : null;
}

/** A body not wanted is cancelled, so its connection does not stay open downloading it. */
function discard(response: Response): void {
  response.body?.cancel().catch(() => {});
}

/** "812 KiB", "3.4 MiB", "1.0 GiB": for the sentences and the progress shown. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KiB`;
  if (bytes < 1024 * 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
  return `${(bytes / 1024 / 1024 / 1024).toFixed(1)} GiB`;
}

/** "3.4 MiB of 12.0 MiB", or "3.4 MiB" when the total is not known (or was wrong). */
export function describeProgress({ received, expected }: UrlLoadProgress): string {
  return expected !== null && expected >= received
    ? `${formatBytes(received)} of ${formatBytes(expected)}`
    : formatBytes(received);
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
