// astrid_http_request for a plugin: `{"url","method"="GET","headers":{},"body"?}` in,
// `{"status","headers":{},"body"}` out (skill-formats.md, 3.3). It passes the same gate as a
// component's wasi:http: only hosts the instance's grants name are reached, a refused host is
// recorded for the audit, and an allowed request goes out without the page's cookies or address,
// without following redirects, within a timeout and a cap on the response.
import { hostRules, isUrlAllowed, requestHost } from '../hostGrants';
import { HTTP_LIMITS, type HttpLimits, type NetworkLog } from '../httpLimits';
import { readCapped } from '../httpSend';
import { HostRefusal } from './astridHost';

export interface CapsuleHttpSetup {
  /** The grants' host list: empty means no request leaves the worker. */
  hosts: readonly string[];
  network: NetworkLog;
  /** Called with the sentence of a refused request, before the call fails with it. */
  onDenied: (detail: string) => void;
  fetchImpl?: typeof fetch;
  limits?: HttpLimits;
}

interface CapsuleRequest {
  url: URL;
  method: string;
  headers: Array<[string, string]>;
  body?: string;
}

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

const fail = (message: string) => new HostRefusal('ExecutionFailure', message);

/** Reads the request astrid takes; headers as a map, or as astrid's older list of pairs. */
export function parseCapsuleRequest(text: string): CapsuleRequest {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw fail(`invalid http request json: ${error instanceof Error ? error.message : error}`);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw fail('invalid http request json: expected an object with a url.');
  }
  const { url, method = 'GET', headers = {}, body } = raw as Record<string, unknown>;
  if (typeof url !== 'string') throw fail('invalid http request json: url must be a string.');
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw fail(`invalid url ${url}`);
  }
  if (typeof method !== 'string' || !TOKEN.test(method)) {
    throw fail(`invalid http request json: ${JSON.stringify(method)} is not an HTTP method.`);
  }
  const pairs: unknown[] = Array.isArray(headers)
    ? headers.map((h: { key?: unknown; value?: unknown }) => [h?.key, h?.value])
    : typeof headers === 'object' && headers !== null
      ? Object.entries(headers)
      : [null];
  if (!pairs.every((p) => Array.isArray(p) && p.every((part) => typeof part === 'string'))) {
    throw fail('invalid http request json: headers must map names to strings.');
  }
  if (body !== undefined && body !== null && typeof body !== 'string') {
    throw fail('invalid http request json: body must be a string.');
  }
  return {
    url: parsed,
    method: method.toUpperCase(),
    headers: pairs as Array<[string, string]>,
    ...(typeof body === 'string' ? { body } : {}),
  };
}

/** The function behind astrid_http_request for one run. */
export function capsuleHttp(setup: CapsuleHttpSetup): (request: string) => Promise<string> {
  const rules = hostRules(setup.hosts);
  const limits = setup.limits ?? HTTP_LIMITS;
  const fetchImpl = setup.fetchImpl ?? ((...args: Parameters<typeof fetch>) => fetch(...args));
  return async (text) => {
    const request = parseCapsuleRequest(text);
    const { url, method } = request;
    if (!isUrlAllowed(url, rules)) {
      const host = requestHost(url);
      setup.network.deny(host);
      const detail = `security denied network access: ${host} is not among the hosts the instance's grants allow.`;
      setup.onDenied(detail);
      throw new HostRefusal('PermissionDenied', detail);
    }
    if (setup.network.requests >= limits.maxRequests) {
      throw fail(`The run made more than ${limits.maxRequests} requests.`);
    }
    const body = request.body === undefined ? undefined : new TextEncoder().encode(request.body);
    if (body && body.byteLength > limits.maxRequestBytes) {
      throw fail(`The request body is larger than ${limits.maxRequestBytes} bytes.`);
    }
    if (body && body.byteLength > 0 && (method === 'GET' || method === 'HEAD')) {
      throw fail(`a ${method} request cannot carry a body in the browser`);
    }
    setup.network.requests += 1;
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, limits.timeoutMs);
    try {
      const response = await fetchImpl(url.href, {
        method,
        headers: request.headers,
        signal: controller.signal,
        // The same walls as wasi:http (httpSend.ts): no redirect, cookie or referrer.
        redirect: 'manual',
        credentials: 'omit',
        referrerPolicy: 'no-referrer',
        cache: 'no-store',
        mode: 'cors',
        ...(body && method !== 'GET' && method !== 'HEAD'
          ? { body: body as Uint8Array<ArrayBuffer> }
          : {}),
      });
      if (response.type === 'opaqueredirect') {
        throw fail('the host answered with a redirect, which the playground does not follow');
      }
      const bytes = await readCapped(response, limits.maxResponseBytes, controller);
      if (bytes === undefined) {
        throw fail(`The response body is larger than ${limits.maxResponseBytes} bytes.`);
      }
      const headers: Record<string, string> = {};
      response.headers.forEach((value, name) => (headers[name] = value));
      return JSON.stringify({
        status: response.status,
        headers,
        body: new TextDecoder().decode(bytes),
      });
    } catch (error) {
      if (error instanceof HostRefusal) throw error;
      if (timedOut) throw fail(`HTTP request failed: no answer within ${limits.timeoutMs} ms.`);
      throw fail(
        `HTTP request failed: ${requestHost(url)} is unreachable or does not allow requests from this page (CORS).`,
      );
    } finally {
      clearTimeout(timer);
    }
  };
}
