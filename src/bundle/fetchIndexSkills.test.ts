import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { fetchFromUrl } from './fetchBundle';
import { fetchIndexSkills } from './fetchIndexSkills';
import { UrlLoadError } from './urlLoad';
import { INDEX_SCHEMA_0_2, sha256Hex, type DiscoveryIndex } from './wellKnownIndex';

const BASE = 'https://playground.example/';
const text = (bytes: Uint8Array | undefined) => new TextDecoder().decode(bytes);
const digestOf = async (body: string | Uint8Array) =>
  `sha256:${await sha256Hex(typeof body === 'string' ? strToU8(body) : body)}`;

const ONE_FILE_MD = '---\nname: one-file\ndescription: A skill of one file.\n---\nDo one thing.\n';
const PACKED_MD = '---\nname: packed\ndescription: A skill in an archive.\n---\nSee notes.\n';
const PACKED_ZIP = zipSync({
  'SKILL.md': strToU8(PACKED_MD),
  'references/notes.md': strToU8('notes'),
});

/** A site: path -> body (a 404 elsewhere); it records every request. */
function site(files: Record<string, string | Uint8Array>, origin = 'https://example.com') {
  const requested: string[] = [];
  const fetchFn: typeof fetch = async (input) => {
    const url = new URL(String(input));
    requested.push(url.href);
    const body = url.origin === origin ? files[url.pathname] : undefined;
    return body === undefined
      ? new Response('', { status: 404 })
      : new Response(body as BodyInit, {
          headers: url.pathname.endsWith('.json') ? { 'content-type': 'application/json' } : {},
        });
  };
  return { fetchFn, requested };
}

async function publishing(): Promise<Record<string, string | Uint8Array>> {
  return {
    '/.well-known/agent-skills/index.json': JSON.stringify({
      $schema: INDEX_SCHEMA_0_2,
      skills: [
        {
          name: 'packed',
          type: 'archive',
          description: 'A skill in an archive.',
          url: 'packed.zip',
          digest: await digestOf(PACKED_ZIP),
        },
        {
          name: 'one-file',
          type: 'skill-md',
          description: 'A skill of one file.',
          url: 'one-file/SKILL.md',
          digest: await digestOf(ONE_FILE_MD),
        },
        {
          name: 'tampered',
          type: 'skill-md',
          description: 'Changed after the index was written.',
          url: 'tampered/SKILL.md',
          digest: await digestOf('---\nname: tampered\ndescription: as published\n---\n'),
        },
      ],
    }),
    '/.well-known/agent-skills/packed.zip': PACKED_ZIP,
    '/.well-known/agent-skills/one-file/SKILL.md': ONE_FILE_MD,
    '/.well-known/agent-skills/tampered/SKILL.md':
      '---\nname: tampered\ndescription: changed since\n---\n',
  };
}

async function indexAt(url: string, fetchFn: typeof fetch): Promise<DiscoveryIndex> {
  const content = await fetchFromUrl(url, BASE, { fetch: fetchFn });
  if (content.kind !== 'index') throw new Error(`${url} gave files, not an index`);
  return content.index;
}

describe('a site that publishes an Agent Skills index', () => {
  it('offers its skills from the site, its well-known folder, or its index.json', async () => {
    const { fetchFn } = site(await publishing());
    for (const url of [
      'https://example.com',
      'https://example.com/.well-known/agent-skills/',
      'https://example.com/.well-known/agent-skills/index.json',
    ]) {
      const index = await indexAt(url, fetchFn);
      expect(index.url).toBe('https://example.com/.well-known/agent-skills/index.json');
      expect(index.skills.map((s) => [s.name, s.description])).toEqual([
        ['packed', 'A skill in an archive.'],
        ['one-file', 'A skill of one file.'],
        ['tampered', 'Changed after the index was written.'],
      ]);
    }
  });

  it('falls back to the older /.well-known/skills/ path', async () => {
    const { fetchFn, requested } = site({
      '/.well-known/skills/index.json': JSON.stringify({
        skills: [{ name: 'old', description: 'From v0.1.', files: ['SKILL.md'] }],
      }),
      '/.well-known/skills/old/SKILL.md': '---\nname: old\ndescription: From v0.1.\n---\n',
    });
    const index = await indexAt('https://example.com/', fetchFn);
    expect(requested).toEqual([
      'https://example.com/.well-known/agent-skills/index.json',
      'https://example.com/.well-known/skills/index.json',
    ]);
    expect(index.version).toBe('0.1.0');
    const { bundles } = await fetchIndexSkills(index, ['old'], { fetch: fetchFn });
    expect(bundles.map((b) => [b.rootName, [...b.files.keys()], b.source])).toEqual([
      ['old', ['SKILL.md'], { kind: 'url', url: 'https://example.com/.well-known/skills/old/' }],
    ]);
  });

  it('tries the older path when the well-known one cannot be read at all (a 404 without CORS)', async () => {
    const { fetchFn: old } = site({
      '/.well-known/skills/index.json': JSON.stringify({
        skills: [{ name: 'old', description: 'From v0.1.', files: ['SKILL.md'] }],
      }),
    });
    const noCors: typeof fetch = async (input, init) =>
      String(input).includes('/agent-skills/')
        ? Promise.reject(new TypeError('Failed to fetch'))
        : old(input, init);
    const index = await indexAt('https://example.com/.well-known/agent-skills/', noCors);
    expect(index.url).toBe('https://example.com/.well-known/skills/index.json');
    const both = (async () => Promise.reject(new TypeError('Failed to fetch'))) as typeof fetch;
    const error = (await fetchFromUrl('https://example.com/.well-known/agent-skills/', BASE, {
      fetch: both,
    }).catch((e: unknown) => e)) as UrlLoadError;
    expect(error.code).toBe('Unreachable');
  });

  it('refuses an unknown $schema with its sentence', async () => {
    const { fetchFn } = site({
      '/.well-known/agent-skills/index.json': JSON.stringify({
        $schema: 'https://schemas.agentskills.io/discovery/1.0.0/schema.json',
        skills: [],
      }),
    });
    const error = await fetchFromUrl('https://example.com', BASE, { fetch: fetchFn }).catch(
      (e: unknown) => e,
    );
    expect((error as UrlLoadError).code).toBe('UnknownIndexSchema');
  });

  it('makes a skill of one file from a skill-md entry, identified by its URL', async () => {
    const { fetchFn } = site(await publishing());
    const index = await indexAt('https://example.com', fetchFn);
    const { bundles } = await fetchIndexSkills(index, ['one-file'], { fetch: fetchFn });
    expect(bundles).toHaveLength(1);
    expect(bundles[0]!.rootName).toBe('one-file');
    expect(bundles[0]!.source).toEqual({
      kind: 'url',
      url: 'https://example.com/.well-known/agent-skills/one-file/SKILL.md',
    });
    expect(text(bundles[0]!.files.get('SKILL.md'))).toBe(ONE_FILE_MD);
  });

  it('unpacks an archive entry, its files at the skill root', async () => {
    const { fetchFn } = site(await publishing());
    const index = await indexAt('https://example.com', fetchFn);
    const { bundles, notes } = await fetchIndexSkills(index, ['packed'], { fetch: fetchFn });
    expect(notes).toEqual([]);
    expect(bundles[0]!.rootName).toBe('packed');
    expect([...bundles[0]!.files.keys()].sort()).toEqual(['SKILL.md', 'references/notes.md']);
    expect(text(bundles[0]!.files.get('SKILL.md'))).toBe(PACKED_MD);
  });

  it('refuses a tampered artifact with both digests, and returns none of the skills picked with it', async () => {
    const files = await publishing();
    const { fetchFn } = site(files);
    const index = await indexAt('https://example.com', fetchFn);
    const error = await fetchIndexSkills(index, ['packed', 'one-file', 'tampered'], {
      fetch: fetchFn,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UrlLoadError);
    const expected = (index.skills[2] as { digest: string }).digest;
    const actual = await sha256Hex(
      strToU8(files['/.well-known/agent-skills/tampered/SKILL.md'] as string),
    );
    expect((error as UrlLoadError).message).toBe(
      `tampered was refused: https://example.com/.well-known/agent-skills/tampered/SKILL.md does not match the index's digest. The index says sha256:${expected}; what was served is sha256:${actual}. Nothing was imported.`,
    );
  });

  it('refuses an archive entry that is no archive, and one with an unsafe path', async () => {
    const evil = zipSync({ 'SKILL.md': strToU8(PACKED_MD), '../escape.txt': strToU8('x') });
    const files = {
      '/.well-known/agent-skills/index.json': JSON.stringify({
        $schema: INDEX_SCHEMA_0_2,
        skills: [
          {
            name: 'text',
            type: 'archive',
            url: 'text.zip',
            digest: await digestOf('plain text'),
          },
          { name: 'evil', type: 'archive', url: 'evil.zip', digest: await digestOf(evil) },
        ],
      }),
      '/.well-known/agent-skills/text.zip': 'plain text',
      '/.well-known/agent-skills/evil.zip': evil,
    };
    const { fetchFn } = site(files);
    const index = await indexAt('https://example.com', fetchFn);
    const notAnArchive = (await fetchIndexSkills(index, ['text'], { fetch: fetchFn }).catch(
      (e: unknown) => e,
    )) as Error;
    expect(notAnArchive.message).toBe(
      'text: https://example.com/.well-known/agent-skills/text.zip is served as a zip archive but is not one, so it cannot be unpacked.',
    );
    const unsafe = (await fetchIndexSkills(index, ['evil'], { fetch: fetchFn }).catch(
      (e: unknown) => e,
    )) as Error;
    expect(unsafe.message).toContain('"../escape.txt" is unsafe');
  });

  it('keeps a v0.1 skill inside its folder, and fetches its files a few at a time', async () => {
    const paths = Array.from({ length: 12 }, (_, i) => `refs/r${i}.md`);
    const files: Record<string, string> = {
      '/.well-known/skills/index.json': JSON.stringify({
        skills: [{ name: 'many', description: '', files: ['SKILL.md', ...paths] }],
      }),
      '/.well-known/skills/many/SKILL.md': '---\nname: many\ndescription: d\n---\n',
    };
    for (const path of paths) files[`/.well-known/skills/many/${path}`] = path;
    const { fetchFn: plain } = site(files);
    let inFlight = 0;
    let most = 0;
    const counting: typeof fetch = async (input, init) => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 5));
      inFlight -= 1;
      return plain(input, init);
    };
    const index = await indexAt('https://example.com/.well-known/skills/', plain);
    const { bundles } = await fetchIndexSkills(index, ['many'], { fetch: counting });
    expect(bundles[0]!.files.size).toBe(13);
    expect(most).toBe(6);

    const escaping = await indexAt(
      'https://example.com/.well-known/skills/',
      site({
        '/.well-known/skills/index.json': JSON.stringify({
          skills: [{ name: 'many', files: ['SKILL.md', '../other/SKILL.md'] }],
        }),
      }).fetchFn,
    );
    const error = (await fetchIndexSkills(escaping, ['many'], { fetch: plain }).catch(
      (e: unknown) => e,
    )) as UrlLoadError;
    expect(error.code).toBe('OutsideFolder');
  });

  it('keeps a URL load’s walls: a declared size past the cap is refused unread', async () => {
    const { fetchFn } = site(await publishing());
    const index = await indexAt('https://example.com', fetchFn);
    let pulled = 0;
    const huge: typeof fetch = async () =>
      new Response(
        new ReadableStream({
          pull(controller) {
            pulled += 1;
            controller.enqueue(new Uint8Array(1024));
          },
        }),
        { headers: { 'content-length': String(1024 ** 3) } },
      );
    const error = (await fetchIndexSkills(index, ['packed'], { fetch: huge }).catch(
      (e: unknown) => e,
    )) as UrlLoadError;
    expect(error.code).toBe('TooLarge');
    expect(error.message).toBe(
      'Loading https://example.com/.well-known/agent-skills/packed.zip would take 1.0 GiB, more than the 50 MiB the playground takes from a URL.',
    );
    expect(pulled).toBeLessThanOrEqual(1);
  });
});
