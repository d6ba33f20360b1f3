import { gzipSync, strToU8, zipSync } from 'fflate';
import { packTar } from 'modern-tar';
import { describe, expect, it } from 'vitest';
import {
  findSkills,
  LISTING_HEAD_BYTES,
  readFoundManifests,
  readFoundSkill,
  type Found,
} from './findSkills';
import type { PickedFile } from './types';

const file = (path: string, text = 'x'): PickedFile => ({ path, file: new Blob([text]) });
const archive = (path: string, bytes: Uint8Array): PickedFile => ({
  path,
  file: new Blob([bytes as BlobPart]),
});
const skills = (found: Found) =>
  found.skills.map((s) => [s.rootName, s.source, [...s.files.keys()]]);

describe('findSkills', () => {
  it('finds each skill of a dropped folder at any depth, named by its own folder', async () => {
    const found = await findSkills([
      file('repo/README.md'),
      file('repo/skills/pdf/SKILL.md'),
      file('repo/skills/pdf/scripts/fill.py'),
      file('repo/.claude/skills/helper/SKILL.md'),
      file('repo/scripts/release.sh'),
      { path: 'repo/node_modules/', file: new Blob([]) },
    ]);
    expect(skills(found)).toEqual([
      ['helper', { kind: 'folder', name: 'repo', path: '.claude/skills/helper' }, ['SKILL.md']],
      [
        'pdf',
        { kind: 'folder', name: 'repo', path: 'skills/pdf' },
        ['SKILL.md', 'scripts/fill.py'],
      ],
    ]);
    expect(found.searched).toEqual(['repo']);
    expect(found.skipped).toEqual([
      { in: 'repo', path: 'README.md', reason: 'outside' },
      { in: 'repo', path: 'node_modules/', reason: 'not-searched' },
      { in: 'repo', path: 'scripts/', reason: 'no-skill' },
    ]);
    expect(found.problems).toEqual([]);
  });

  it('takes a dropped skill folder as the skill itself', async () => {
    const found = await findSkills([file('demo/SKILL.md'), file('demo/wasm/skill.wasm')]);
    expect(skills(found)).toEqual([
      ['demo', { kind: 'folder', name: 'demo', path: '' }, ['SKILL.md', 'wasm/skill.wasm']],
    ]);
  });

  it('keeps the handles and reads nothing but SKILL.md until asked', async () => {
    const found = await findSkills([
      file('demo/SKILL.md', '---\nname: demo\n---\n'),
      file('demo/big.bin', 'y'.repeat(1000)),
    ]);
    const [manifest] = await readFoundManifests(found.skills);
    expect([...manifest!.files.keys()]).toEqual(['SKILL.md']);
    const bundle = await readFoundSkill(found.skills[0]!);
    expect(bundle.files.get('big.bin')?.length).toBe(1000);
  });

  it('reads only the head of a long SKILL.md, enough for its frontmatter', async () => {
    const head = '---\nname: long\ndescription: A long body.\n---\n';
    const found = await findSkills([
      file('long/SKILL.md', head + 'x'.repeat(2 * LISTING_HEAD_BYTES)),
    ]);
    const [manifest] = await readFoundManifests(found.skills);
    const bytes = manifest!.files.get('SKILL.md')!;
    expect(bytes.byteLength).toBe(LISTING_HEAD_BYTES);
    expect(new TextDecoder().decode(bytes.subarray(0, head.length))).toBe(head);
    // Opening it reads it whole.
    const bundle = await readFoundSkill(found.skills[0]!);
    expect(bundle.files.get('SKILL.md')!.byteLength).toBe(head.length + 2 * LISTING_HEAD_BYTES);
  });

  it('reads the manifests of many skills in one read, each skill getting its own', async () => {
    const found = await findSkills([
      file('repo/a/SKILL.md', 'first'),
      file('repo/a/big.bin', 'y'.repeat(100)),
      file('repo/b/skill.md', 'second, longer'),
      file('repo/c/Capsule.toml', '[package]'),
      file('repo/c/SKILL.md', ''),
      file('repo/d/wasm/skill.wasm', 'w'),
    ]);
    const read = await readFoundManifests(found.skills);
    const texts = read.map((b) =>
      Object.fromEntries([...b.files].map(([p, bytes]) => [p, new TextDecoder().decode(bytes)])),
    );
    expect(texts).toEqual([
      { 'SKILL.md': 'first' },
      { 'skill.md': 'second, longer' },
      { 'SKILL.md': '', 'Capsule.toml': '[package]' },
      {},
    ]);
  });

  it('unwraps GitHub’s ZIP of a repository and searches it like the checkout', async () => {
    const zip = zipSync({
      'tools-main/README.md': strToU8('r'),
      'tools-main/skills/a/SKILL.md': strToU8('a'),
      'tools-main/skills/b/SKILL.md': strToU8('b'),
      'tools-main/docs/x.md': strToU8('d'),
    });
    const found = await findSkills([archive('tools-main.zip', zip)]);
    expect(found.skills.map((s) => [s.rootName, s.source])).toEqual([
      ['a', { kind: 'archive', name: 'tools-main.zip', path: 'skills/a' }],
      ['b', { kind: 'archive', name: 'tools-main.zip', path: 'skills/b' }],
    ]);
    expect(found.skipped.map((s) => s.path)).toEqual(['README.md', 'docs/']);
  });

  it('takes a .skill package, and a .tar.gz whose root is the skill, as one skill each', async () => {
    const tar = gzipSync(
      await packTar([{ header: { name: 'SKILL.md', size: 1, type: 'file' }, body: 'x' }]),
    );
    const found = await findSkills([
      archive('pdf.skill', zipSync({ 'pdf/SKILL.md': strToU8('x') })),
      archive('docx.tar.gz', tar),
    ]);
    expect(found.skills.map((s) => [s.rootName, s.source])).toEqual([
      ['pdf', { kind: 'archive', name: 'pdf.skill', path: '' }],
      ['docx', { kind: 'archive', name: 'docx.tar.gz', path: '' }],
    ]);
  });

  it('refuses a skill of a tar.gz whose link reaches into another skill, and keeps the others', async () => {
    const tar = gzipSync(
      await packTar([
        { header: { name: 'a/SKILL.md', size: 1, type: 'file' }, body: 'a' },
        { header: { name: 'a/own.md', size: 0, type: 'symlink', linkname: 'SKILL.md' } },
        { header: { name: 'b/SKILL.md', size: 1, type: 'file' }, body: 'b' },
        { header: { name: 'b/steal.md', size: 0, type: 'symlink', linkname: '../a/SKILL.md' } },
      ]),
    );
    const found = await findSkills([archive('pair.tgz', tar)]);
    expect(found.skills.map((s) => [s.rootName, [...s.files.keys()]])).toEqual([
      ['a', ['SKILL.md', 'own.md']],
    ]);
    expect(found.problems).toEqual([
      'b in pair.tgz was not opened: its link "b/steal.md" points to "a/SKILL.md", outside the skill.',
    ]);
    // The same archive fetched from a URL arrives as its files under one folder.
    const fetched = await findSkills([
      file('pair/a/SKILL.md'),
      file('pair/b/SKILL.md'),
      { ...file('pair/b/steal.md'), linkTo: 'pair/a/SKILL.md' },
    ]);
    expect(fetched.skills.map((s) => s.rootName)).toEqual(['a']);
    expect(fetched.problems[0]).toContain('its link "b/steal.md" points to "a/SKILL.md"');
  });

  it('reports an archive that breaks a rule instead of opening it', async () => {
    const twice = zipSync({ 'bad/SKILL.md': strToU8('x'), 'bad\\SKILL.md': strToU8('y') });
    const found = await findSkills([archive('bad.zip', twice)]);
    expect(found.skills).toEqual([]);
    expect(found.problems).toEqual(['bad.zip was refused: it holds "bad/SKILL.md" twice.']);
  });

  it('takes a lone .wasm file as a skill and reports other loose files', async () => {
    const found = await findSkills([file('tool.wasm'), file('notes.txt')]);
    expect(skills(found)).toEqual([['tool', { kind: 'wasm', name: 'tool.wasm' }, ['tool.wasm']]]);
    expect(found.problems).toEqual([expect.stringContaining('notes.txt is not a skill')]);
  });

  it('refuses more than a tab can hold, counting only the skills’ files', async () => {
    const huge = { size: 300 * 1024 * 1024 } as Blob;
    const found = await findSkills([
      file('demo/SKILL.md'),
      { path: 'demo/data.bin', file: huge },
      { path: 'demo/.git/pack', file: huge },
    ]);
    expect(found.skills).toEqual([]);
    expect(found.problems[0]).toMatch(/^The skills found hold 300 MiB of files/);
  });
});

describe('SkillSpec imports', () => {
  it('turns a lone SkillSpec .json into an instructions-only skill named by its id', async () => {
    const spec = { id: 'web-search', name: 'Web search', description: 'd', instructions_md: 'Do.' };
    const found = await findSkills([file('search.json', JSON.stringify(spec))]);
    expect(found.problems).toEqual([]);
    expect(found.skills[0]).toMatchObject({
      rootName: 'web-search',
      source: { kind: 'skillspec', name: 'search.json' },
    });
    const md = new TextDecoder().decode(
      (await readFoundSkill(found.skills[0]!)).files.get('SKILL.md'),
    );
    expect(md).toMatch(/^---\nname: web-search\ndescription: d\n/);
    expect(md.trimEnd().endsWith('Do.')).toBe(true);
  });

  it('refuses a record awaken would refuse, with its reasons', async () => {
    const found = await findSkills([file('x.json', '{"id": "x"}')]);
    expect(found.skills).toEqual([]);
    expect(found.problems[0]).toMatch(/^x\.json is not a SkillSpec awaken would accept: .*name/);
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
    const found = await findSkills([
      file('package.json', JSON.stringify(packageJson, null, 2)),
      file('tsconfig.json', JSON.stringify(tsconfig, null, 2)),
    ]);
    expect(found.skills).toEqual([]);
    expect(found.problems).toEqual([
      'package.json is not a skill: a SkillSpec needs `id`, `name`, `description` and `instructions_md`, and this file has only `name` and `description`.',
      'tsconfig.json is not a skill: a SkillSpec needs `id`, `name`, `description` and `instructions_md`, and this file has none of them.',
    ]);
  });
});
