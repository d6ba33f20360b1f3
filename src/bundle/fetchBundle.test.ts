import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  describeProgress,
  fetchFromUrl,
  UrlLoadError,
  URL_LOAD_LIMITS,
  type UrlLoadOptions,
  type UrlLoadProgress,
} from './fetchBundle';

const BASE = 'https://playground.example/';
const MiB = 1024 * 1024;

async function failure(
  input: string,
  fetchFn: typeof fetch,
  options: UrlLoadOptions = {},
): Promise<UrlLoadError> {
  const error = await fetchFromUrl(input, BASE, { fetch: fetchFn, ...options }).catch(
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UrlLoadError);
  return error as UrlLoadError;
}

/** The files a URL gave, which must be a skill's and not an index. */
async function filesFrom(input: string, options: UrlLoadOptions) {
  const content = await fetchFromUrl(input, BASE, options);
  if (content.kind !== 'files') throw new Error(`${input} gave an index, not files`);
  return content.files;
}

const never: typeof fetch = () => Promise.reject(new Error('no request expected'));
const answer =
  (body: string, init: ResponseInit = {}): typeof fetch =>
  async () =>
    new Response(body, init);

/**
 * A body made on demand, one chunk per read, that records what was taken from it. With a high
 * water mark of 0 nothing is made before someone reads.
 */
function meteredBody(next: (pulls: number) => Promise<Uint8Array | null> | Uint8Array | null) {
  const meter = { pulls: 0, bytes: 0, cancelled: false };
  const body = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const chunk = await next(meter.pulls++);
        if (chunk === null) controller.close();
        else {
          meter.bytes += chunk.byteLength;
          controller.enqueue(chunk);
        }
      },
      cancel() {
        meter.cancelled = true;
      },
    },
    { highWaterMark: 0 },
  );
  return { body, meter };
}

describe('UrlLoadError codes', () => {
  it('names an input that is not a URL, or not http', async () => {
    expect((await failure('http://[', never)).code).toBe('InvalidUrl');
    expect((await failure('ftp://example.com/skill.zip', never)).code).toBe('UnsupportedProtocol');
  });

  it('tells a missing file from a server that did not answer, which may be retried', async () => {
    const missing = await failure('https://example.com/skill.zip', answer('', { status: 404 }));
    expect([missing.code, missing.retryable]).toEqual(['NotFound', false]);
    const silent = await failure('https://example.com/skill.zip', () =>
      Promise.reject(new TypeError('Failed to fetch')),
    );
    expect([silent.code, silent.retryable]).toEqual(['Unreachable', true]);
    const busy = await failure('https://example.com/skill.zip', answer('', { status: 503 }));
    expect([busy.code, busy.retryable]).toEqual(['HttpError', true]);
  });

  it('names a page that serves something other than a skill', async () => {
    const page = answer('<!doctype html>', { headers: { 'content-type': 'text/html' } });
    expect((await failure('https://example.com/readme.txt', page)).code).toBe('NotASkill');
  });
});

describe('a URL load is capped while it streams', () => {
  it('refuses a declared length past the cap before reading a byte', async () => {
    const { body, meter } = meteredBody(() => new Uint8Array(MiB));
    const huge = async () =>
      new Response(body, { headers: { 'content-length': String(1024 ** 3) } });
    const error = await failure('https://example.com/huge.zip', huge);
    expect(error.code).toBe('TooLarge');
    expect(error.message).toBe(
      'Loading https://example.com/huge.zip would take 1.0 GiB, more than the 50 MiB the playground takes from a URL.',
    );
    expect(meter).toEqual({ pulls: 0, bytes: 0, cancelled: true });
  });

  it('stops reading a body that runs past the cap, and cancels it', async () => {
    // 128 MiB with no length declared: read whole, it would be refused only at the end.
    const { body, meter } = meteredBody((pulls) => (pulls < 128 ? new Uint8Array(MiB) : null));
    const error = await failure('https://example.com/endless.zip', async () => new Response(body));
    expect(error.message).toBe(
      'Loading https://example.com/endless.zip passed the 50 MiB the playground takes from a URL.',
    );
    expect(meter.cancelled).toBe(true);
    expect(meter.bytes).toBeLessThanOrEqual(URL_LOAD_LIMITS.maxBytes + MiB);
  });

  it('counts every file of a folder against one budget', async () => {
    const skillMd = '---\nname: demo\ndescription: d\n---\n';
    // b.bin alone would fit; beside a.bin's mebibyte it does not. Fetched side by side, a.bin's
    // declared length is claimed before b.bin's is judged.
    const files: Record<string, () => Response> = {
      'SKILL.md': () => new Response(skillMd),
      'index.json': () => new Response(JSON.stringify(['a.bin', 'b.bin'])),
      'a.bin': () =>
        new Response(new Uint8Array(MiB), { headers: { 'content-length': String(MiB) } }),
      'b.bin': () =>
        new Response(meteredBody(() => new Uint8Array(MiB)).body, {
          headers: { 'content-length': String(URL_LOAD_LIMITS.maxBytes - MiB / 2) },
        }),
    };
    const site: typeof fetch = async (input) =>
      files[String(input).split('/').pop()!]?.() ?? new Response('', { status: 404 });
    const error = await failure('https://example.com/demo/SKILL.md', site);
    expect(error.message).toBe(
      'Loading https://example.com/demo/b.bin would take 49.5 MiB, more than the 50 MiB the playground takes from a URL.',
    );
  });

  it('reports its progress: bytes so far, and of how many when the server said', async () => {
    const seen: UrlLoadProgress[] = [];
    const wasm = new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]);
    const { body } = meteredBody((pulls) =>
      pulls < 2 ? wasm.subarray(pulls * 4, pulls * 4 + 4) : null,
    );
    const files = await filesFrom('https://example.com/tool.wasm', {
      fetch: async () => new Response(body, { headers: { 'content-length': '8' } }),
      onProgress: (progress) => seen.push(progress),
    });
    expect(files.map((f) => f.path)).toEqual(['tool.wasm']);
    const url = 'https://example.com/tool.wasm';
    expect(seen).toEqual([
      { url, received: 0, expected: 8 },
      { url, received: 4, expected: 8 },
      { url, received: 8, expected: 8 },
    ]);
    expect(seen.map(describeProgress)).toEqual(['0 B of 8 B', '4 B of 8 B', '8 B of 8 B']);
    expect(describeProgress({ url, received: 3 * MiB, expected: null })).toBe('3.0 MiB');
  });
});

describe('a URL load that stalls or is cancelled stops with a sentence', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  /** A fetch that never answers and ignores its signal, as a broken server or proxy may. */
  const silent = () => {
    const signals: AbortSignal[] = [];
    const fetchFn: typeof fetch = (_input, init) => {
      signals.push(init!.signal!);
      return new Promise<Response>(() => {});
    };
    return { fetchFn, signals };
  };

  it('gives up on a server that sends no answer for 15 s', async () => {
    vi.useFakeTimers();
    const { fetchFn, signals } = silent();
    const pending = failure('https://example.com/slow.zip', fetchFn);
    await vi.advanceTimersByTimeAsync(URL_LOAD_LIMITS.stallMs);
    const error = await pending;
    expect([error.code, error.retryable]).toEqual(['TimedOut', true]);
    expect(error.message).toBe(
      'https://example.com/slow.zip sent nothing for 15 s; the load was stopped.',
    );
    expect(signals[0]!.aborted).toBe(true);
  });

  it('gives up on a body that stops part of the way through', async () => {
    vi.useFakeTimers();
    const { body, meter } = meteredBody((pulls) =>
      pulls === 0 ? new Uint8Array(10) : new Promise<never>(() => {}),
    );
    const pending = failure('https://example.com/half.zip', async () => new Response(body));
    await vi.advanceTimersByTimeAsync(URL_LOAD_LIMITS.stallMs);
    expect((await pending).message).toBe(
      'https://example.com/half.zip sent nothing for 15 s; the load was stopped.',
    );
    expect(meter.cancelled).toBe(true);
  });

  it('gives up on a body that trickles for longer than the whole load may take', async () => {
    vi.useFakeTimers();
    // A byte every 10 s never stalls, and never ends.
    const { body } = meteredBody(
      () => new Promise((resolve) => setTimeout(() => resolve(new Uint8Array(1)), 10_000)),
    );
    const pending = failure('https://example.com/trickle.zip', async () => new Response(body));
    await vi.advanceTimersByTimeAsync(URL_LOAD_LIMITS.totalMs);
    const error = await pending;
    expect(error.code).toBe('TimedOut');
    expect(error.message).toBe(
      'Loading https://example.com/trickle.zip took more than 3 minutes; the load was stopped.',
    );
  });

  it('stops at once when the caller cancels, and closes the body', async () => {
    const { body, meter } = meteredBody((pulls) =>
      pulls === 0 ? new Uint8Array(10) : new Promise<never>(() => {}),
    );
    const controller = new AbortController();
    const pending = failure('https://example.com/big.zip', async () => new Response(body), {
      signal: controller.signal,
      onProgress: ({ received }) => {
        if (received > 0) controller.abort();
      },
    });
    const error = await pending;
    expect([error.code, error.message, error.retryable]).toEqual([
      'Cancelled',
      'The load was cancelled.',
      false,
    ]);
    expect(meter.cancelled).toBe(true);
  });
});

describe('a folder’s index.json cannot reach outside the folder', () => {
  const skillMd = '---\nname: demo\ndescription: d\n---\n';

  /** A server with the skill at /skills/demo/ and a secret beside it; it records every request. */
  function site(index: unknown) {
    const requested: string[] = [];
    const files: Record<string, string> = {
      '/skills/demo/SKILL.md': skillMd,
      '/skills/demo/index.json': JSON.stringify(index),
      '/skills/demo/skill.wasm': 'wasm',
      '/skills/demo/docs/notes.md': 'notes',
      '/skills/secret': 'secret',
    };
    const fetchFn: typeof fetch = async (input) => {
      const url = new URL(String(input));
      requested.push(url.href);
      const body = url.origin === 'https://example.com' ? files[url.pathname] : undefined;
      return body === undefined ? new Response('', { status: 404 }) : new Response(body);
    };
    return { fetchFn, requested };
  }

  it.each([
    '%2e%2e/secret',
    '%2E%2E/secret',
    '.%2e/secret',
    'docs/%2e%2e/%2e%2e/secret',
    '..%2fsecret',
    '%2e%2e%5csecret',
    '\\..\\secret',
    '..\\secret',
    '//evil.example/secret',
    '\\\\evil.example\\secret',
    'https://evil.example/secret',
    '/skills/secret',
  ])('refuses %j and fetches nothing outside', async (path) => {
    const { fetchFn, requested } = site(['skill.wasm', path]);
    const error = await failure('https://example.com/skills/demo/SKILL.md', fetchFn);
    expect(error.code).toBe('OutsideFolder');
    expect(error.message).toBe(`index.json lists "${path}", which is outside the skill's folder.`);
    expect(requested.every((url) => url.startsWith('https://example.com/skills/demo/'))).toBe(true);
  });

  it('fetches what it lists inside, each file once, in one spelling', async () => {
    const { fetchFn } = site([
      'skill.wasm',
      './docs//notes.md',
      'docs/notes.md',
      'docs/x/%2e%2e/notes.md',
    ]);
    const files = await filesFrom('https://example.com/skills/demo/SKILL.md', { fetch: fetchFn });
    expect(files.map((f) => f.path)).toEqual([
      'demo/SKILL.md',
      'demo/skill.wasm',
      'demo/docs/notes.md',
    ]);
  });

  it('refuses an index that lists more files than a skill may hold', async () => {
    const { fetchFn, requested } = site(Array.from({ length: 2001 }, (_, i) => `f${i}`));
    const error = await failure('https://example.com/skills/demo/SKILL.md', fetchFn);
    expect(error.message).toBe(
      'index.json lists more than 2000 files, more than a skill may hold.',
    );
    expect(requested).toHaveLength(2);
  });
});

describe('a folder URL', () => {
  const skillMd = '---\nname: demo\ndescription: d\n---\n';

  /** A server: path -> body or a status; it records every request. */
  function server(files: Record<string, string | number>) {
    const requested: string[] = [];
    const fetchFn: typeof fetch = async (input) => {
      const url = new URL(String(input));
      requested.push(url.pathname);
      const body = files[url.pathname];
      if (body === undefined) return new Response('', { status: 404 });
      return typeof body === 'number' ? new Response('', { status: body }) : new Response(body);
    };
    return { fetchFn, requested };
  }

  it('that cannot be listed brings SKILL.md alone, and says exactly that', async () => {
    const { fetchFn } = server({ '/skills/demo/SKILL.md': skillMd });
    const content = await fetchFromUrl('https://example.com/skills/demo/', BASE, {
      fetch: fetchFn,
    });
    expect(content).toMatchObject({ kind: 'files', files: [{ path: 'demo/SKILL.md' }] });
    expect(content.kind === 'files' && content.notes).toEqual([
      'https://example.com/skills/demo/: only SKILL.md was fetched: this server does not list the folder; publish an archive, an index.json of its files, or a well-known index.',
    ]);
  });

  it('that answers 404 itself still opens from the SKILL.md beneath it', async () => {
    const { fetchFn, requested } = server({
      '/skills/demo': 404,
      '/skills/demo/SKILL.md': skillMd,
      '/skills/demo/index.json': '["notes.md"]',
      '/skills/demo/notes.md': 'notes',
    });
    const files = await filesFrom('https://example.com/skills/demo', { fetch: fetchFn });
    expect(files.map((f) => f.path)).toEqual(['demo/SKILL.md', 'demo/notes.md']);
    expect(requested[0]).toBe('/skills/demo');
  });

  it('may be named by its index.json of files', async () => {
    const { fetchFn } = server({
      '/skills/demo/SKILL.md': skillMd,
      '/skills/demo/index.json': '{"files": ["notes.md"]}',
      '/skills/demo/notes.md': 'notes',
    });
    const files = await filesFrom('https://example.com/skills/demo/index.json', {
      fetch: fetchFn,
    });
    expect(files.map((f) => f.path)).toEqual(['demo/SKILL.md', 'demo/notes.md']);
  });

  it('has its files fetched six at a time, and one that stalls still stops the load', async () => {
    vi.useFakeTimers();
    try {
      const names = Array.from({ length: 14 }, (_, i) => `f${i}.txt`);
      let inFlight = 0;
      let most = 0;
      const fetchFn: typeof fetch = async (input) => {
        const name = String(input).split('/').pop()!;
        if (name === 'SKILL.md') return new Response(skillMd);
        if (name === 'index.json') return new Response(JSON.stringify(names));
        inFlight += 1;
        most = Math.max(most, inFlight);
        // f3 never answers; the others take a second.
        if (name === 'f3.txt') return new Promise<Response>(() => {});
        await new Promise((resolve) => setTimeout(resolve, 1000));
        inFlight -= 1;
        return new Response(name);
      };
      const pending = failure('https://example.com/demo/SKILL.md', fetchFn);
      await vi.advanceTimersByTimeAsync(URL_LOAD_LIMITS.stallMs);
      const error = await pending;
      expect(most).toBe(6);
      expect(error.message).toBe(
        'https://example.com/demo/f3.txt sent nothing for 15 s; the load was stopped.',
      );
    } finally {
      vi.useRealTimers();
    }
  });
});
