import { gzipSync, strToU8 } from 'fflate';
import { packTar, type TarEntry } from 'modern-tar';
import { describe, expect, it } from 'vitest';
import { answerUnpack } from './archive';
import { ARCHIVE_LIMITS, ArchiveError } from './archiveRules';
import { untarArchive } from './untar';

type Spec =
  | string
  | Uint8Array
  | { symlink: string }
  | { link: string }
  | { dir: true }
  | { type: 'fifo' | 'character-device' };

/** A .tar.gz of these entries, in this order, written by modern-tar as any tar writer would. */
async function tgz(entries: Record<string, Spec>): Promise<Uint8Array> {
  const tarEntries: TarEntry[] = Object.entries(entries).map(([name, spec]) => {
    if (typeof spec === 'string' || spec instanceof Uint8Array) {
      const body = typeof spec === 'string' ? strToU8(spec) : spec;
      return { header: { name, size: body.length, type: 'file' }, body };
    }
    if ('symlink' in spec)
      return { header: { name, size: 0, type: 'symlink', linkname: spec.symlink } };
    if ('link' in spec) return { header: { name, size: 0, type: 'link', linkname: spec.link } };
    if ('dir' in spec) return { header: { name, size: 0, type: 'directory' } };
    return { header: { name, size: 0, type: spec.type } };
  });
  return gzipSync(await packTar(tarEntries));
}

const read = async (entries: Record<string, Spec>, name = 'pdf.tar.gz') =>
  (await untarArchive(await tgz(entries), name)).map(({ path, bytes }) => [
    path,
    new TextDecoder().decode(bytes),
  ]);

const refusal = async (entries: Record<string, Spec>, name = 'bad.tar.gz') => {
  const error = await untarArchive(await tgz(entries), name).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ArchiveError);
  return (error as Error).message;
};

describe('untarArchive', () => {
  it('puts the entries of an archive whose root is the skill under a folder named after it', async () => {
    expect(await read({ 'SKILL.md': '---\n', 'scripts/run.py': 'print()' })).toEqual([
      ['pdf/SKILL.md', '---\n'],
      ['pdf/scripts/run.py', 'print()'],
    ]);
  });

  it('keeps the single top-level folder an archive puts everything under', async () => {
    expect(
      await read({ 'repo-main/': { dir: true }, 'repo-main/skills/a/SKILL.md': 'a' }, 'x.tgz'),
    ).toEqual([['repo-main/skills/a/SKILL.md', 'a']]);
  });

  it('reads a file larger than one inflated slice whole', async () => {
    const noise = Uint8Array.from({ length: 300_000 }, (_, i) => (i * 7919) % 251);
    const [, big] = await untarArchive(await tgz({ 's/SKILL.md': 'x', 's/a.bin': noise }), 's.tgz');
    expect(big!.bytes.length).toBe(noise.length);
    expect(big!.bytes.every((byte, i) => byte === noise[i])).toBe(true);
  });

  it('says plainly when the bytes are not gzip, or the gzip holds no tar', async () => {
    await expect(untarArchive(strToU8('hello'), 'notes.tar.gz')).rejects.toThrow(
      'notes.tar.gz is not a gzip-compressed tar archive.',
    );
    await expect(untarArchive(gzipSync(strToU8('x'.repeat(2000))), 'text.tgz')).rejects.toThrow(
      /^text\.tgz could not be read as a tar\.gz archive: /,
    );
  });

  it('is what the archive worker answers for gzip bytes, whatever the name says', async () => {
    const answer = await answerUnpack({
      kind: 'unpack',
      archiveName: 'skill.zip',
      data: new Blob([(await tgz({ 's/SKILL.md': 'x' })) as BlobPart]),
      limits: ARCHIVE_LIMITS,
    });
    expect(answer).toEqual({
      kind: 'unpacked',
      entries: [{ path: 's/SKILL.md', bytes: strToU8('x') }],
    });
  });
});

describe('tar entries that leave the folder are refused', () => {
  it.each([
    ['../evil.txt', 'climbs out'],
    ['s/../../evil.txt', 'climbs out'],
    ['/etc/passwd', 'absolute path'],
  ])('refuses the entry %j', async (name, reason) => {
    expect(await refusal({ 's/SKILL.md': 'x', [name]: 'x' })).toContain(reason);
  });

  it('refuses two entries with one path, and a path both file and folder', async () => {
    expect(await refusal({ 's/a.txt': '1', './s/a.txt': '2' })).toBe(
      'bad.tar.gz was refused: it holds "s/a.txt" twice.',
    );
    expect(await refusal({ 's/a': '1', 's/a/b.txt': '2' })).toContain(
      'it holds "s/a" both as a file and as a folder.',
    );
  });

  it('refuses devices and FIFOs', async () => {
    expect(await refusal({ 's/SKILL.md': 'x', 's/pipe': { type: 'fifo' } })).toBe(
      'bad.tar.gz was refused: the entry "s/pipe" is a fifo, which a skill cannot hold.',
    );
  });
});

describe('links', () => {
  it('resolves a symbolic or hard link to a file inside the archive as a copy of it', async () => {
    expect(
      await read({
        's/SKILL.md': 'x',
        's/lib/real.txt': 'real',
        's/scripts/alias.txt': { symlink: '../lib/real.txt' },
        's/hard.txt': { link: 's/lib/real.txt' },
        's/chain.txt': { symlink: 'scripts/alias.txt' },
      }),
    ).toEqual([
      ['s/SKILL.md', 'x'],
      ['s/lib/real.txt', 'real'],
      ['s/scripts/alias.txt', 'real'],
      ['s/hard.txt', 'real'],
      ['s/chain.txt', 'real'],
    ]);
  });

  it('says which file each copy came from, so a link leaving its skill can be told', async () => {
    const entries = await untarArchive(
      await tgz({ 'SKILL.md': 'x', 'alias.md': { symlink: 'SKILL.md' } }),
      'pdf.tgz',
    );
    expect(entries.map((e) => [e.path, e.linkTo])).toEqual([
      ['pdf/SKILL.md', undefined],
      ['pdf/alias.md', 'pdf/SKILL.md'],
    ]);
  });

  it.each([
    ['../../../etc/passwd', { symlink: '../../../etc/passwd' }],
    ['/etc/passwd', { symlink: '/etc/passwd' }],
    ['C:\\Windows\\win.ini', { symlink: 'C:\\Windows\\win.ini' }],
    ['../outside.txt', { link: '../outside.txt' }],
  ] as const)('refuses a link to %j, outside the archive', async (target, spec) => {
    expect(await refusal({ 's/SKILL.md': 'x', 's/escape': spec })).toBe(
      `bad.tar.gz was refused: the link "s/escape" points to "${target}", outside the archive: links must stay inside the skill.`,
    );
  });

  it('refuses a link to a folder, to nothing, or round in a circle, saying which', async () => {
    expect(await refusal({ 's/lib/a.txt': 'a', 's/dir': { symlink: 'lib' } })).toContain(
      'the link "s/dir" points to the folder "s/lib": links to folders are not followed.',
    );
    expect(await refusal({ 's/SKILL.md': 'x', 's/gone': { symlink: 'missing.txt' } })).toContain(
      'the link "s/gone" points to "missing.txt", which the archive does not hold.',
    );
    expect(await refusal({ 's/a': { symlink: 'b' }, 's/b': { symlink: 'a' } })).toContain(
      'goes through more than 16 links: a loop.',
    );
  });
});

describe('tar bombs are stopped by counting what comes out', () => {
  it('refuses too many entries, links and folders counted', async () => {
    const many = Object.fromEntries(
      Array.from({ length: 11 }, (_, i) => [`s/d${i}/`, { dir: true } as const]),
    );
    const error = await untarArchive(await tgz(many), 'many.tgz', {
      ...ARCHIVE_LIMITS,
      maxEntries: 10,
    }).catch((e: unknown) => e);
    expect(String(error)).toContain('more than 10 entries, files and folders together.');
  });

  it('stops a decompression bomb early, by its ratio', async () => {
    const bomb = await tgz({ 's/zeros.bin': new Uint8Array(16 * 1024 * 1024) });
    expect(bomb.length).toBeLessThan(64 * 1024);
    await expect(untarArchive(bomb, 'bomb.tgz')).rejects.toThrow(
      'bomb.tgz was refused: it inflates more than 100 times its size: a decompression bomb.',
    );
  });

  it('stops at the total cap when no ratio gives a bomb away', async () => {
    const noise = Uint8Array.from({ length: 3 * 1024 * 1024 }, (_, i) => (i * 2654435761) >>> 24);
    const limits = { ...ARCHIVE_LIMITS, maxTotalBytes: 2 * 1024 * 1024 };
    await expect(
      untarArchive(await tgz({ 's/noise.bin': noise }), 'big.tgz', limits),
    ).rejects.toThrow('big.tgz was refused: it inflates to more than 2 MiB.');
  });
});
