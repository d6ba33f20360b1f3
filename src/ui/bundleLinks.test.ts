import { describe, expect, it } from 'vitest';
import { resolveBundleLink } from './bundleLinks';

const files = new Set([
  'SKILL.md',
  'references/guide.md',
  'references/api notes.md',
  'assets/logo.png',
  'docs/intro.md',
]);
const has = (path: string) => files.has(path);

describe('resolveBundleLink', () => {
  it("finds the skill's own files behind relative addresses, as a browser resolves them", () => {
    expect(resolveBundleLink('references/guide.md', has)).toEqual({
      kind: 'file',
      path: 'references/guide.md',
    });
    expect(resolveBundleLink('./references/guide.md#setup', has)).toEqual({
      kind: 'file',
      path: 'references/guide.md',
    });
    expect(resolveBundleLink('references/api%20notes.md?plain=1', has)).toEqual({
      kind: 'file',
      path: 'references/api notes.md',
    });
    expect(resolveBundleLink('/assets/logo.png', has)).toEqual({
      kind: 'file',
      path: 'assets/logo.png',
    });
    expect(resolveBundleLink('../assets/logo.png', has, 'docs/intro.md')).toEqual({
      kind: 'file',
      path: 'assets/logo.png',
    });
  });

  it('says when a relative address names no file, or climbs out of the skill', () => {
    expect(resolveBundleLink('references/missing.md', has)).toEqual({
      kind: 'missing',
      path: 'references/missing.md',
    });
    expect(resolveBundleLink('../SKILL.md', has)).toEqual({ kind: 'missing', path: 'SKILL.md' });
    expect(resolveBundleLink('references/', has)).toEqual({ kind: 'missing', path: 'references' });
    expect(resolveBundleLink('bad%E0%A4%A.md', has)).toEqual({
      kind: 'missing',
      path: 'bad%E0%A4%A.md',
    });
  });

  it('leaves addresses with a scheme or a host, fragments and emptied ones alone', () => {
    for (const href of ['https://example.test/a', 'mailto:me@example.test', '//cdn.test/x', '']) {
      expect(resolveBundleLink(href, has)).toEqual({ kind: 'external', href });
    }
    expect(resolveBundleLink('#usage', has)).toEqual({ kind: 'fragment', href: '#usage' });
  });
});
