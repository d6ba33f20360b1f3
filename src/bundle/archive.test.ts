import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ArchiveError, unsafeEntryName, unzipArchive } from './archive';

const zip = (entries: Record<string, string | Uint8Array>) =>
  zipSync(
    Object.fromEntries(
      Object.entries(entries).map(([k, v]) => [k, typeof v === 'string' ? strToU8(v) : v]),
    ),
  );

const paths = (files: ReturnType<typeof unzipArchive>) => files.map((f) => f.path);

describe('unzipArchive', () => {
  it('keeps the single top-level folder a .skill package puts everything under', async () => {
    const files = unzipArchive(
      zip({ 'pdf/SKILL.md': 'x', 'pdf/scripts/run.py': 'y' }),
      'pdf.skill',
    );
    expect(paths(files)).toEqual(['pdf/SKILL.md', 'pdf/scripts/run.py']);
    expect(await files[0]!.file.text()).toBe('x');
  });

  it('puts root-level entries under a folder named after the archive', () => {
    expect(
      paths(unzipArchive(zip({ 'SKILL.md': 'x', 'skill.wasm': 'y' }), 'my-skill.zip')),
    ).toEqual(['my-skill/SKILL.md', 'my-skill/skill.wasm']);
  });

  it.each([
    ['../evil.txt', 'climbs out'],
    ['/etc/passwd', 'absolute path'],
    ['C:/Windows/x', 'absolute path'],
    ['a\\..\\..\\b', 'climbs out'],
  ])('refuses the entry %s', (name, reason) => {
    expect(unsafeEntryName(name)).toContain(reason);
    expect(() => unzipArchive(zip({ [name]: 'x' }), 'bad.zip')).toThrow(ArchiveError);
  });

  it('refuses too many entries', () => {
    const many = Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`s/f${i}.txt`, 'x']));
    expect(() =>
      unzipArchive(zip(many), 'many.zip', {
        maxEntries: 10,
        maxTotalBytes: 1e9,
        maxRatio: 100,
        ratioFloorBytes: 1e6,
      }),
    ).toThrow('more than 10 files');
  });

  // Building the 60 MiB archive takes a few seconds on a loaded two-core machine.
  it('stops a decompression bomb early, by counting inflated bytes', { timeout: 60_000 }, () => {
    const bomb = zip({ 's/zeros.bin': new Uint8Array(60 * 1024 * 1024) });
    expect(bomb.length).toBeLessThan(200 * 1024);
    // The ratio check fires a few MiB in, long before the 60 MiB are inflated.
    expect(() => unzipArchive(bomb, 'bomb.zip')).toThrow(
      'inflates more than 100 times its size: a decompression bomb',
    );
  });

  it('says plainly when the bytes are not a zip', () => {
    expect(() => unzipArchive(strToU8('hello'), 'notes.zip')).toThrow(
      'notes.zip is not a zip archive.',
    );
  });
});
