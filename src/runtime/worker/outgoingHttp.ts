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
import { hostRules, isUrlAllowed, requestHost } from './hostGrants';
import { makeFields } from './httpFields';
import { makeIncoming } from './httpIncomingResponse';
import { HTTP_LIMITS, NetworkLog } from './httpLimits';
import { makeOutgoing } from './httpOutgoingRequest';
import { send } from './httpSend';
import { methodOf, schemeOf } from './httpSyntax';
import type { HttpLimits } from './httpLimits';
import type { IoFactories } from './httpTypes';

export { HTTP_LIMITS, NetworkLog, type HttpLimits };
export type { HttpErrorCode, IoFactories } from './httpTypes';

export interface OutgoingHttpSetup {
  /** The grants' host list: empty means no request leaves the worker. */
  hosts: readonly string[];
  io: IoFactories;
  /** The log of the run the instance is serving now (a warm instance serves several). */
  log: () => NetworkLog;
  fetch?: typeof fetch;
  limits?: HttpLimits;
}

/**
 * The wasi:http imports for one instance: `types` (its resources) and `outgoingHandler`. Each
 * call makes fresh classes, so no state is shared between instances.
 */
export function createOutgoingHttp(setup: OutgoingHttpSetup) {
  const { io } = setup;
  const limits = setup.limits ?? HTTP_LIMITS;
  const fetchImpl = setup.fetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args));
  const rules = hostRules(setup.hosts);

  const fields = makeFields();
  const { Fields } = fields;
  const { OutgoingBody, OutgoingRequest, RequestOptions, requestParts, bodyContents } =
    makeOutgoing(io, limits, fields);
  const {
    FutureTrailers,
    IncomingBody,
    IncomingResponse,
    FutureIncomingResponse,
    startFuture,
    makeResponse,
  } = makeIncoming(io, fields);
  const sendDeps = { fetchImpl, limits, bodyContents, makeResponse };

  function handle(
    request: InstanceType<typeof OutgoingRequest>,
    options?: InstanceType<typeof RequestOptions>,
  ): InstanceType<typeof FutureIncomingResponse> {
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
    const sent = send(sendDeps, url, method, parts.headers, parts.body, timeoutMs, controller);
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
