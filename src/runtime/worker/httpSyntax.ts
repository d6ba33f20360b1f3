/** What wasi:http lets a guest put in a request: header, method, scheme, authority and path. */
import type { Method, Scheme } from './httpTypes';

// RFC 9110 tokens and field values; a value may not hold CR, LF or NUL.
export const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
export const isFieldValue = (value: Uint8Array) =>
  value.every((byte) => byte === 0x09 || (byte >= 0x20 && byte !== 0x7f));
/** Headers a client may not set (hop-by-hop and Host), as wasmtime's wasi:http forbids them. */
export const FORBIDDEN_HEADERS = new Set([
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
export const latin1 = (bytes: Uint8Array) =>
  Array.from(bytes, (b) => String.fromCharCode(b)).join('');
export const fromLatin1 = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0) & 0xff);

export function isPathWithQuery(path: string): boolean {
  // Origin form only: a path that does not start with "/" could change the authority
  // once joined to it ("@evil.com/").
  return /^\/[\x21-\x7e]*$/.test(path);
}

export function isSchemeName(name: string): boolean {
  return /^[A-Za-z][A-Za-z0-9+.-]*$/.test(name);
}

/** host[:port] and nothing else: no userinfo, path, query or fragment. */
export function isAuthority(authority: string): boolean {
  if (authority === '' || /[\s/\\@?#%]/.test(authority)) return false;
  try {
    const url = new URL(`http://${authority}/`);
    return url.username === '' && url.password === '' && url.hostname !== '';
  } catch {
    return false;
  }
}

export function schemeOf(scheme: Scheme | undefined): string | undefined {
  // wasi:http: no scheme means https.
  if (scheme === undefined || scheme.tag === 'HTTPS') return 'https:';
  if (scheme.tag === 'HTTP') return 'http:';
  const other = scheme.val?.toLowerCase();
  return other === 'http' || other === 'https' ? `${other}:` : undefined;
}

/** The method for fetch; CONNECT and TRACE are ones the browser refuses to send. */
export function methodOf(method: Method): string | undefined {
  const name = method.tag === 'other' ? (method.val ?? '') : method.tag.toUpperCase();
  return ['CONNECT', 'TRACE', 'TRACK'].includes(name.toUpperCase()) ? undefined : name;
}
