import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { bundlesFromPicked } from './pickedFiles';
import type { PickedFile } from './types';

const file = (path: string, text = 'x'): PickedFile => ({ path, file: new Blob([text]) });

describe('bundlesFromPicked', () => {
  it('makes one bundle per top-level folder, with paths relative to it', async () => {
    const { bundles, problems } = await bundlesFromPicked([
      file('demo/SKILL.md'),
      file('demo/wasm/skill.wasm'),
      file('other/SKILL.md'),
    ]);
    expect(problems).toEqual([]);
    expect(bundles.map((b) => [b.rootName, [...b.files.keys()]])).toEqual([
      ['demo', ['SKILL.md', 'wasm/skill.wasm']],
      ['other', ['SKILL.md']],
    ]);
  });

  it('splits a folder of skill folders into its skills', async () => {
    const { bundles } = await bundlesFromPicked([
      file('skills/a/SKILL.md'),
      file('skills/b/SKILL.md'),
    ]);
    expect(bundles.map((b) => b.rootName)).toEqual(['a', 'b']);
  });

  it('takes a lone .wasm file as a skill and reports other loose files', async () => {
    const { bundles, problems } = await bundlesFromPicked([file('tool.wasm'), file('notes.txt')]);
    expect(bundles).toMatchObject([
      { rootName: 'tool', source: { kind: 'wasm', name: 'tool.wasm' } },
    ]);
    expect(problems).toEqual([expect.stringContaining('notes.txt is not a skill')]);
  });

  it('skips .git and node_modules inside a skill', async () => {
    const { bundles } = await bundlesFromPicked([
      file('demo/SKILL.md'),
      file('demo/.git/HEAD'),
      file('demo/node_modules/x/index.js'),
    ]);
    expect([...bundles[0]!.files.keys()]).toEqual(['SKILL.md']);
  });

  it('opens an archive, and reports one that breaks a rule instead of opening it', async () => {
    const good = zipSync({ 'demo/SKILL.md': strToU8('x') });
    const twice = zipSync({ 'bad/SKILL.md': strToU8('x'), 'bad\\SKILL.md': strToU8('y') });
    const { bundles, problems } = await bundlesFromPicked([
      { path: 'demo.zip', file: new Blob([good as BlobPart]) },
      { path: 'bad.zip', file: new Blob([twice as BlobPart]) },
    ]);
    expect(bundles).toMatchObject([{ rootName: 'demo', source: { kind: 'archive' } }]);
    expect(problems).toEqual(['bad.zip was refused: it holds "bad/SKILL.md" twice.']);
  });

  it('reports a folder in which no SKILL.md can be found', async () => {
    const { bundles, problems } = await bundlesFromPicked([file('stuff/deep/readme.txt')]);
    expect(bundles).toEqual([]);
    expect(problems[0]).toContain('has no SKILL.md');
  });
});

describe('SkillSpec imports', () => {
  it('turns a lone SkillSpec .json into an instructions-only skill named by its id', async () => {
    const spec = { id: 'web-search', name: 'Web search', description: 'd', instructions_md: 'Do.' };
    const { bundles, problems } = await bundlesFromPicked([
      file('search.json', JSON.stringify(spec)),
    ]);
    expect(problems).toEqual([]);
    expect(bundles[0]).toMatchObject({
      rootName: 'web-search',
      source: { kind: 'skillspec', name: 'search.json' },
    });
    const md = new TextDecoder().decode(bundles[0]!.files.get('SKILL.md'));
    expect(md).toMatch(/^---\nname: web-search\ndescription: d\n/);
    expect(md.trimEnd().endsWith('Do.')).toBe(true);
  });

  it('refuses a record awaken would refuse, with its reasons', async () => {
    const { bundles, problems } = await bundlesFromPicked([file('x.json', '{"id": "x"}')]);
    expect(bundles).toEqual([]);
    expect(problems[0]).toMatch(/^x\.json is not a SkillSpec awaken would accept: .*name/);
  });

  it('says in one line that a package.json or a tsconfig.json is not a skill', async () => {
    const packageJson = {
      name: 'weather-dashboard',
      version: '1.4.2',
      description: 'A dashboard for local weather',
      type: 'module',
      scripts: { dev: 'vite', build: 'vite build' },
      dependencies: { react: '^19.1.0' },
      devDependencies: { vite: '^6.3.5' },
      license: 'MIT',
    };
    const tsconfig = { compilerOptions: { strict: true }, include: ['src'] };
    const { bundles, problems } = await bundlesFromPicked([
      file('package.json', JSON.stringify(packageJson, null, 2)),
      file('tsconfig.json', JSON.stringify(tsconfig, null, 2)),
    ]);
    expect(bundles).toEqual([]);
    expect(problems).toEqual([
      'package.json is not a skill: a SkillSpec needs `id`, `name`, `description` and `instructions_md`, and this file has only `name` and `description`.',
      'tsconfig.json is not a skill: a SkillSpec needs `id`, `name`, `description` and `instructions_md`, and this file has none of them.',
    ]);
  });
});
