/**
 * wasi:http's request side: `outgoing-request`, `outgoing-body` and `request-options`, made
 * fresh for each instance.
 */
import type { Fields, FieldsKit } from './httpFields';
import type { HttpLimits } from './httpLimits';
import { isAuthority, isPathWithQuery, isSchemeName, TOKEN } from './httpSyntax';
import type { HttpErrorCode, IoFactories, Method, Scheme } from './httpTypes';

export type OutgoingKit = ReturnType<typeof makeOutgoing>;
export type OutgoingBody = InstanceType<OutgoingKit['OutgoingBody']>;
export type OutgoingRequest = InstanceType<OutgoingKit['OutgoingRequest']>;
export type RequestOptions = InstanceType<OutgoingKit['RequestOptions']>;

/**
 * The classes, with `requestParts` (what `handle` sends) and `bodyContents` (the body once the
 * guest has finished it, or the error-code when it was over the cap).
 */
export function makeOutgoing(io: IoFactories, limits: HttpLimits, { lockFields }: FieldsKit) {
  // Module-private access to the resources' state, set in their static blocks.
  let requestParts!: (request: OutgoingRequest) => {
    method: Method;
    scheme?: Scheme;
    authority?: string;
    pathWithQuery?: string;
    headers: Fields;
    body?: OutgoingBody;
  };
  let bodyContents!: (body: OutgoingBody) => Promise<Uint8Array | HttpErrorCode>;

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
      if (path !== undefined && !isPathWithQuery(path)) throw undefined;
      this.#pathWithQuery = path;
    }

    scheme(): Scheme | undefined {
      return this.#scheme;
    }

    setScheme(scheme: Scheme | undefined): void {
      if (scheme?.tag === 'other' && !isSchemeName(scheme.val ?? '')) throw undefined;
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

  return { OutgoingBody, OutgoingRequest, RequestOptions, requestParts, bodyContents };
}
