import { describe, expect, it } from 'vitest';
import { UrlLoadError } from './urlLoad';
import {
  checkDigest,
  indexCandidates,
  INDEX_SCHEMA_0_2,
  parseDiscoveryIndex,
  sha256Hex,
} from './wellKnownIndex';

const INDEX_URL = 'https://example.com/.well-known/agent-skills/index.json';
const A = 'a'.repeat(64);
const B = 'b'.repeat(64);

function refusal(text: string, url = INDEX_URL): UrlLoadError {
  try {
    parseDiscoveryIndex(text, url);
  } catch (error) {
    expect(error).toBeInstanceOf(UrlLoadError);
    return error as UrlLoadError;
  }
  throw new Error('the index was read');
}

describe('reading an Agent Skills index', () => {
  it('reads a v0.2.0 index: skill-md and archive entries, URLs resolved against the index', () => {
    const index = parseDiscoveryIndex(
      JSON.stringify({
        $schema: INDEX_SCHEMA_0_2,
        skills: [
          {
            name: 'code-review',
            type: 'skill-md',
            description: 'Review code.',
            url: 'code-review/SKILL.md',
            digest: `sha256:${A}`,
          },
          {
            name: 'wrangler',
            type: 'archive',
            description: 'Deploy Workers.',
            url: '/.well-known/agent-skills/wrangler.tar.gz',
            digest: `sha256:${B}`,
            version: '1.2.0',
          },
          {
            name: 'cdn-skill',
            type: 'archive',
            description: 'Hosted elsewhere.',
            url: 'https://cdn.example.net/v2/cdn-skill.zip',
            digest: `sha256:${A}`,
          },
        ],
        publisher: 'unknown fields are ignored',
      }),
      INDEX_URL,
    );
    expect(index).toEqual({
      url: INDEX_URL,
      version: '0.2.0',
      warnings: [],
      skills: [
        {
          name: 'code-review',
          description: 'Review code.',
          type: 'skill-md',
          url: 'https://example.com/.well-known/agent-skills/code-review/SKILL.md',
          digest: A,
        },
        {
          name: 'wrangler',
          description: 'Deploy Workers.',
          type: 'archive',
          url: 'https://example.com/.well-known/agent-skills/wrangler.tar.gz',
          digest: B,
        },
        {
          name: 'cdn-skill',
          description: 'Hosted elsewhere.',
          type: 'archive',
          url: 'https://cdn.example.net/v2/cdn-skill.zip',
          digest: A,
        },
      ],
    });
  });

  it('reads an index without $schema as v0.1: files under a folder per skill, no digests, and says so', () => {
    const url = 'https://example.com/.well-known/skills/index.json';
    const index = parseDiscoveryIndex(
      JSON.stringify({
        skills: [{ name: 'pdf', description: 'PDFs.', files: ['SKILL.md', 'references/FORMS.md'] }],
      }),
      url,
    );
    expect(index.version).toBe('0.1.0');
    expect(index.skills).toEqual([
      {
        name: 'pdf',
        description: 'PDFs.',
        type: 'files',
        folder: 'https://example.com/.well-known/skills/pdf/',
        files: [
          { path: 'SKILL.md', digest: null },
          { path: 'references/FORMS.md', digest: null },
        ],
      },
    ]);
    expect(index.warnings).toEqual([
      'This index has no $schema (an Agent Skills index v0.1): what it lists carries no digests, so its files cannot be checked against it.',
    ]);
  });

  it('refuses an unknown $schema with a sentence, and lists nothing of it', () => {
    const schema = 'https://schemas.agentskills.io/discovery/9.0.0/schema.json';
    const error = refusal(
      JSON.stringify({
        $schema: schema,
        skills: [{ name: 'x', type: 'skill-md', url: 'x', digest: `sha256:${A}` }],
      }),
    );
    expect(error.code).toBe('UnknownIndexSchema');
    expect(error.message).toBe(
      `${INDEX_URL} is an Agent Skills index of a version this playground does not know ($schema "${schema}"); it reads ${INDEX_SCHEMA_0_2} and v0.1 indexes without $schema, so nothing was loaded from it.`,
    );
  });

  it('refuses malformed JSON, and JSON that is not an index', () => {
    const malformed = refusal('{"skills": [');
    expect(malformed.code).toBe('BadIndex');
    expect(malformed.message).toMatch(
      new RegExp(
        `^${INDEX_URL.replace(/[.]/g, '\\.')} is not valid JSON \\(.+\\), so its skills cannot be listed\\.$`,
      ),
    );
    expect(refusal('{"skill": []}').message).toBe(
      `${INDEX_URL} has no "skills" list, so it is not an Agent Skills index.`,
    );
    expect(refusal('[]').code).toBe('BadIndex');
  });

  it('skips entries it cannot use, each with the reason, and keeps the rest', () => {
    const good = { type: 'skill-md', url: 'ok/SKILL.md', digest: `sha256:${A}` };
    const index = parseDiscoveryIndex(
      JSON.stringify({
        $schema: INDEX_SCHEMA_0_2,
        skills: [
          { ...good, name: 'ok', description: 'fine' },
          { ...good, name: 'mcp', type: 'mcp-server' },
          { ...good, name: 'short', digest: 'sha256:abc' },
          { ...good, name: 'upper', digest: `sha256:${A.toUpperCase()}` },
          { ...good, name: 'missing', digest: undefined },
          { ...good, name: '../escape' },
          { ...good, name: 'script', url: 'javascript:alert(1)' },
          { ...good, name: 'ok', description: 'again' },
          'not an object',
        ],
      }),
      INDEX_URL,
    );
    expect(index.skills.map((s) => [s.name, s.description])).toEqual([['ok', 'fine']]);
    expect(index.warnings).toEqual([
      'Skipped "mcp": its type "mcp-server" is not one this playground knows (skill-md, archive).',
      'Skipped "short": its digest is not "sha256:" followed by 64 lowercase hex digits.',
      'Skipped "upper": its digest is not "sha256:" followed by 64 lowercase hex digits.',
      'Skipped "missing": its digest is not "sha256:" followed by 64 lowercase hex digits.',
      'Skipped "../escape": its name is not one a skill folder can have.',
      'Skipped "script": its url is not an http or https URL.',
      'Skipped a second skill named "ok".',
      'Skipped entry 9: it is not an object.',
    ]);
  });
});

describe('where an index is looked for', () => {
  const tried = (url: string) => indexCandidates(new URL(url))?.map((u) => u.href) ?? null;
  const both = [
    'https://example.com/.well-known/agent-skills/index.json',
    'https://example.com/.well-known/skills/index.json',
  ];

  it('tries the well-known index, then the older /.well-known/skills/ path, for a site and its folder', () => {
    expect(tried('https://example.com')).toEqual(both);
    expect(tried('https://example.com/')).toEqual(both);
    expect(tried('https://example.com/.well-known/agent-skills/')).toEqual(both);
    expect(tried('https://example.com/.well-known/agent-skills')).toEqual(both);
    expect(tried('https://example.com/.well-known/agent-skills/index.json')).toEqual(both);
    expect(tried('https://example.com/.well-known/skills/')).toEqual([both[1]]);
  });

  it('leaves other URLs to the other ways in', () => {
    expect(tried('https://example.com/skills/demo/')).toBeNull();
    expect(tried('https://example.com/skill.zip')).toBeNull();
  });
});

describe('digests', () => {
  const bytes = new TextEncoder().encode('# Hello\n');
  const hello = '90f8ec5669cd34183b9b0fdf8b94f5efb4c3672876330f4aa76088c2b4ad17be';

  it('passes bytes whose SHA-256 is the one given', async () => {
    expect(await sha256Hex(bytes)).toBe(hello);
    await expect(checkDigest(bytes, hello, { skill: 's', url: 'u' })).resolves.toBeUndefined();
  });

  it('refuses a tampered artifact, naming both digests', async () => {
    const error = await checkDigest(bytes, A, {
      skill: 'tampered',
      url: 'https://example.com/t/SKILL.md',
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UrlLoadError);
    expect((error as UrlLoadError).code).toBe('DigestMismatch');
    expect((error as UrlLoadError).message).toBe(
      `tampered was refused: https://example.com/t/SKILL.md does not match the index's digest. The index says sha256:${A}; what was served is sha256:${hello}. Nothing was imported.`,
    );
  });
});
