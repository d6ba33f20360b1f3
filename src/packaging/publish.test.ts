import { createHash } from 'node:crypto';
import { strToU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { checkDigest, parseDiscoveryIndex } from '../bundle/wellKnownIndex';
import {
  DISCOVERY_SCHEMA,
  defaultPublishType,
  publishFolder,
  publishProblem,
  zipFolder,
  type SkillToPublish,
} from './publish';

const skill = (name: string, files: Record<string, string>): SkillToPublish => ({
  name,
  description: `The ${name} skill.`,
  files: new Map(Object.entries(files).map(([p, t]) => [p, strToU8(t)])),
  skillMdPath: 'SKILL.md',
});

const notes = skill('notes', { 'SKILL.md': '---\nname: notes\n---\nTake notes.\n' });
const kit = skill('measure-kit', { 'SKILL.md': '---\nname: measure-kit\n---\n', 'a.txt': 'a' });
const sha = (bytes: Uint8Array) => `sha256:${createHash('sha256').update(bytes).digest('hex')}`;

describe('publishing skills for static hosting', () => {
  it('writes the RFC index with each skill as skill-md or archive, and its digest', async () => {
    const folder = await publishFolder([
      { ...notes, type: defaultPublishType(notes) },
      { ...kit, type: defaultPublishType(kit) },
    ]);
    const indexBytes = folder.files.get('.well-known/agent-skills/index.json')!;
    const index = JSON.parse(new TextDecoder().decode(indexBytes));
    expect(index).toEqual({
      $schema: DISCOVERY_SCHEMA,
      skills: [
        {
          name: 'measure-kit',
          type: 'archive',
          description: 'The measure-kit skill.',
          url: 'measure-kit.zip',
          digest: expect.stringMatching(/^sha256:[0-9a-f]{64}$/),
        },
        {
          name: 'notes',
          type: 'skill-md',
          description: 'The notes skill.',
          url: 'notes/SKILL.md',
          digest: sha(notes.files.get('SKILL.md')!),
        },
      ],
    });
    // The digest is of the artifact's raw bytes, as served.
    const archive = folder.files.get('.well-known/agent-skills/measure-kit.zip')!;
    expect(index.skills[0].digest).toBe(sha(archive));
    // The archive's root is the skill folder: no wrapper.
    expect(Object.keys(unzipSync(archive)).sort()).toEqual(['SKILL.md', 'a.txt']);
  });

  it("is read and verified by the playground's own index reader", async () => {
    const folder = await publishFolder([
      { ...notes, type: 'skill-md' },
      { ...kit, type: 'archive' },
    ]);
    const indexUrl = 'https://site.test/.well-known/agent-skills/index.json';
    const text = new TextDecoder().decode(folder.files.get('.well-known/agent-skills/index.json'));
    const read = parseDiscoveryIndex(text, indexUrl);
    expect(read.version).toBe('0.2.0');
    expect(read.warnings).toEqual([]);
    expect(read.skills.map((s) => s.name)).toEqual(['measure-kit', 'notes']);
    for (const skill of read.skills) {
      if (skill.type === 'files') throw new Error('published as files');
      const path = new URL(skill.url).pathname.slice(1);
      await expect(
        checkDigest(folder.files.get(path)!, skill.digest!, { skill: skill.name, url: skill.url }),
      ).resolves.toBeUndefined();
    }
  });

  it('can publish archives as .tar.gz', async () => {
    const folder = await publishFolder([{ ...kit, type: 'archive' }], 'tar.gz');
    expect(folder.index.skills[0]!.url).toBe('measure-kit.tar.gz');
    expect(folder.files.has('.well-known/agent-skills/measure-kit.tar.gz')).toBe(true);
  });

  it('zips the folder with paths from the site root', async () => {
    const zip = zipFolder(await publishFolder([{ ...notes, type: 'skill-md' }]));
    expect(Object.keys(unzipSync(zip)).sort()).toEqual([
      '.well-known/agent-skills/index.json',
      '.well-known/agent-skills/notes/SKILL.md',
    ]);
  });

  it('refuses names and descriptions the RFC does not allow, saying why', async () => {
    expect(publishProblem({ ...notes, name: 'Notes' })).toContain('lowercase');
    expect(publishProblem({ ...notes, name: 'a--b' })).toContain('single hyphens');
    expect(publishProblem({ ...notes, description: 'x'.repeat(1025) })).toContain('1024');
    expect(publishProblem(notes)).toBeUndefined();
    await expect(publishFolder([{ ...kit, type: 'skill-md' }])).rejects.toThrow(/as an archive/);
    await expect(
      publishFolder([
        { ...notes, type: 'skill-md' },
        { ...notes, type: 'skill-md' },
      ]),
    ).rejects.toThrow(/Two skills/);
  });
});
