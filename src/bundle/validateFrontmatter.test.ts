import { describe, expect, it } from 'vitest';
import { validateFrontmatter } from './validateFrontmatter';

const check = (fm: Record<string, unknown>, rootName = 'my-skill') =>
  validateFrontmatter(fm, { rootName, text: `---\nname: x\ndescription: y\n---\n` }).map(
    (d) => d.rule,
  );

describe('validateFrontmatter', () => {
  it('accepts a spec-conforming name and description', () => {
    expect(check({ name: 'my-skill', description: 'Does things. Use when needed.' })).toEqual([]);
  });

  it.each([
    [{ description: 'd' }, 'name-required'],
    [{ name: 42, description: 'd' }, 'name-type'],
    [{ name: 'My-Skill', description: 'd' }, 'name-lowercase'],
    [{ name: 'my_skill', description: 'd' }, 'name-charset'],
    [{ name: '-my-skill', description: 'd' }, 'name-hyphen-edge'],
    [{ name: 'my--skill', description: 'd' }, 'name-double-hyphen'],
    [{ name: 'a'.repeat(65), description: 'd' }, 'name-length'],
    [{ name: 'other', description: 'd' }, 'name-folder-mismatch'],
    [{ name: 'my-skill' }, 'description-required'],
    [{ name: 'my-skill', description: '   ' }, 'description-required'],
    [{ name: 'my-skill', description: ['a'] }, 'description-type'],
    [{ name: 'my-skill', description: 'x'.repeat(1025) }, 'description-length'],
  ])('flags %j with %s', (fm, rule) => {
    expect(check(fm)).toContain(rule);
  });

  it('allows Unicode lowercase letters in the name, as skills-ref does', () => {
    expect(check({ name: '技能', description: 'd' }, '技能')).toEqual([]);
  });

  it('points at the line of the offending key', () => {
    const [d] = validateFrontmatter(
      { name: 'Bad', description: 'd' },
      { rootName: 'Bad', text: '---\ndescription: d\nname: Bad\n---\n' },
    );
    expect(d).toMatchObject({ file: 'SKILL.md', line: 3, rule: 'name-lowercase' });
  });
});
