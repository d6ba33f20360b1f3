import { describe, expect, it } from 'vitest';
import type { BundleSource } from '../bundle';
import { findSameSource, sameNameSkills, sameSource, skillKey, sourceKeyOf } from './skillIdentity';
import type { SkillEntry } from './types';

/** A listed skill of this name from this source, kept under `key` (its source's key unless given). */
function listed(name: string, source: BundleSource, key = skillKey(source, name)): SkillEntry {
  return {
    key,
    source,
    name,
    description: '',
    status: 'listed',
    stored: true,
    needsConsent: false,
  };
}

describe('skillKey', () => {
  it('is where the skill came from, whatever it is named', () => {
    expect(skillKey({ kind: 'example', id: 'data-tools' }, 'x')).toBe('example:data-tools');
    expect(skillKey({ kind: 'folder', name: 'repo', path: 'skills/pdf' }, 'pdf')).toBe(
      'local:repo/skills/pdf',
    );
    expect(skillKey({ kind: 'folder', name: 'pdf', path: '' }, 'pdf')).toBe('local:pdf');
    expect(skillKey({ kind: 'archive', name: 'pdf.skill', path: '' }, 'pdf')).toBe(
      'local:pdf.skill',
    );
    expect(skillKey({ kind: 'wasm', name: 'tool.wasm' }, 'tool')).toBe('local:tool.wasm');
    expect(skillKey({ kind: 'skillspec', name: 'spec.json' }, 'spec')).toBe('local:spec.json');
    expect(
      skillKey({ kind: 'url', url: 'https://a.example/kit.zip', path: 'measure-kit' }, 'x'),
    ).toBe('url:https://a.example/kit.zip#measure-kit');
    expect(skillKey({ kind: 'link', name: 'n', sha256: 'abc' }, 'notes')).toBe('link:abc#notes');
  });

  it('gives two skills of one name from two places two keys', () => {
    const keys = [
      skillKey({ kind: 'folder', name: 'first', path: 'notes' }, 'notes'),
      skillKey({ kind: 'folder', name: 'second', path: 'notes' }, 'notes'),
      skillKey({ kind: 'archive', name: 'notes.zip', path: 'notes' }, 'notes'),
      skillKey({ kind: 'url', url: 'https://a.example/measure-kit.zip', path: '' }, 'measure-kit'),
      skillKey({ kind: 'url', url: 'https://b.example/measure-kit.zip', path: '' }, 'measure-kit'),
      skillKey({ kind: 'link', name: 'notes', sha256: 'one' }, 'notes'),
      skillKey({ kind: 'link', name: 'notes', sha256: 'two' }, 'notes'),
    ];
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('names a URL skill kept without a path by its folder, as it was kept', () => {
    expect(skillKey({ kind: 'url', url: 'https://a.example/kit.zip' }, 'kit')).toBe(
      'url:https://a.example/kit.zip#kit',
    );
  });
});

describe('sameSource', () => {
  it('finds a skill kept under an older key by the place it came from', () => {
    const source: BundleSource = { kind: 'folder', name: 'pdf', path: '' };
    const old = listed('pdf', source, 'folder:pdf');
    expect(sourceKeyOf(old)).toBe('local:pdf');
    expect(sameSource(old, 'local:pdf')).toBe(true);
    expect(sameSource(old, 'folder:pdf')).toBe(true);
    expect(findSameSource([old], 'local:pdf')).toBe(old);
  });

  it('never takes a skill of the same name from another place for it', () => {
    const first = listed('notes', { kind: 'folder', name: 'first', path: 'notes' });
    const other = skillKey({ kind: 'folder', name: 'second', path: 'notes' }, 'notes');
    expect(sameSource(first, other)).toBe(false);
    expect(findSameSource([first], other)).toBeUndefined();
    const fromHost = listed('kit', { kind: 'url', url: 'https://a.example/kit.zip', path: 'kit' });
    const otherHost = skillKey(
      { kind: 'url', url: 'https://b.example/kit.zip', path: 'kit' },
      'kit',
    );
    expect(findSameSource([fromHost], otherHost)).toBeUndefined();
  });

  it('keeps a URL skill by its key alone: its folder name is part of it', () => {
    const kept = listed('kit', { kind: 'url', url: 'https://a.example/kit.zip' });
    expect(sourceKeyOf(kept)).toBe(kept.key);
  });
});

describe('sameNameSkills', () => {
  it('gives each skill sharing its name the others, and none to a skill alone', () => {
    const first = listed('notes', { kind: 'folder', name: 'first', path: 'notes' });
    const second = listed('notes', { kind: 'folder', name: 'second', path: 'notes' });
    const alone = listed('pdf', { kind: 'folder', name: 'pdf', path: '' });
    const shared = sameNameSkills([first, second, alone]);
    expect(shared.get(first.key)).toEqual([second]);
    expect(shared.get(second.key)).toEqual([first]);
    expect(shared.has(alone.key)).toBe(false);
  });
});
