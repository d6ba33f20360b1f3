import { describe, expect, it } from 'vitest';
import { discoverSkills } from './discoverSkills';

const found = (paths: string[], maxDepth?: number) =>
  discoverSkills(paths, maxDepth).skills.map((s) => s.path);

describe('discoverSkills', () => {
  it('finds the skills of a repository checkout and reports everything else', () => {
    const { skills, skipped } = discoverSkills([
      'README.md',
      'LICENSE',
      'skills/pdf/SKILL.md',
      'skills/pdf/scripts/fill.py',
      'skills/pdf/reference/forms.md',
      'skills/docx/SKILL.md',
      'skills/README.md',
      'scripts/release.sh',
      'scripts/lib/util.sh',
      'docs/guide.md',
      'node_modules/left-pad/index.js',
      '.git/HEAD',
      '.git/objects/ab/cdef',
      '.github/workflows/ci.yml',
      '.vscode/settings.json',
      '.claude/skills/helper/SKILL.md',
      '.claude/commands/review.md',
    ]);
    expect(skills).toEqual([
      { path: '.claude/skills/helper', marker: 'skill-md', files: ['SKILL.md'] },
      {
        path: 'skills/docx',
        marker: 'skill-md',
        files: ['SKILL.md'],
      },
      {
        path: 'skills/pdf',
        marker: 'skill-md',
        files: ['SKILL.md', 'reference/forms.md', 'scripts/fill.py'],
      },
    ]);
    expect(skipped).toEqual([
      { path: 'README.md', reason: 'outside' },
      { path: 'LICENSE', reason: 'outside' },
      { path: '.claude/commands/', reason: 'no-skill' },
      { path: '.git/', reason: 'not-searched' },
      { path: '.github/', reason: 'no-skill' },
      { path: '.vscode/', reason: 'not-searched' },
      { path: 'docs/', reason: 'no-skill' },
      { path: 'node_modules/', reason: 'not-searched' },
      { path: 'scripts/', reason: 'no-skill' },
      { path: 'skills/README.md', reason: 'outside' },
    ]);
  });

  it('takes the searched folder itself as the skill when it holds SKILL.md', () => {
    expect(discoverSkills(['SKILL.md', 'scripts/a.py', 'scripts/deep/b.py'])).toEqual({
      skills: [
        { path: '', marker: 'skill-md', files: ['SKILL.md', 'scripts/a.py', 'scripts/deep/b.py'] },
      ],
      skipped: [],
    });
  });

  it('keeps a skill whole: a SKILL.md in one of its sub-folders makes no second skill', () => {
    expect(found(['a/SKILL.md', 'a/examples/b/SKILL.md'])).toEqual(['a']);
  });

  it('finds skills at any depth down to the bound, and says what lies below it', () => {
    const deep = (n: number) =>
      `${Array.from({ length: n }, (_, i) => `d${i + 1}`).join('/')}/SKILL.md`;
    expect(found([deep(4), 'x/y/z/w/v/u/SKILL.md'])).toEqual(['d1/d2/d3/d4', 'x/y/z/w/v/u']);
    expect(found([deep(8)])).toEqual(['d1/d2/d3/d4/d5/d6/d7/d8']);
    const { skills, skipped } = discoverSkills([deep(9)]);
    expect(skills).toEqual([]);
    expect(skipped).toEqual([{ path: 'd1/d2/d3/d4/d5/d6/d7/d8/d9/', reason: 'too-deep' }]);
    expect(found([deep(3)], 2)).toEqual([]);
  });

  it('searches only the skills/ folder of the dot-folders agents read', () => {
    expect(
      found([
        '.agents/skills/a/SKILL.md',
        '.cursor/skills/b/SKILL.md',
        '.codex/skills/c/SKILL.md',
        '.github/skills/d/SKILL.md',
        '.claude/agents/e/SKILL.md',
        '.hidden/skills/f/SKILL.md',
        'packages/app/.claude/skills/g/SKILL.md',
      ]),
    ).toEqual([
      '.agents/skills/a',
      '.codex/skills/c',
      '.cursor/skills/b',
      '.github/skills/d',
      'packages/app/.claude/skills/g',
    ]);
  });

  it('takes a folder with skill.wasm or wasm/skill.wasm and no SKILL.md as a skill, named by its folder', () => {
    const { skills } = discoverSkills([
      'examples/hello/wasm/skill.wasm',
      'examples/hello/README.md',
      'examples/bare/skill.wasm',
      'examples/capsule/Capsule.toml',
      'examples/other/component.wasm',
    ]);
    expect(skills.map((s) => [s.path, s.marker])).toEqual([
      ['examples/bare', 'wasm'],
      ['examples/capsule', 'capsule'],
      ['examples/hello', 'wasm'],
    ]);
  });

  it('leaves .git and node_modules out of a skill, saying so', () => {
    expect(
      discoverSkills(['s/SKILL.md', 's/node_modules/x/index.js', 's/.git/HEAD', 's/.DS_Store']),
    ).toEqual({
      skills: [{ path: 's', marker: 'skill-md', files: ['SKILL.md'] }],
      skipped: [
        { path: 's/.git/', reason: 'not-searched' },
        { path: 's/node_modules/', reason: 'not-searched' },
      ],
    });
  });

  it('knows a folder whose contents were not read by its trailing slash', () => {
    expect(discoverSkills(['s/SKILL.md', 'node_modules/', '.git/'])).toEqual({
      skills: [{ path: 's', marker: 'skill-md', files: ['SKILL.md'] }],
      skipped: [
        { path: '.git/', reason: 'not-searched' },
        { path: 'node_modules/', reason: 'not-searched' },
      ],
    });
  });

  it('reports a folder with no skill in it at all as that one folder', () => {
    expect(discoverSkills(['stuff/deep/readme.txt', 'stuff/other.txt'])).toEqual({
      skills: [],
      skipped: [{ path: 'stuff/', reason: 'no-skill' }],
    });
  });

  it('finds 500 skills among 20,000 other files', () => {
    const paths: string[] = [];
    for (let i = 0; i < 500; i++) paths.push(`skills/s${i}/SKILL.md`, `skills/s${i}/run.py`);
    for (let i = 0; i < 20_000; i++) paths.push(`src/m${i % 200}/f${i}.ts`);
    expect(discoverSkills(paths).skills).toHaveLength(500);
  });
});
