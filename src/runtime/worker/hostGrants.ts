/**
 * Which hosts a run may reach over HTTP, from the grants' host list (`Grants.hosts`):
 * - `api.example.com`: that host only;
 * - `*.example.com`: every subdomain of example.com at any depth, not example.com itself;
 * - `.example.com`: example.com and every subdomain of it.
 * A grant may name a port (`localhost:8080`, `*.example.com:8443`); without one it allows the
 * scheme's default port only (80 for http, 443 for https), as a browser origin would.
 *
 * Hosts are compared in the form the WHATWG URL parser gives them, the same parser that
 * turns the request into the URL that is fetched: lower case, IDN as punycode, IPv4 in dotted
 * decimal (`0x7f.1` is 127.0.0.1), IPv6 compressed in brackets, userinfo apart from the host.
 * A trailing dot is ignored on both sides. IP addresses match exact grants only.
 */

export interface HostRule {
  kind: 'exact' | 'subdomains' | 'domain';
  /** Normalised: lower case, punycode, no trailing dot; IPv6 in brackets. */
  host: string;
  /** Without one, the scheme's default port. */
  port?: number;
}

export type GrantParse = { ok: true; rule: HostRule } | { ok: false; reason: string };

const DEFAULT_PORTS: Record<string, number> = { 'http:': 80, 'https:': 443 };

/** Characters that would make a grant more than a host and port. */
const NOT_IN_A_HOST = /[\s/\\@?#%]/;

/** Reads one grant; says why when it is not one of the forms above. */
export function parseHostGrant(text: string): GrantParse {
  const grant = text.trim();
  if (grant === '') return { ok: false, reason: 'empty' };
  if (NOT_IN_A_HOST.test(grant)) {
    return { ok: false, reason: 'a grant is a host name, without a scheme, path or user' };
  }
  let kind: HostRule['kind'] = 'exact';
  let rest = grant;
  if (rest.startsWith('*.')) {
    kind = 'subdomains';
    rest = rest.slice(2);
  } else if (rest.startsWith('.')) {
    kind = 'domain';
    rest = rest.slice(1);
  }
  if (rest.includes('*')) return { ok: false, reason: 'only a leading "*." is allowed' };

  // The port is read here: the URL parser would drop one that is the http default.
  const portMatch = /:(\d{1,5})$/.exec(rest);
  let port: number | undefined;
  if (portMatch && !/^\[[^\]]*$/.test(rest.slice(0, portMatch.index))) {
    port = Number(portMatch[1]);
    if (port < 1 || port > 65535) return { ok: false, reason: 'the port is out of range' };
    rest = rest.slice(0, portMatch.index);
  }
  const host = normaliseHost(rest);
  if (host === undefined) return { ok: false, reason: 'not a valid host name' };
  if (kind !== 'exact') {
    if (isIpLiteral(host))
      return { ok: false, reason: 'an IP address can only be granted exactly' };
    // "*.com" or ".com" would grant a whole top-level domain.
    if (!host.includes('.')) {
      return { ok: false, reason: 'a wildcard needs a domain of at least two labels' };
    }
  }
  return { ok: true, rule: { kind, host, ...(port === undefined ? {} : { port }) } };
}

/** The grants that parse; the others allow nothing (the person's form reports them). */
export function hostRules(hosts: readonly string[]): HostRule[] {
  const rules: HostRule[] = [];
  for (const text of hosts) {
    const parsed = parseHostGrant(text);
    if (parsed.ok) rules.push(parsed.rule);
  }
  return rules;
}

/** Whether the rules allow a request to this URL: http(s) only, host and port as above. */
export function isUrlAllowed(url: URL, rules: readonly HostRule[]): boolean {
  const defaultPort = DEFAULT_PORTS[url.protocol];
  if (defaultPort === undefined || url.username !== '' || url.password !== '') return false;
  const host = stripDot(url.hostname);
  if (host === '') return false;
  const port = url.port === '' ? defaultPort : Number(url.port);
  return rules.some((rule) => (rule.port ?? defaultPort) === port && hostMatches(host, rule));
}

/** The host (and port when not the default) a request went to, as the audit names it. */
export function requestHost(url: URL): string {
  return url.host;
}

function hostMatches(host: string, rule: HostRule): boolean {
  if (host === rule.host) return rule.kind !== 'subdomains';
  if (rule.kind === 'exact' || isIpLiteral(host)) return false;
  return host.endsWith(`.${rule.host}`);
}

/** The host as the URL parser writes it, or undefined when it is not a valid host. */
function normaliseHost(text: string): string | undefined {
  if (text === '' || text.startsWith('.')) return undefined;
  // A colon left over is an empty or malformed port, or an IPv6 address without brackets.
  if (text.startsWith('[') ? !/^\[[^\]]*\]$/.test(text) : text.includes(':')) return undefined;
  try {
    const url = new URL(`http://${text}/`);
    // Anything the parser moved out of the host (a port, a path) means it was not only a host.
    if (url.port !== '' || url.pathname !== '/' || url.search !== '' || url.hash !== '') {
      return undefined;
    }
    const host = stripDot(url.hostname);
    return host === '' ? undefined : host;
  } catch {
    return undefined;
  }
}

const stripDot = (host: string) => (host.endsWith('.') ? host.slice(0, -1) : host);

function isIpLiteral(host: string): boolean {
  // The URL parser has already turned every IPv4 spelling into dotted decimal.
  return host.startsWith('[') || /^\d+\.\d+\.\d+\.\d+$/.test(host);
}
