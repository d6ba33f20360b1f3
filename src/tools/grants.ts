import type { RequestedCapabilities } from '../bundle';
import type { Grants } from '../runtime';

/**
 * The grants a run gets: the person's own choice for the instance when they made one, else a
 * default from what the skill asks. A skill that declares nothing keeps the playground's own
 * sandboxed files (its bundle and its /workspace), as every skill had before permissions; one that
 * declares tools gets what they map to. The network is never on by default: a host is reached
 * only after the person names it.
 */
export function effectiveGrants(requested: RequestedCapabilities, chosen?: Grants): Grants {
  if (chosen) return chosen;
  if (requested.declaredBy === 'none') return { read: true, write: true, hosts: [] };
  return { read: requested.read, write: requested.write, hosts: [] };
}

/** One sentence of what a run may do, shown before it starts. */
export function describeGrants(grants: Grants): string {
  const files =
    grants.read && grants.write
      ? 'read /skill and /workspace, write /workspace'
      : grants.read
        ? 'read /skill and /workspace, write nothing'
        : grants.write
          ? 'read and write /workspace only'
          : 'touch no files';
  const network =
    grants.hosts.length === 0 ? 'reach no network' : `reach ${grants.hosts.join(', ')} only`;
  return `${files}; ${network}`;
}

const HOST =
  /^(\*\.|\.)?([a-z0-9]([a-z0-9-]*[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:\d{1,5})?$/;
const IPV6 = /^\[[0-9a-f:.]+\](:\d{1,5})?$/;

/**
 * Reads the hosts the person typed, one a line: exact (`api.example.com`), every subdomain
 * (`*.example.com`) or a domain with its subdomains (`.example.com`), each with an optional port.
 */
export function parseHostList(text: string): { hosts: string[]; errors: string[] } {
  const hosts: string[] = [];
  const errors: string[] = [];
  for (const raw of text.split(/[\n,]/)) {
    const entry = raw.trim().toLowerCase();
    if (!entry) continue;
    if (/^[a-z][a-z0-9+.-]*:\/\//.test(entry)) {
      errors.push(`${entry}: write the host alone, without its scheme or path.`);
    } else if (entry === '*') {
      errors.push('*: name the hosts; a bare * would let the skill reach any host.');
    } else if (/^(\*\.|\.)[^.]+$/.test(entry)) {
      errors.push(`${entry}: too broad; name a domain under the top level (e.g. *.example.com).`);
    } else if (HOST.test(entry) || IPV6.test(entry)) {
      if (!hosts.includes(entry)) hosts.push(entry);
    } else {
      errors.push(`${entry}: not a host name (e.g. api.example.com, *.example.com).`);
    }
  }
  return { hosts, errors };
}
