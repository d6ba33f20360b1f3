// One URL load and its walls: a byte budget counted while streaming, a stall and a total
// timeout, and a cancel, shared by every request the load makes.

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
  | 'BadIndex'
  | 'UnknownIndexSchema'
  | 'DigestMismatch'
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

export type Fetch = typeof fetch;

// ---- fetching --------------------------------------------------------------------------------

/**
 * One URL load: its byte budget, its watchdogs and its way to stop. Every request and every read
 * goes through it, so the cap, the timeouts and a cancel hold for every file a load fetches.
 */
export class Load {
  private readonly controller = new AbortController();
  private readonly fetchFn: Fetch;
  private readonly onProgress: UrlLoadOptions['onProgress'];
  private readonly callerSignal: AbortSignal | undefined;
  private left = URL_LOAD_LIMITS.maxBytes;
  /** One stall watchdog per request under way: a folder's files are fetched several at a time. */
  private readonly stallTimers = new Set<ReturnType<typeof setTimeout>>();
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
    for (const timer of this.stallTimers) clearTimeout(timer);
    this.stallTimers.clear();
    this.callerSignal?.removeEventListener('abort', this.cancel);
  }

  /**
   * Ends a load that failed: requests still under way beside the one that failed are aborted, so
   * nothing goes on downloading what will not be used.
   */
  abandon(): void {
    this.end();
    if (!this.controller.signal.aborted) this.controller.abort(this.stopped ?? undefined);
  }

  private readonly cancel = () =>
    this.stop(new UrlLoadError('Cancelled', 'The load was cancelled.', false));

  private stop(reason: UrlLoadError): void {
    if (this.stopped) return;
    this.stopped = reason;
    this.end();
    this.controller.abort(reason);
  }

  /**
   * A stall watchdog for one request: `url` has this long to send its next byte. `poke` restarts
   * it when a byte came, `done` ends it.
   */
  private watch(url: URL): { poke(): void; done(): void } {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const done = () => {
      clearTimeout(timer);
      this.stallTimers.delete(timer!);
    };
    const poke = () => {
      done();
      timer = setTimeout(
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
      this.stallTimers.add(timer);
    };
    poke();
    return { poke, done };
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
  get(url: URL, optional: boolean): Promise<Response | null>;
  async get(url: URL, optional = false): Promise<Response | null> {
    let response: Response;
    const watchdog = this.watch(url);
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
      watchdog.done();
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
    // A declared length is claimed from the budget at once: files fetched side by side cannot
    // each fit alone and together pass it. Bytes past the claim are counted as they come.
    const claimed = declared ?? 0;
    this.left -= claimed;
    const reader = response.body.getReader();
    const chunks: Uint8Array[] = [];
    let received = 0;
    // A compressed body streams more bytes than its Content-Length says: no total then.
    const expected = response.headers.get('content-encoding') ? null : declared;
    this.onProgress?.({ url: url.href, received, expected });
    const watchdog = this.watch(url);
    try {
      for (;;) {
        watchdog.poke();
        const { done, value } = await this.orStop(reader.read());
        if (done) break;
        this.left -= Math.max(0, received + value.byteLength - Math.max(received, claimed));
        received += value.byteLength;
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
      watchdog.done();
    }
    // A body shorter than it declared gives back what it did not use.
    if (received < claimed) this.left += claimed - received;
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
