/** Sending an allowed request with fetch, and reading its response under the caps. */
import type { Fields } from './httpFields';
import { requestHost } from './hostGrants';
import type { HttpLimits } from './httpLimits';
import type { OutgoingBody } from './httpOutgoingRequest';
import { fromLatin1, latin1 } from './httpSyntax';
import type { HeaderEntry, HttpErrorCode, Outcome } from './httpTypes';

export interface SendDeps {
  fetchImpl: typeof fetch;
  limits: HttpLimits;
  bodyContents: (body: OutgoingBody) => Promise<Uint8Array | HttpErrorCode>;
  makeResponse: (status: number, headers: HeaderEntry[], body: Uint8Array) => unknown;
}

/** Sends an allowed request; every failure becomes the error-code the guest sees. */
export async function send(
  { fetchImpl, limits, bodyContents, makeResponse }: SendDeps,
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

function internalError(message: string): Outcome {
  return { tag: 'err', val: { tag: 'internal-error', val: message } };
}

/** The body, or undefined when it is larger than the cap (the fetch is then aborted). */
export async function readCapped(
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
