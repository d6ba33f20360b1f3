import { strToU8, zipSync, type Zippable } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  ARCHIVE_LIMITS,
  ArchiveError,
  answerUnpack,
  inflateArchive,
  unsafeEntryName,
  type ArchiveEntry,
} from './archive';
import { streamedZip, withForgedSizes } from '../test/archiveAttacks';

const zip = (entries: Record<string, string | Uint8Array>) =>
  zipSync(
    Object.fromEntries(
      Object.entries(entries).map(([k, v]) => [k, typeof v === 'string' ? strToU8(v) : v]),
    ),
  );

const paths = (files: ArchiveEntry[]) => files.map((f) => f.path);
const text = (entry: ArchiveEntry | undefined) => new TextDecoder().decode(entry?.bytes);

/** Rewrites every occurrence of one byte string (an entry name) with another of the same length. */
function replaceBytes(bytes: Uint8Array, from: string, to: string): Uint8Array {
  const [a, b] = [strToU8(from), strToU8(to)];
  const out = bytes.slice();
  for (let i = 0; i + a.length <= out.length; i++) {
    if (a.every((byte, j) => out[i + j] === byte)) out.set(b, i);
  }
  return out;
}

const zeros = (mib: number) => new Uint8Array(mib * 1024 * 1024);

/**
 * Empty stored entries, local headers then a central directory. Written by hand: fflate's zipSync
 * takes about 20 s for 100,000 entries on a loaded two-core machine, this a few milliseconds.
 */
function emptyEntries(names: string[]): Uint8Array {
  const encoded = names.map((name) => strToU8(name));
  const size = encoded.reduce((n, name) => n + 30 + 46 + 2 * name.length, 22);
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  const offsets: number[] = [];
  let at = 0;
  for (const name of encoded) {
    offsets.push(at);
    view.setUint32(at, 0x04034b50, true);
    view.setUint16(at + 4, 20, true);
    view.setUint16(at + 26, name.length, true);
    out.set(name, at + 30);
    at += 30 + name.length;
  }
  const directory = at;
  encoded.forEach((name, i) => {
    view.setUint32(at, 0x02014b50, true);
    view.setUint16(at + 4, 20, true);
    view.setUint16(at + 6, 20, true);
    view.setUint16(at + 28, name.length, true);
    view.setUint32(at + 42, offsets[i]!, true);
    out.set(name, at + 46);
    at += 46 + name.length;
  });
  view.setUint32(at, 0x06054b50, true);
  view.setUint16(at + 8, Math.min(names.length, 0xffff), true);
  view.setUint16(at + 10, Math.min(names.length, 0xffff), true);
  view.setUint32(at + 12, at - directory, true);
  view.setUint32(at + 16, directory, true);
  return out;
}

describe('inflateArchive', () => {
  it('keeps the single top-level folder a .skill package puts everything under', () => {
    const files = inflateArchive(
      zip({ 'pdf/SKILL.md': 'x', 'pdf/scripts/run.py': 'y' }),
      'pdf.skill',
    );
    expect(paths(files)).toEqual(['pdf/SKILL.md', 'pdf/scripts/run.py']);
    expect(text(files[0])).toBe('x');
  });

  it('puts root-level entries under a folder named after the archive', () => {
    expect(
      paths(inflateArchive(zip({ 'SKILL.md': 'x', 'skill.wasm': 'y' }), 'my-skill.zip')),
    ).toEqual(['my-skill/SKILL.md', 'my-skill/skill.wasm']);
  });

  it('gives every file its bytes whole, in a buffer of its own', () => {
    // Larger than one inflate chunk (64 KiB), so the file comes out in pieces.
    const noise = Uint8Array.from({ length: 200_000 }, (_, i) => (i * 7919) % 251);
    const [a, b] = inflateArchive(zip({ 's/a.bin': noise, 's/b.txt': 'b' }), 's.zip');
    expect(a!.bytes.length).toBe(noise.length);
    expect(a!.bytes.every((byte, i) => byte === noise[i])).toBe(true);
    expect(a!.bytes.buffer).not.toBe(b!.bytes.buffer);
    expect(a!.bytes.byteLength).toBe(a!.bytes.buffer.byteLength);
  });

  it('says plainly when the bytes are not a zip', () => {
    expect(() => inflateArchive(strToU8('hello'), 'notes.zip')).toThrow(
      'notes.zip is not a zip archive.',
    );
  });
});

describe('entry names that leave the folder are refused, in every spelling', () => {
  it.each([
    ['../evil.txt', 'climbs out'],
    ['..\\evil.txt', 'climbs out'],
    ['s/../../evil.txt', 'climbs out'],
    ['./../evil.txt', 'climbs out'],
    ['a\\..\\..\\b', 'climbs out'],
    ['/etc/passwd', 'absolute path'],
    ['\\\\server\\share\\x', 'absolute path'],
    ['C:/Windows/x', 'absolute path'],
    ['C:\\Windows\\x', 'absolute path'],
    ['c:relative.txt', 'absolute path'],
    ['s/nul\0.txt', 'NUL'],
  ])('refuses the entry %j', (name, reason) => {
    expect(unsafeEntryName(name)).toContain(reason);
    expect(() => inflateArchive(zip({ 's/SKILL.md': 'x', [name]: 'x' }), 'bad.zip')).toThrow(
      ArchiveError,
    );
  });

  // Nothing decodes entry names or folds look-alike dots, so these are plain names in the folder.
  it.each(['%2e%2e/secret.txt', '%2E%2E%2Fsecret.txt', '\u2025/secret.txt', '\uFF0E\uFF0E/x'])(
    'keeps %j as a literal name inside the folder',
    (name) => {
      const files = inflateArchive(zip({ [`s/${name}`]: 'x', 's/SKILL.md': 'y' }), 's.zip');
      expect(paths(files)).toContain(`s/${name}`);
    },
  );

  it('writes every path in one spelling: forward slashes, no empty or "." parts', () => {
    const files = inflateArchive(zip({ 's\\a.txt': 'a', './s//b/./c.txt': 'c' }), 's.zip');
    expect(paths(files)).toEqual(['s/a.txt', 's/b/c.txt']);
  });

  it('stores a symbolic link as a plain file holding its target, never as a link', () => {
    const link: Zippable = {
      's/SKILL.md': strToU8('x'),
      // os 3 (Unix), mode S_IFLNK | 0777 in the external attributes' high half.
      's/escape': [strToU8('../../../etc/passwd'), { os: 3, attrs: (0o120777 << 16) >>> 0 }],
    };
    const files = inflateArchive(zipSync(link), 's.zip');
    expect(paths(files)).toEqual(['s/SKILL.md', 's/escape']);
    expect(text(files[1])).toBe('../../../etc/passwd');
  });
});

describe('an archive that names one path twice is refused', () => {
  it('refuses two entries with the same name, naming it', () => {
    const twice = replaceBytes(
      zip({ 's/aaaa.txt': 'first', 's/bbbb.txt': 'second' }),
      'bbbb',
      'aaaa',
    );
    expect(() => inflateArchive(twice, 's.zip')).toThrow(
      's.zip was refused: it holds "s/aaaa.txt" twice.',
    );
  });

  it('refuses two spellings of one path', () => {
    expect(() => inflateArchive(zip({ 's/a.txt': '1', 's\\a.txt': '2' }), 's.zip')).toThrow(
      'it holds "s/a.txt" twice.',
    );
    expect(() => inflateArchive(zip({ 's/a.txt': '1', './s/a.txt': '2' }), 's.zip')).toThrow(
      'it holds "s/a.txt" twice.',
    );
  });

  it('refuses a path that is both a file and a folder, in either order', () => {
    expect(() => inflateArchive(zip({ 's/a': '1', 's/a/b.txt': '2' }), 's.zip')).toThrow(
      'it holds "s/a" both as a file and as a folder.',
    );
    expect(() => inflateArchive(zip({ 's/a/b.txt': '2', 's/a': '1' }), 's.zip')).toThrow(
      'it holds "s/a" both as a file and as a folder.',
    );
  });
});

describe('bombs are stopped by counting inflated bytes, whatever the headers say', () => {
  it('refuses too many files', () => {
    const many = Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`s/f${i}.txt`, 'x']));
    expect(() =>
      inflateArchive(zip(many), 'many.zip', { ...ARCHIVE_LIMITS, maxEntries: 10 }),
    ).toThrow('more than 10 files');
  });

  // Two sets of 100,000 names are built: a few seconds on a loaded two-core machine.
  it('refuses 100,000 entries, and counts folder entries too', { timeout: 30_000 }, () => {
    const numbered = (make: (i: number) => string) =>
      Array.from({ length: 100_000 }, (_, i) => make(i));
    const files = emptyEntries(numbered((i) => `s/f${i}`));
    expect(paths(inflateArchive(emptyEntries(['s/a', 's/b/']), 's.zip'))).toEqual(['s/a']);
    expect(() => inflateArchive(files, 'files.zip')).toThrow('it holds more than 2000 files.');
    const folders = emptyEntries(numbered((i) => `s/d${i}/`));
    expect(() => inflateArchive(folders, 'folders.zip')).toThrow(
      'it holds more than 2000 entries, files and folders together.',
    );
  });

  it('stops a decompression bomb early, by its ratio', () => {
    const bomb = zip({ 's/zeros.bin': zeros(4) });
    expect(() => inflateArchive(bomb, 'bomb.zip')).toThrow(
      'the entry "s/zeros.bin" inflates more than 100 times its size: a decompression bomb',
    );
  });

  it('is not fooled by a declared size that lies', () => {
    const bomb = withForgedSizes(zip({ 's/zeros.bin': zeros(4) }));
    expect(() => inflateArchive(bomb, 'forged.zip')).toThrow(
      'forged.zip was refused: it inflates more than 100 times its size: a decompression bomb.',
    );
  });

  it('stops a bomb whose sizes are hidden in a data descriptor', () => {
    const bomb = streamedZip({ 's/zeros.bin': zeros(4) });
    // General purpose flag bit 3: sizes follow the data, the local header holds zeros.
    expect(new DataView(bomb.buffer).getUint16(6, true) & 8).toBe(8);
    expect(() => inflateArchive(bomb, 'hidden.zip')).toThrow(
      'hidden.zip was refused: it inflates more than 100 times its size: a decompression bomb.',
    );
  });

  it('reads an honest streamed entry', () => {
    const files = inflateArchive(streamedZip({ 's/SKILL.md': strToU8('---\n') }), 's.zip');
    expect(paths(files)).toEqual(['s/SKILL.md']);
    expect(text(files[0])).toBe('---\n');
  });

  it('stops at the total cap when no ratio gives a bomb away', () => {
    const noise = Uint8Array.from({ length: 3 * 1024 * 1024 }, (_, i) => (i * 2654435761) >>> 24);
    const limits = { ...ARCHIVE_LIMITS, maxTotalBytes: 2 * 1024 * 1024 };
    expect(() => inflateArchive(zip({ 's/noise.bin': noise }), 'big.zip', limits)).toThrow(
      'big.zip was refused: it inflates to more than 2 MiB.',
    );
  });
});

describe('answerUnpack, the worker’s whole job', () => {
  it('answers with the files, read from bytes or from a picked file', async () => {
    const bytes = zip({ 's/SKILL.md': 'x' });
    for (const data of [bytes, new Blob([bytes as BlobPart])]) {
      const answer = await answerUnpack({
        kind: 'unpack',
        archiveName: 's.zip',
        data,
        limits: ARCHIVE_LIMITS,
      });
      expect(answer).toEqual({
        kind: 'unpacked',
        entries: [{ path: 's/SKILL.md', bytes: strToU8('x') }],
      });
    }
  });

  it('answers a refusal with its sentence instead of throwing', async () => {
    const answer = await answerUnpack({
      kind: 'unpack',
      archiveName: 'notes.zip',
      data: strToU8('hello'),
      limits: ARCHIVE_LIMITS,
    });
    expect(answer).toEqual({ kind: 'refused', message: 'notes.zip is not a zip archive.' });
  });
});
