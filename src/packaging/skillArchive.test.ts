import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strFromU8, strToU8, unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { skillArchive } from './skillArchive';

const files = new Map([
  ['SKILL.md', strToU8('---\nname: note-taker\n---\nNotes.\n')],
  ['scripts/run.sh', strToU8('#!/bin/sh\necho hi\n')],
  ['skill.wasm', new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0])],
]);

const scratch = mkdtempSync(path.join(tmpdir(), 'skill-archive-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** What GNU tar finds in an archive: the tool people will open it with. */
function untar(bytes: Uint8Array, name: string): Map<string, Buffer> {
  const file = path.join(scratch, name);
  const dir = path.join(scratch, `${name}.out`);
  writeFileSync(file, bytes);
  execFileSync('mkdir', ['-p', dir]);
  execFileSync('tar', ['-xf', file, '-C', dir]);
  const listed = execFileSync('tar', ['-tf', file]).toString().trim().split('\n');
  return new Map(listed.map((p) => [p, readFileSync(path.join(dir, p))]));
}

describe('a skill as one file', () => {
  it('writes .skill with every entry under the skill folder, as Anthropic packages it', async () => {
    const { fileName, bytes } = await skillArchive('note-taker', files, 'skill');
    expect(fileName).toBe('note-taker.skill');
    const entries = unzipSync(bytes);
    expect(Object.keys(entries).sort()).toEqual([
      'note-taker/SKILL.md',
      'note-taker/scripts/run.sh',
      'note-taker/skill.wasm',
    ]);
    expect(entries['note-taker/skill.wasm']).toEqual(files.get('skill.wasm'));
  });

  it('writes .zip with the skill folder as its root', async () => {
    const { fileName, bytes } = await skillArchive('note-taker', files, 'zip');
    expect(fileName).toBe('note-taker.zip');
    expect(strFromU8(unzipSync(bytes)['scripts/run.sh']!)).toContain('echo hi');
  });

  it('writes .tar.gz that GNU tar reads back byte for byte', async () => {
    const { fileName, bytes } = await skillArchive('note-taker', files, 'tar.gz');
    expect(fileName).toBe('note-taker.tar.gz');
    const read = untar(bytes, fileName);
    expect([...read.keys()].sort()).toEqual(['SKILL.md', 'scripts/run.sh', 'skill.wasm']);
    for (const [p, b] of files) expect(new Uint8Array(read.get(p)!)).toEqual(b);
  });

  it('gives the same bytes for the same files, so a published digest only changes with them', async () => {
    expect((await skillArchive('n', files, 'zip')).bytes).toEqual(
      (await skillArchive('n', files, 'zip')).bytes,
    );
    expect((await skillArchive('n', files, 'tar.gz')).bytes).toEqual(
      (await skillArchive('n', files, 'tar.gz')).bytes,
    );
  });
});

describe('long paths in a tar', () => {
  it('keeps paths longer than 100 bytes whole', async () => {
    const long = `${'deep/'.repeat(30)}file-with-a-long-name.md`;
    expect(long.length).toBeGreaterThan(100);
    const { bytes } = await skillArchive('n', new Map([[long, strToU8('x')]]), 'tar.gz');
    expect(untar(bytes, 'long.tar.gz').get(long)?.toString()).toBe('x');
  });
});
