import { describe, expect, it } from 'vitest';
import { capabilitiesFromAllowedTools, NOTHING_REQUESTED } from '../bundle';
import { describeGrants, effectiveGrants, parseHostList } from './grants';

describe('effective grants', () => {
  it('keeps its own files for a skill that declares nothing, and no network', () => {
    expect(effectiveGrants(NOTHING_REQUESTED)).toEqual({ read: true, write: true, hosts: [] });
  });

  it('follows what declared tools map to, never turning the network on', () => {
    expect(effectiveGrants(capabilitiesFromAllowedTools('Read WebFetch'))).toEqual({
      read: true,
      write: false,
      hosts: [],
    });
  });

  it("takes the person's choice over the skill's ask", () => {
    const chosen = { read: false, write: false, hosts: ['api.example.com'] };
    expect(effectiveGrants(capabilitiesFromAllowedTools('Bash'), chosen)).toBe(chosen);
  });

  it('says in one sentence what a run may do', () => {
    expect(describeGrants({ read: true, write: false, hosts: [] })).toBe(
      'read /skill and /workspace, write nothing; reach no network',
    );
    expect(describeGrants({ read: false, write: false, hosts: ['a.com', '.b.org'] })).toBe(
      'touch no files; reach a.com, .b.org only',
    );
  });
});

describe('the hosts a person types', () => {
  it('takes exact, wildcard and parent forms with ports, one a line', () => {
    expect(
      parseHostList('API.example.com\n*.cdn.example.com\n.example.org, 127.0.0.1:8080\n'),
    ).toEqual({
      hosts: ['api.example.com', '*.cdn.example.com', '.example.org', '127.0.0.1:8080'],
      errors: [],
    });
  });

  it('refuses URLs, a bare star and nonsense with a sentence each', () => {
    const { hosts, errors } = parseHostList('https://a.com/x\n*\nnot a host\n*.com');
    expect(hosts).toEqual([]);
    expect(errors).toEqual([
      'https://a.com/x: write the host alone, without its scheme or path.',
      '*: name the hosts; a bare * would let the skill reach any host.',
      'not a host: not a host name (e.g. api.example.com, *.example.com).',
      '*.com: too broad; name a domain under the top level (e.g. *.example.com).',
    ]);
  });
});
