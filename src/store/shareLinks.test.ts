import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { analyzeBundle, type Bundle, type BundleSource } from '../bundle';
import { MemoryTranspileCache } from '../runtime';
import { decodeShareLink } from '../share';
import type { StoredInstance } from '../storage';
import { fakeWorkers } from '../test/fakeWorker';
import { skillEngineTool } from '../tools';
import { draftKey, initialState, usePlayground } from './playgroundStore';
import { setServices } from './services';
import { makeShareLink } from './shareLinks';
import type { SkillEntry } from './types';
import { freshInstanceList } from '../storage';

// What a made link carries, read back with the decoder: the skill by its source, the tool and
// what its form holds, non-secret configuration; never a secret field, a file, a secret value.

const encoder = new TextEncoder();
const instance: StoredInstance = {
  version: 1,
  name: 'default',
  config: [
    { key: 'UNITS', value: 'metric', secret: false },
    { key: 'API_TOKEN', value: 'tok-123', secret: true },
  ],
  timeoutMs: 3000,
  grants: { read: true, write: true, hosts: ['api.test'] },
};
const tool = skillEngineTool({
  name: 'convert',
  description: 'Converts.',
  parameters: [
    { name: 'value', paramType: 'string', description: '', required: true },
    { name: 'password', paramType: 'secret', description: '', required: false },
    { name: 'upload', paramType: 'file', description: '', required: false },
  ],
});

function readySkill(source: BundleSource, files: Record<string, string | Uint8Array>): SkillEntry {
  const bundle: Bundle = {
    rootName: 'kit',
    source,
    files: new Map(
      Object.entries(files).map(([p, v]) => [p, typeof v === 'string' ? encoder.encode(v) : v]),
    ),
  };
  return {
    key: 'k',
    source,
    name: 'kit',
    description: '',
    stored: false,
    needsConsent: false,
    status: 'ready',
    bundle,
    bundleId: 'b',
    analysis: analyzeBundle(bundle),
    originals: new Map(),
    tools: [tool],
    unsupportedExports: [],
    loadDiagnostics: [],
    ...(source.kind === 'url' ? { sourceSha256: 'a'.repeat(64) } : {}),
  };
}

const decoded = async (url: string) => decodeShareLink(new URL(url).hash);

describe('making a share link', () => {
  beforeEach(() => {
    vi.stubGlobal('window', { location: { href: 'http://app.test/play/?skill=x#skill=k' } });
    usePlayground.setState(initialState(), true);
    setServices({
      createWorker: fakeWorkers().create,
      transpileCache: new MemoryTranspileCache(),
      readInstance: async () => ({ value: instance }),
      readInstanceList: async () => ({ value: freshInstanceList() }),
      readFileEdits: async () => ({ value: new Map() }),
    });
  });
  afterEach(() => vi.unstubAllGlobals());

  const withSkill = (skill: SkillEntry) =>
    usePlayground.setState({
      skills: [skill],
      selectedTool: { k: 'convert' },
      drafts: {
        [draftKey('k', 'convert')]: {
          value: '<b>12</b>',
          password: 'hunter2',
          upload: { name: 'a.txt', size: 1, content: 'x' },
        },
      },
      openFiles: { k: { path: 'SKILL.md', mode: 'preview', request: 0 } },
    });

  it('names a URL skill by its URL and digest, with the form, non-secret config, limits and file', async () => {
    withSkill(
      readySkill(
        { kind: 'url', url: 'https://h.test/kit.zip', path: 'skills/kit' },
        { 'SKILL.md': '---\nname: kit\n---\n' },
      ),
    );
    const made = await makeShareLink('k');
    if (!made.ok) throw new Error(made.reason);
    expect(made.url.startsWith('http://app.test/play/#v=1&s=')).toBe(true);
    expect(await decoded(made.url)).toEqual({
      skill: {
        from: 'url',
        url: 'https://h.test/kit.zip',
        root: 'kit',
        sha256: 'a'.repeat(64),
        path: 'skills/kit',
      },
      tool: 'convert',
      args: { value: '<b>12</b>' },
      config: [{ key: 'UNITS', value: 'metric' }],
      limits: { timeoutMs: 3000 },
      view: { file: 'SKILL.md' },
    });
    expect(made.notes.join(' ')).toContain('password, upload');
    expect(made.notes.join(' ')).toContain('One secret stays');
  });

  it('names an example by its id', async () => {
    withSkill(
      readySkill({ kind: 'example', id: 'data-tools' }, { 'SKILL.md': '---\nname: kit\n---\n' }),
    );
    const made = await makeShareLink('k');
    expect(made.ok && (await decoded(made.url)).skill).toEqual({
      from: 'example',
      id: 'data-tools',
    });
  });

  it('carries a local skill of text files inside the link', async () => {
    withSkill(
      readySkill(
        { kind: 'folder', name: 'kit', path: '' },
        { 'SKILL.md': '---\nname: kit\n---\n', 'a/b.md': 'ü' },
      ),
    );
    const made = await makeShareLink('k');
    expect(made.ok && (await decoded(made.url)).skill).toEqual({
      from: 'inline',
      root: 'kit',
      files: { 'SKILL.md': '---\nname: kit\n---\n', 'a/b.md': 'ü' },
    });
  });

  it('never inlines binaries: it says why and offers an export or a published URL', async () => {
    withSkill(
      readySkill(
        { kind: 'folder', name: 'kit', path: '' },
        { 'SKILL.md': '---\nname: kit\n---\n', 'skill.wasm': new Uint8Array([0, 97, 115, 109]) },
      ),
    );
    const made = await makeShareLink('k');
    expect(made).toEqual({
      ok: false,
      reason:
        'kit cannot travel inside a link. It holds binary files (skill.wasm), and a link carries only text.',
      exportable: true,
    });
    const published = await makeShareLink('k', { publishedUrl: 'https://h.test/kit.zip' });
    expect(published.ok && (await decoded(published.url)).skill).toMatchObject({
      from: 'url',
      url: 'https://h.test/kit.zip',
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
  });

  it('says a text skill is too big for a link rather than making one past the cap', async () => {
    // Text that does not compress: a long run of pseudo-random hex.
    let seed = 1;
    const noise = Array.from({ length: 60_000 }, () =>
      ((seed = (seed * 48271) % 2147483647) % 16).toString(16),
    ).join('');
    withSkill(
      readySkill(
        { kind: 'folder', name: 'kit', path: '' },
        { 'SKILL.md': `---\nname: kit\n---\n${noise}` },
      ),
    );
    const made = await makeShareLink('k');
    expect(made.ok).toBe(false);
    expect(!made.ok && made.reason).toContain('too big to travel inside a link');
    expect(!made.ok && made.exportable).toBe(true);
  });
});
