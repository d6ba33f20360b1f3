import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createOutgoingHttp,
  HTTP_LIMITS,
  NetworkLog,
  type HttpErrorCode,
  type HttpLimits,
} from './outgoingHttp';

// Stand-ins for preview2-shim's wasi:io factories: a pollable keeps the promise it waits on.
interface FakePollable {
  source?: Promise<unknown>;
}
type Handler = {
  blockingRead?: (len: bigint) => Uint8Array;
  write?: (bytes: Uint8Array) => void;
};
const io = {
  inputStreamCreate: (handler: Handler) => ({ read: (len: bigint) => handler.blockingRead!(len) }),
  outputStreamCreate: (handler: Handler) => ({
    write: (bytes: Uint8Array) => handler.write!(bytes),
  }),
  pollableCreate: (source?: Promise<unknown>): FakePollable => ({ source }),
};

const encode = (text: string) => new TextEncoder().encode(text);
const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

type FetchCall = { url: string; init: RequestInit };

function setUp(
  hosts: string[],
  respond?: (call: FetchCall) => Promise<Response>,
  limits?: HttpLimits,
) {
  const calls: FetchCall[] = [];
  const log = new NetworkLog();
  const fetch = vi.fn(async (url: RequestInfo | URL, init?: RequestInit) => {
    const call = { url: String(url), init: init ?? {} };
    calls.push(call);
    return respond ? respond(call) : new Response('hello');
  });
  const http = createOutgoingHttp({ hosts, io, log: () => log, fetch, limits });
  // The guest's view: resources as jco hands them over.
  const types = http.types as unknown as {
    Fields: new () => {
      append(name: string, value: Uint8Array): void;
      set(name: string, values: Uint8Array[]): void;
    };
    OutgoingRequest: new (headers: unknown) => {
      setScheme(scheme: { tag: string; val?: string } | undefined): void;
      setAuthority(authority: string | undefined): void;
      setPathWithQuery(path: string | undefined): void;
      setMethod(method: { tag: string; val?: string }): void;
      headers(): { append(name: string, value: Uint8Array): void };
      body(): { write(): { write(bytes: Uint8Array): void } };
    };
    OutgoingBody: { finish(body: unknown, trailers?: unknown): void };
  };
  return { http, types, calls, log, fetch };
}

type Setup = ReturnType<typeof setUp>;

interface GuestRequest {
  scheme?: string;
  authority: string;
  path?: string;
  method?: string;
  body?: string;
  headers?: Array<[string, string]>;
}

/** What a guest would do: build the request, send it, wait, read the status and the body. */
async function send(
  { http, types }: Setup,
  request: GuestRequest,
): Promise<{ status: number; body: string } | { error: HttpErrorCode }> {
  const fields = new types.Fields();
  for (const [name, value] of request.headers ?? []) fields.append(name, encode(value));
  const outgoing = new types.OutgoingRequest(fields);
  outgoing.setScheme({ tag: request.scheme ?? 'HTTP' });
  outgoing.setAuthority(request.authority);
  outgoing.setPathWithQuery(request.path ?? '/');
  if (request.method) outgoing.setMethod({ tag: request.method });
  const body = request.body === undefined ? undefined : outgoing.body();
  let future;
  try {
    future = http.outgoingHandler.handle(outgoing as never);
  } catch (error) {
    return { error: error as HttpErrorCode };
  }
  if (body) {
    body.write().write(encode(request.body!));
    types.OutgoingBody.finish(body);
  }
  await (future.subscribe() as FakePollable).source;
  const got = future.get() as { tag: 'ok'; val: { tag: 'ok' | 'err'; val: unknown } };
  if (got.val.tag === 'err') return { error: got.val.val as HttpErrorCode };
  const response = got.val.val as {
    status(): number;
    consume(): { stream(): { read(len: bigint): Uint8Array } };
  };
  const stream = response.consume().stream();
  let text = '';
  for (;;) {
    try {
      text += decode(stream.read(4096n));
    } catch (error) {
      expect(error).toEqual({ tag: 'closed' });
      break;
    }
  }
  return { status: response.status(), body: text };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('outgoing HTTP by grant', () => {
  it('sends nothing without grants: the guest gets HTTP-request-denied and the host is recorded', async () => {
    const setup = setUp([]);
    expect(await send(setup, { authority: 'example.com' })).toEqual({
      error: { tag: 'HTTP-request-denied' },
    });
    expect(await send(setup, { authority: 'localhost:8080', path: '/x' })).toEqual({
      error: { tag: 'HTTP-request-denied' },
    });
    expect(await send(setup, { authority: 'example.com', path: '/again' })).toEqual({
      error: { tag: 'HTTP-request-denied' },
    });
    expect(setup.fetch).not.toHaveBeenCalled();
    expect(setup.log).toMatchObject({ requests: 0, denied: ['example.com', 'localhost:8080'] });
  });

  it('fetches a granted URL without credentials, referrer or redirects, and gives status and body', async () => {
    const setup = setUp(['api.example.com'], async () => new Response('hi there', { status: 201 }));
    const result = await send(setup, {
      scheme: 'HTTPS',
      authority: 'api.example.com',
      path: '/v1/items?q=1',
      headers: [['accept', 'text/plain']],
    });
    expect(result).toEqual({ status: 201, body: 'hi there' });
    expect(setup.calls).toHaveLength(1);
    const [call] = setup.calls;
    expect(call!.url).toBe('https://api.example.com/v1/items?q=1');
    expect(call!.init).toMatchObject({
      method: 'GET',
      redirect: 'manual',
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      headers: [['accept', 'text/plain']],
    });
    expect(setup.log).toMatchObject({ requests: 1, denied: [] });
  });

  it('checks the host the URL parser reads, so an allowed name elsewhere in the URL is no pass', async () => {
    const setup = setUp(['granted.com']);
    const { types } = setup;
    const request = new types.OutgoingRequest(new types.Fields());
    // Userinfo and paths that would move the authority are refused where they are set.
    expect(() => request.setAuthority('granted.com@evil.com')).toThrow();
    expect(() => request.setAuthority('evil.com/granted.com')).toThrow();
    expect(() => request.setPathWithQuery('@evil.com/')).toThrow();
    expect(await send(setup, { authority: 'granted.com.evil.com' })).toEqual({
      error: { tag: 'HTTP-request-denied' },
    });
    expect(setup.fetch).not.toHaveBeenCalled();
  });

  it('fails a response larger than the cap, by its declared length or while reading, and aborts it', async () => {
    const limits = { ...HTTP_LIMITS, maxResponseBytes: 10 };
    let signal: AbortSignal | undefined;
    const declared = setUp(
      ['example.com'],
      async ({ init }) => {
        signal = init.signal ?? undefined;
        return new Response('x'.repeat(11), { headers: { 'content-length': '11' } });
      },
      limits,
    );
    expect(await send(declared, { authority: 'example.com' })).toEqual({
      error: { tag: 'HTTP-response-body-size', val: undefined },
    });
    expect(signal?.aborted).toBe(true);

    const streamed = setUp(
      ['example.com'],
      async () =>
        new Response(
          new ReadableStream({
            pull(controller) {
              controller.enqueue(encode('0123456'));
            },
          }),
        ),
      limits,
    );
    expect(await send(streamed, { authority: 'example.com' })).toEqual({
      error: { tag: 'HTTP-response-body-size', val: undefined },
    });
    // Exactly at the cap is fine.
    const atCap = setUp(['example.com'], async () => new Response('0123456789'), limits);
    expect(await send(atCap, { authority: 'example.com' })).toEqual({
      status: 200,
      body: '0123456789',
    });
  });

  it('times a request out with HTTP-response-timeout and aborts the fetch', async () => {
    vi.useFakeTimers();
    const setup = setUp(
      ['example.com'],
      ({ init }) =>
        new Promise((_resolve, reject) => {
          init.signal?.addEventListener('abort', () =>
            reject(new DOMException('aborted', 'AbortError')),
          );
        }),
    );
    const result = send(setup, { authority: 'example.com' });
    await vi.advanceTimersByTimeAsync(HTTP_LIMITS.timeoutMs);
    expect(await result).toEqual({ error: { tag: 'HTTP-response-timeout' } });
  });

  it('does not follow a redirect: the guest gets an error naming it', async () => {
    const setup = setUp(['example.com'], async () => {
      const response = new Response(null, { status: 200 });
      Object.defineProperty(response, 'type', { value: 'opaqueredirect' });
      return response;
    });
    const result = await send(setup, { authority: 'example.com' });
    expect(result).toMatchObject({ error: { tag: 'internal-error' } });
    expect(JSON.stringify(result)).toContain('redirect');
  });

  it('tells a network or CORS failure apart from a denial', async () => {
    const setup = setUp(['example.com'], async () => {
      throw new TypeError('Failed to fetch');
    });
    const result = await send(setup, { authority: 'example.com' });
    expect(result).toMatchObject({ error: { tag: 'internal-error' } });
    expect(JSON.stringify(result)).toContain('CORS');
    expect(setup.log).toMatchObject({ requests: 1, denied: [] });
  });

  it('sends a request body once the guest finishes it, and refuses one over the cap', async () => {
    const setup = setUp(['example.com']);
    await send(setup, { authority: 'example.com', method: 'post', body: 'a=1' });
    expect(setup.calls[0]!.init.method).toBe('POST');
    expect(decode(setup.calls[0]!.init.body as Uint8Array)).toBe('a=1');

    const capped = setUp(['example.com'], undefined, { ...HTTP_LIMITS, maxRequestBytes: 2 });
    const { types, http } = capped;
    const request = new types.OutgoingRequest(new types.Fields());
    request.setScheme({ tag: 'HTTP' });
    request.setAuthority('example.com');
    request.setPathWithQuery('/');
    request.setMethod({ tag: 'put' });
    const body = request.body();
    const future = http.outgoingHandler.handle(request as never);
    expect(() => body.write().write(encode('abc'))).toThrow();
    types.OutgoingBody.finish(body);
    await (future.subscribe() as FakePollable).source;
    expect(future.get()).toEqual({
      tag: 'ok',
      val: { tag: 'err', val: { tag: 'HTTP-request-body-size', val: 3n } },
    });
    expect(capped.fetch).not.toHaveBeenCalled();
  });

  it('stops a run at the request cap with connection-limit-reached', async () => {
    const setup = setUp(['example.com'], undefined, { ...HTTP_LIMITS, maxRequests: 2 });
    await send(setup, { authority: 'example.com' });
    await send(setup, { authority: 'example.com' });
    expect(await send(setup, { authority: 'example.com' })).toEqual({
      error: { tag: 'connection-limit-reached' },
    });
    expect(setup.fetch).toHaveBeenCalledTimes(2);
  });

  it('refuses hop-by-hop headers, and headers once they belong to a request', () => {
    const { types } = setUp(['example.com']);
    const fields = new types.Fields();
    expect(() => fields.append('Host', encode('evil.com'))).toThrow(
      expect.objectContaining({ tag: 'forbidden' }),
    );
    expect(() => fields.append('x-ok', encode('a\r\nb'))).toThrow(
      expect.objectContaining({ tag: 'invalid-syntax' }),
    );
    const request = new types.OutgoingRequest(fields);
    expect(() => request.headers().append('x-late', encode('1'))).toThrow(
      expect.objectContaining({ tag: 'immutable' }),
    );
  });

  it('aborts the fetch when the guest drops the future before the response', async () => {
    let signal: AbortSignal | undefined;
    const setup = setUp(['example.com'], ({ init }) => {
      signal = init.signal ?? undefined;
      return new Promise(() => {});
    });
    const { types, http } = setup;
    const request = new types.OutgoingRequest(new types.Fields());
    request.setScheme({ tag: 'HTTP' });
    request.setAuthority('example.com');
    request.setPathWithQuery('/');
    const future = http.outgoingHandler.handle(request as never) as unknown as Record<
      symbol,
      () => void
    >;
    const dispose = (Symbol as { dispose?: symbol }).dispose ?? Symbol.for('dispose');
    await Promise.resolve();
    future[dispose]!();
    expect(signal?.aborted).toBe(true);
  });
});
