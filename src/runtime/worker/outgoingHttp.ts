/**
 * The client half of wasi:http 0.2 (`wasi:http/types` and `wasi:http/outgoing-handler`) for one
 * instance, serving requests only to the hosts its grants allow.
 *
 * Why our own and not preview2-shim's: the shim's browser client calls `fetch` with the
 * browser's defaults (redirects followed, credentials by same-origin rules), has no host
 * allow-list and no cap on a response body, and its resources can only be made inside it. Ours
 * decides before anything is sent: a request whose URL the grants do not allow fails in
 * `handle` with HTTP-request-denied, is recorded for the run's audit, and never reaches `fetch`.
 * An allowed one is fetched without credentials or referrer and with redirects not followed (a
 * granted host must not be able to send the request on to one that is not granted), within a
 * timeout, and its body is read into memory up to a cap before the guest sees the response.
 * The guest waits for it on a pollable, which suspends through JSPI (the transpile enables it
 * for components that import the outgoing handler).
 *
 * Streams and pollables are preview2-shim's (passed in as `io`): the guest's wasi:io handles
 * must be instances of the classes the shim gives for wasi:io.
 */
import type { NetworkSummary } from '../protocol';
import { hostRules, isUrlAllowed, requestHost } from './hostGrants';

export interface HttpLimits {
  /** Bytes of one response body; more fails the request with HTTP-response-body-size. */
  maxResponseBytes: number;
  /** Bytes of one request body; more fails the request with HTTP-request-body-size. */
  maxRequestBytes: number;
  /** From the request being sent to its whole body read; guest options may only shorten it. */
  timeoutMs: number;
  /** Requests one run may send; more fail with connection-limit-reached. */
  maxRequests: number;
}

/** Separate from the output limit: a response is input to the guest, not output of the run. */
export const HTTP_LIMITS: HttpLimits = {
  maxResponseBytes: 4 * 1024 * 1024,
  maxRequestBytes: 4 * 1024 * 1024,
  timeoutMs: 30_000,
  maxRequests: 100,
};

interface StreamHandler {
  read?(len: bigint): Uint8Array;
  blockingRead?(len: bigint): Uint8Array;
  write?(bytes: Uint8Array): void;
  blockingFlush?(): void;
  flush?(): void;
  subscribe?(): unknown;
}

/** preview2-shim's factories for wasi:io streams and pollables. */
export interface IoFactories {
  inputStreamCreate(handler: StreamHandler): unknown;
  outputStreamCreate(handler: StreamHandler): unknown;
  /** A pollable ready when the promise settles; without one, ready at once. */
  pollableCreate(source?: Promise<unknown>): unknown;
}

/** What one run's requests did: sent, and the hosts refused (each once, in order). */
export class NetworkLog implements NetworkSummary {
  requests = 0;
  denied: string[] = [];

  deny(host: string): void {
    if (!this.denied.includes(host)) this.denied.push(host);
  }

  get isEmpty(): boolean {
    return this.requests === 0 && this.denied.length === 0;
  }
}

export interface OutgoingHttpSetup {
  /** The grants' host list: empty means no request leaves the worker. */
  hosts: readonly string[];
  io: IoFactories;
  /** The log of the run the instance is serving now (a warm instance serves several). */
  log: () => NetworkLog;
  fetch?: typeof fetch;
  limits?: HttpLimits;
}

/** wasi:http's error-code: `{ tag }` or `{ tag, val }`, thrown or returned as jco expects. */
export interface HttpErrorCode {
  tag: string;
  val?: unknown;
}

type Method = { tag: string; val?: string };
type Scheme = { tag: 'HTTP' | 'HTTPS' | 'other'; val?: string };
type HeaderEntry = [name: string, value: Uint8Array];
type Outcome = { tag: 'ok'; val: unknown } | { tag: 'err'; val: HttpErrorCode };

// jco disposes of a dropped resource through this symbol (Symbol.for('dispose') where the
// engine has no Symbol.dispose).
const symbolDispose: symbol = (Symbol as { dispose?: symbol }).dispose ?? Symbol.for('dispose');

// RFC 9110 tokens and field values; a value may not hold CR, LF or NUL.
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const isFieldValue = (value: Uint8Array) =>
  value.every((byte) => byte === 0x09 || (byte >= 0x20 && byte !== 0x7f));
/** Headers a client may not set (hop-by-hop and Host), as wasmtime's wasi:http forbids them. */
const FORBIDDEN_HEADERS = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'transfer-encoding',
  'upgrade',
  'host',
  'http2-settings',
]);

// Header values are bytes; fetch's Headers take them as a byte string.
const latin1 = (bytes: Uint8Array) => Array.from(bytes, (b) => String.fromCharCode(b)).join('');
const fromLatin1 = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0) & 0xff);

/**
 * The wasi:http imports for one instance: `types` (its resources) and `outgoingHandler`. Each
 * call makes fresh classes, so no state is shared between instances.
 */
export function createOutgoingHttp(setup: OutgoingHttpSetup) {
  const { io } = setup;
  const limits = setup.limits ?? HTTP_LIMITS;
  const fetchImpl = setup.fetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args));
  const rules = hostRules(setup.hosts);

  // Module-private access to the resources' state, set in their static blocks.
  let lockFields: (fields: Fields) => Fields;
  let requestParts: (request: OutgoingRequest) => {
    method: Method;
    scheme?: Scheme;
    authority?: string;
    pathWithQuery?: string;
    headers: Fields;
    body?: OutgoingBody;
  };
  let bodyContents: (body: OutgoingBody) => Promise<Uint8Array | HttpErrorCode>;
  let startFuture: (sent: Promise<Outcome>, abort: () => void) => FutureIncomingResponse;
  let makeResponse: (status: number, headers: HeaderEntry[], body: Uint8Array) => IncomingResponse;

  class Fields {
    #entries: HeaderEntry[] = [];
    #immutable = false;

    static {
      lockFields = (fields) => {
        fields.#immutable = true;
        return fields;
      };
    }

    static fromList(entries: HeaderEntry[]): Fields {
      const fields = new Fields();
      for (const [name, value] of entries) fields.append(name, value);
      return fields;
    }

    get(name: string): Uint8Array[] {
      const key = name.toLowerCase();
      return this.#entries.filter(([n]) => n.toLowerCase() === key).map(([, v]) => v.slice());
    }

    has(name: string): boolean {
      const key = name.toLowerCase();
      return this.#entries.some(([n]) => n.toLowerCase() === key);
    }

    set(name: string, values: Uint8Array[]): void {
      this.#check(name, values);
      this.#remove(name);
      for (const value of values) this.#entries.push([name, value.slice()]);
    }

    delete(name: string): void {
      this.#check(name, []);
      this.#remove(name);
    }

    append(name: string, value: Uint8Array): void {
      this.#check(name, [value]);
      this.#entries.push([name, value.slice()]);
    }

    entries(): HeaderEntry[] {
      return this.#entries.map(([n, v]) => [n, v.slice()]);
    }

    clone(): Fields {
      const fields = new Fields();
      fields.#entries = this.entries();
      return fields;
    }

    #check(name: string, values: Uint8Array[]): void {
      if (this.#immutable) throw { tag: 'immutable' };
      if (!TOKEN.test(name) || !values.every(isFieldValue)) throw { tag: 'invalid-syntax' };
      if (FORBIDDEN_HEADERS.has(name.toLowerCase())) throw { tag: 'forbidden' };
    }

    #remove(name: string): void {
      const key = name.toLowerCase();
      this.#entries = this.#entries.filter(([n]) => n.toLowerCase() !== key);
    }
  }

  class OutgoingBody {
    #chunks: Uint8Array[] = [];
    #size = 0;
    #tooBig = false;
    #finished = false;
    #streamTaken = false;
    #finish = () => {};
    #done = new Promise<void>((resolve) => (this.#finish = resolve));

    static {
      bodyContents = async (body) => {
        await body.#done;
        if (body.#tooBig) return { tag: 'HTTP-request-body-size', val: BigInt(body.#size) };
        const bytes = new Uint8Array(body.#size);
        let offset = 0;
        for (const chunk of body.#chunks) {
          bytes.set(chunk, offset);
          offset += chunk.length;
        }
        return bytes;
      };
    }

    write(): unknown {
      // result<output-stream>: a second call is the error case.
      if (this.#streamTaken) throw undefined;
      this.#streamTaken = true;
      return io.outputStreamCreate({
        write: (bytes) => {
          if (this.#finished || this.#tooBig) throw { tag: 'closed' };
          this.#size += bytes.length;
          if (this.#size > limits.maxRequestBytes) {
            this.#tooBig = true;
            this.#chunks = [];
            throw { tag: 'closed' };
          }
          this.#chunks.push(bytes.slice());
        },
        blockingFlush() {},
        flush() {},
        subscribe: () => io.pollableCreate(),
      });
    }

    static finish(body: OutgoingBody, trailers?: Fields): void {
      if (trailers !== undefined)
        throw { tag: 'internal-error', val: 'trailers are not supported' };
      if (body.#finished) throw { tag: 'internal-error', val: 'the body was already finished' };
      body.#finished = true;
      body.#finish();
    }
  }

  class OutgoingRequest {
    #headers: Fields;
    #method: Method = { tag: 'get' };
    #scheme?: Scheme;
    #authority?: string;
    #pathWithQuery?: string;
    #body: OutgoingBody | undefined;
    #bodyTaken = false;

    static {
      requestParts = (request) => ({
        method: request.#method,
        scheme: request.#scheme,
        authority: request.#authority,
        pathWithQuery: request.#pathWithQuery,
        headers: request.#headers,
        body: request.#bodyTaken ? request.#body : undefined,
      });
    }

    constructor(headers: Fields) {
      this.#headers = lockFields(headers);
      this.#body = new OutgoingBody();
    }

    body(): OutgoingBody {
      if (this.#bodyTaken || !this.#body) throw undefined;
      this.#bodyTaken = true;
      return this.#body;
    }

    method(): Method {
      return this.#method;
    }

    setMethod(method: Method): void {
      if (method.tag === 'other' && !TOKEN.test(method.val ?? '')) throw undefined;
      this.#method = method;
    }

    pathWithQuery(): string | undefined {
      return this.#pathWithQuery;
    }

    setPathWithQuery(path: string | undefined): void {
      // Origin form only: a path that does not start with "/" could change the authority
      // once joined to it ("@evil.com/").
      if (path !== undefined && !/^\/[\x21-\x7e]*$/.test(path)) throw undefined;
      this.#pathWithQuery = path;
    }

    scheme(): Scheme | undefined {
      return this.#scheme;
    }

    setScheme(scheme: Scheme | undefined): void {
      if (scheme?.tag === 'other' && !/^[A-Za-z][A-Za-z0-9+.-]*$/.test(scheme.val ?? '')) {
        throw undefined;
      }
      this.#scheme = scheme;
    }

    authority(): string | undefined {
      return this.#authority;
    }

    setAuthority(authority: string | undefined): void {
      if (authority !== undefined && !isAuthority(authority)) throw undefined;
      this.#authority = authority;
    }

    headers(): Fields {
      return this.#headers;
    }
  }

  class RequestOptions {
    #connect?: bigint;
    #firstByte?: bigint;
    #betweenBytes?: bigint;
    connectTimeout() {
      return this.#connect;
    }
    setConnectTimeout(duration?: bigint) {
      this.#connect = duration;
    }
    firstByteTimeout() {
      return this.#firstByte;
    }
    setFirstByteTimeout(duration?: bigint) {
      this.#firstByte = duration;
    }
    betweenBytesTimeout() {
      return this.#betweenBytes;
    }
    setBetweenBytesTimeout(duration?: bigint) {
      this.#betweenBytes = duration;
    }
  }

  class FutureTrailers {
    #taken = false;
    subscribe() {
      return io.pollableCreate();
    }
    /** option<result<result<option<trailers>, error-code>>>: none, once, then the error case. */
    get() {
      if (this.#taken) return { tag: 'err', val: undefined };
      this.#taken = true;
      return { tag: 'ok', val: { tag: 'ok', val: undefined } };
    }
  }

  class IncomingBody {
    #stream: unknown;
    constructor(bytes: Uint8Array) {
      let offset = 0;
      const read = (len: bigint) => {
        if (offset >= bytes.length) throw { tag: 'closed' };
        const end = Math.min(bytes.length, offset + Number(len));
        const chunk = bytes.slice(offset, end);
        offset = end;
        return chunk;
      };
      this.#stream = io.inputStreamCreate({
        read,
        blockingRead: read,
        subscribe: () => io.pollableCreate(),
      });
    }
    stream(): unknown {
      if (this.#stream === undefined) throw undefined;
      const stream = this.#stream;
      this.#stream = undefined;
      return stream;
    }
    static finish(_body: IncomingBody): FutureTrailers {
      return new FutureTrailers();
    }
  }

  class IncomingResponse {
    #status = 0;
    #headers = new Fields();
    #body?: IncomingBody;

    static {
      makeResponse = (status, headers, body) => {
        const response = new IncomingResponse();
        response.#status = status;
        response.#headers = lockFields(Fields.fromList(headers));
        response.#body = new IncomingBody(body);
        return response;
      };
    }

    status(): number {
      return this.#status;
    }
    headers(): Fields {
      return this.#headers;
    }
    consume(): IncomingBody {
      if (!this.#body) throw undefined;
      const body = this.#body;
      this.#body = undefined;
      return body;
    }
  }

  class FutureIncomingResponse {
    #outcome?: Outcome;
    #taken = false;
    #sent: Promise<unknown> = Promise.resolve();
    #abort: () => void = () => {};

    static {
      startFuture = (sent, abort) => {
        const future = new FutureIncomingResponse();
        future.#abort = abort;
        future.#sent = sent.then((outcome) => {
          future.#outcome = outcome;
        });
        return future;
      };
    }

    subscribe(): unknown {
      return io.pollableCreate(this.#outcome ? undefined : this.#sent);
    }

    /** option<result<result<incoming-response, error-code>>>. */
    get() {
      if (!this.#outcome) return undefined;
      if (this.#taken) return { tag: 'err', val: undefined };
      this.#taken = true;
      return { tag: 'ok', val: this.#outcome };
    }

    [symbolDispose](): void {
      // Dropped before the response came: nobody will read it.
      if (!this.#outcome) this.#abort();
    }
  }

  /** Sends an allowed request; every failure becomes the error-code the guest sees. */
  async function send(
    url: URL,
    method: string,
    headers: Fields,
    body: OutgoingBody | undefined,
    timeoutMs: number,
    controller: AbortController,
  ): Promise<Outcome> {
    let payload: Uint8Array | undefined;
    if (body) {
      const contents = await bodyContents(body);
      if (!(contents instanceof Uint8Array)) return { tag: 'err', val: contents };
      payload = contents;
    }
    if (payload && payload.length > 0 && (method === 'GET' || method === 'HEAD')) {
      return internalError(`a ${method} request cannot carry a body in the browser`);
    }
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    try {
      const init: RequestInit = {
        method,
        headers: headers.entries().map(([name, value]): [string, string] => [name, latin1(value)]),
        signal: controller.signal,
        // A redirect is returned, not followed: its target was never checked against the grants.
        redirect: 'manual',
        // The page's cookies and address are not the guest's to send.
        credentials: 'omit',
        referrerPolicy: 'no-referrer',
        cache: 'no-store',
        mode: 'cors',
      };
      if (payload && method !== 'GET' && method !== 'HEAD') {
        init.body = payload as Uint8Array<ArrayBuffer>;
      }
      const response = await fetchImpl(url.href, init);
      if (response.type === 'opaqueredirect') {
        return internalError(
          'the host answered with a redirect, which the playground does not follow',
        );
      }
      const bytes = await readCapped(response, limits.maxResponseBytes, controller);
      if (bytes === undefined) {
        return { tag: 'err', val: { tag: 'HTTP-response-body-size', val: undefined } };
      }
      const entries: HeaderEntry[] = [];
      response.headers.forEach((value, name) => entries.push([name, fromLatin1(value)]));
      return { tag: 'ok', val: makeResponse(response.status, entries, bytes) };
    } catch (error) {
      if (timedOut) return { tag: 'err', val: { tag: 'HTTP-response-timeout' } };
      // The browser tells a refused connection, a failed DNS lookup and a CORS refusal apart
      // only in the console, so the guest gets one sentence for all of them.
      return internalError(
        `the request to ${requestHost(url)} failed: the host is unreachable or does not allow requests from this page (CORS)${error instanceof Error && error.name !== 'TypeError' ? ` (${error.message})` : ''}`,
      );
    } finally {
      clearTimeout(timer);
    }
  }

  function handle(request: OutgoingRequest, options?: RequestOptions): FutureIncomingResponse {
    const parts = requestParts(request);
    const scheme = schemeOf(parts.scheme);
    if (scheme === undefined) throw { tag: 'HTTP-protocol-error' };
    if (parts.authority === undefined || parts.pathWithQuery === undefined) {
      throw { tag: 'HTTP-request-URI-invalid' };
    }
    let url: URL;
    try {
      url = new URL(`${scheme}//${parts.authority}${parts.pathWithQuery}`);
    } catch {
      throw { tag: 'HTTP-request-URI-invalid' };
    }
    // The URL checked is the URL fetched: no second parser can read the host differently.
    const log = setup.log();
    if (!isUrlAllowed(url, rules)) {
      log.deny(requestHost(url));
      throw { tag: 'HTTP-request-denied' };
    }
    if (log.requests >= limits.maxRequests) throw { tag: 'connection-limit-reached' };
    const method = methodOf(parts.method);
    if (method === undefined) throw { tag: 'HTTP-request-method-invalid' };
    log.requests += 1;
    const controller = new AbortController();
    const timeoutMs = Math.min(
      limits.timeoutMs,
      ...[options?.connectTimeout(), options?.firstByteTimeout()]
        .filter((d): d is bigint => d !== undefined)
        .map((d) => Number(d / 1_000_000n)),
    );
    const sent = send(url, method, parts.headers, parts.body, timeoutMs, controller);
    return startFuture(sent, () => controller.abort());
  }

  return {
    types: {
      Fields,
      OutgoingRequest,
      OutgoingBody,
      RequestOptions,
      FutureIncomingResponse,
      IncomingResponse,
      IncomingBody,
      FutureTrailers,
      // Our streams fail only with `closed`, never with an io error to translate.
      httpErrorCode: () => undefined,
    },
    outgoingHandler: { handle },
  };
}

function internalError(message: string): Outcome {
  return { tag: 'err', val: { tag: 'internal-error', val: message } };
}

function schemeOf(scheme: Scheme | undefined): string | undefined {
  // wasi:http: no scheme means https.
  if (scheme === undefined || scheme.tag === 'HTTPS') return 'https:';
  if (scheme.tag === 'HTTP') return 'http:';
  const other = scheme.val?.toLowerCase();
  return other === 'http' || other === 'https' ? `${other}:` : undefined;
}

/** The method for fetch; CONNECT and TRACE are ones the browser refuses to send. */
function methodOf(method: Method): string | undefined {
  const name = method.tag === 'other' ? (method.val ?? '') : method.tag.toUpperCase();
  return ['CONNECT', 'TRACE', 'TRACK'].includes(name.toUpperCase()) ? undefined : name;
}

/** host[:port] and nothing else: no userinfo, path, query or fragment. */
function isAuthority(authority: string): boolean {
  if (authority === '' || /[\s/\\@?#%]/.test(authority)) return false;
  try {
    const url = new URL(`http://${authority}/`);
    return url.username === '' && url.password === '' && url.hostname !== '';
  } catch {
    return false;
  }
}

/** The body, or undefined when it is larger than the cap (the fetch is then aborted). */
async function readCapped(
  response: Response,
  cap: number,
  controller: AbortController,
): Promise<Uint8Array | undefined> {
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (declared > cap) {
    controller.abort();
    return undefined;
  }
  if (!response.body) return new Uint8Array();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > cap) {
      controller.abort();
      return undefined;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}
