import { describe, expect, it } from 'vitest';
import { decodeViewFragment, encodeViewFragment } from './viewFragment';

describe('the view in the URL fragment', () => {
  it('names the skill, the tool and the tab, and reads back the same', () => {
    const view = {
      skill: 'url:https://x.test/a&b#skills/one',
      tool: 'greet me',
      tab: 'history',
    } as const;
    const hash = encodeViewFragment(view);
    expect(hash.startsWith('#skill=')).toBe(true);
    expect(decodeViewFragment(hash)).toEqual(view);
  });

  it('reads the links made before it, which name the skill alone', () => {
    expect(decodeViewFragment('#skill=local%3Atext-tools%2F')).toEqual({
      skill: 'local:text-tools/',
    });
    expect(encodeViewFragment({ skill: 'local:text-tools/' })).toBe('#skill=local%3Atext-tools%2F');
  });

  it('leaves other fragments alone: a share link, an empty one, an unknown tab', () => {
    expect(decodeViewFragment('#v=1&s=abc')).toBeNull();
    expect(decodeViewFragment('#skill=a&s=abc')).toBeNull();
    expect(decodeViewFragment('')).toBeNull();
    expect(decodeViewFragment('#tool=greet')).toBeNull();
    expect(decodeViewFragment('#skill=a&tab=secrets')).toEqual({ skill: 'a' });
  });
});
