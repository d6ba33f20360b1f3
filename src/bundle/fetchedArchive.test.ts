import { gzipSync, strToU8, zipSync } from 'fflate';
import { describe, expect, it, vi } from 'vitest';
import { archiveFormat, declaredArchive, unpackFetchedArchive } from './fetchedArchive';

// What reaches the archive entry point is what matters here, not what it makes of it.
const unpackArchive = vi.hoisted(() => vi.fn(async () => []));
vi.mock('./unpackArchive', () => ({ unpackArchive }));

describe('a fetched archive', () => {
  it('is told by its bytes: zip or gzip, whatever it was called', () => {
    expect(archiveFormat(zipSync({ 'SKILL.md': strToU8('x') }))).toBe('zip');
    expect(archiveFormat(gzipSync(strToU8('a tar would be here')))).toBe('tar.gz');
    expect(archiveFormat(strToU8('---\nname: x\n---\n'))).toBeNull();
  });

  it('says what the server and the URL claimed, for when the bytes disagree', () => {
    expect(declaredArchive('application/gzip', 'https://e.com/s')).toBe('tar.gz');
    expect(declaredArchive('application/zip', 'https://e.com/s')).toBe('zip');
    expect(declaredArchive('application/octet-stream', 'https://e.com/s.tgz')).toBe('tar.gz');
    expect(declaredArchive(null, 'https://e.com/s.skill')).toBe('zip');
    expect(declaredArchive('text/plain', 'https://e.com/s.md')).toBeNull();
  });

  it('goes through the one archive entry point, named for its format', async () => {
    const signal = new AbortController().signal;
    const gz = gzipSync(strToU8('tar'));
    await unpackFetchedArchive(gz, 'tar.gz', 'wrangler', signal);
    await unpackFetchedArchive(gz, 'tar.gz', 'wrangler.tgz', signal);
    await unpackFetchedArchive(gz, 'zip', 'packed', signal);
    await unpackFetchedArchive(gz, 'zip', 'packed.skill', signal);
    expect(unpackArchive.mock.calls.map((call) => (call as unknown[])[1])).toEqual([
      'wrangler.tar.gz',
      'wrangler.tgz',
      'packed.zip',
      'packed.skill',
    ]);
    const signals = unpackArchive.mock.calls.map(
      (call) => ((call as unknown[])[2] as { signal?: AbortSignal }).signal,
    );
    expect(signals).toEqual([signal, signal, signal, signal]);
  });
});
