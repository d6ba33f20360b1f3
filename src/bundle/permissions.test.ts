import { describe, expect, it } from 'vitest';
import {
  capabilitiesFromAllowedTools,
  capabilitiesFromCapsule,
  parseAllowedTools,
  requestedCapabilities,
} from './permissions';

describe('allowed-tools as capabilities', () => {
  it('maps tools as OpenSkills does: read, write, both, network, nothing', () => {
    expect(capabilitiesFromAllowedTools('Read Grep')).toMatchObject({
      read: true,
      write: false,
      hosts: [],
    });
    expect(capabilitiesFromAllowedTools('Edit')).toMatchObject({ read: false, write: true });
    expect(capabilitiesFromAllowedTools('Bash')).toMatchObject({ read: true, write: true });
    expect(capabilitiesFromAllowedTools('WebFetch')).toMatchObject({ hosts: ['*'] });
    expect(capabilitiesFromAllowedTools('hello, echo')).toMatchObject({
      declaredBy: 'allowed-tools',
      read: false,
      write: false,
      hosts: [],
    });
  });

  it('reads scoped forms, commas, spaces and YAML lists', () => {
    expect(parseAllowedTools('Bash(git status:*), Read WebSearch')).toEqual([
      { name: 'Bash', scope: 'git status:*', grants: ['read', 'write'] },
      { name: 'Read', grants: ['read'] },
      { name: 'WebSearch', grants: ['network'] },
    ]);
    expect(parseAllowedTools(['Write', 7, 'LS'])).toEqual([
      { name: 'Write', grants: ['write'] },
      { name: 'LS', grants: ['read'] },
    ]);
  });

  it('asks for nothing when nothing is declared', () => {
    expect(capabilitiesFromAllowedTools(undefined).declaredBy).toBe('none');
    expect(capabilitiesFromAllowedTools('  ').declaredBy).toBe('none');
  });
});

describe('Capsule.toml capabilities', () => {
  it('maps fs_read, fs_write and net', () => {
    expect(
      capabilitiesFromCapsule({ fs_read: ['workspace://'], net: ['api.example.com'] }),
    ).toEqual({
      declaredBy: 'capsule',
      read: true,
      write: false,
      hosts: ['api.example.com'],
      tools: [],
    });
  });

  it('prefers the capsule over SKILL.md', () => {
    const capsule = {
      components: [],
      tools: [],
      env: [],
      capabilities: { fs_write: ['workspace://'] },
    };
    const skillMd = { frontmatter: { 'allowed-tools': 'WebFetch' } };
    expect(requestedCapabilities({ capsule, skillMd })).toMatchObject({ write: true, hosts: [] });
    expect(requestedCapabilities({ skillMd })).toMatchObject({ hosts: ['*'] });
  });
});
