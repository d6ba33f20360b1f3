import { Unzip, UnzipInflate, type UnzipFile } from 'fflate';
import type { PickedFile } from './types';
import { errorMessage } from '../errors';

/**
 * What an archive may hold before it is refused. A zip's declared sizes can be forged, so bytes
 * are counted while inflating and the archive is abandoned as soon as a limit is passed.
 */
export const ARCHIVE_LIMITS = {
  maxEntries: 2000,
  maxTotalBytes: 50 * 1024 * 1024,
  /** Inflated over compressed, per entry; only judged past 1 MiB, as small files of zeros are fine. */
  maxRatio: 100,
  ratioFloorBytes: 1024 * 1024,
};

export type ArchiveLimits = typeof ARCHIVE_LIMITS;

const SLICE_BYTES = 4 * 1024;

export class ArchiveError extends Error {
  readonly code = 'ArchiveRefused';
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP_MAGIC = [0x50, 0x4b, 0x05, 0x06];

export function isZip(bytes: Uint8Array): boolean {
  return [ZIP_MAGIC, EMPTY_ZIP_MAGIC].some((magic) => magic.every((b, i) => bytes[i] === b));
}

/** Why an entry name is refused, or null: no absolute paths, no `..`, no drive letters. */
export function unsafeEntryName(name: string): string | null {
  if (name.includes('\0')) return 'it contains a NUL character';
  const normalised = name.replace(/\\/g, '/');
  if (normalised.startsWith('/') || /^[a-zA-Z]:/.test(normalised)) return 'it is an absolute path';
  if (normalised.split('/').includes('..')) return 'it climbs out of the archive with ".."';
  return null;
}

/**
 * The files of a `.zip` or `.skill` archive (Anthropic's packager puts them under one top-level
 * `<name>/` folder; others put them at the root). Paths come back under one folder either way:
 * the archive's own, or one named after the archive, so skills group as a dropped folder does.
 */
export function unzipArchive(
  bytes: Uint8Array,
  archiveName: string,
  limits: ArchiveLimits = ARCHIVE_LIMITS,
): PickedFile[] {
  if (!isZip(bytes)) throw new ArchiveError(`${archiveName} is not a zip archive.`);
  const files: Array<{ path: string; chunks: Uint8Array[] }> = [];
  let total = 0;
  let failure: ArchiveError | null = null;
  const fail = (message: string) => {
    failure ??= new ArchiveError(`${archiveName} was refused: ${message}`);
    throw failure;
  };

  const unzip = new Unzip((file: UnzipFile) => {
    if (file.name.endsWith('/')) return; // a directory entry
    const problem = unsafeEntryName(file.name);
    if (problem) fail(`the entry "${file.name}" is unsafe: ${problem}.`);
    if (files.length + 1 > limits.maxEntries)
      fail(`it holds more than ${limits.maxEntries} files.`);
    const entry = { path: file.name.replace(/\\/g, '/'), chunks: [] as Uint8Array[] };
    files.push(entry);
    let inflated = 0;
    file.ondata = (error, chunk) => {
      if (error) fail(`the entry "${file.name}" is corrupt (${error.message}).`);
      inflated += chunk.length;
      total += chunk.length;
      // The compressed size is unknown for streamed entries; then only the total cap applies.
      const compressed = file.size;
      if (
        compressed !== undefined &&
        inflated > limits.ratioFloorBytes &&
        inflated > limits.maxRatio * Math.max(compressed, 1)
      ) {
        fail(
          `the entry "${file.name}" inflates more than ${limits.maxRatio} times its size: a decompression bomb.`,
        );
      }
      if (total > limits.maxTotalBytes) {
        fail(`it inflates to more than ${limits.maxTotalBytes / 1024 / 1024} MiB.`);
      }
      entry.chunks.push(chunk);
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    // Fed in small slices: a slice inflates at most ~1032 times its size, so a bomb is stopped
    // a few MiB in rather than after the whole archive.
    for (let offset = 0; offset < bytes.length; offset += SLICE_BYTES) {
      unzip.push(
        bytes.subarray(offset, offset + SLICE_BYTES),
        offset + SLICE_BYTES >= bytes.length,
      );
    }
  } catch (error) {
    if (failure) throw failure;
    throw new ArchiveError(
      `${archiveName} could not be read as a zip archive: ${errorMessage(error)}`,
    );
  }
  if (failure) throw failure;

  const base = archiveName.replace(/\.(zip|skill)$/i, '');
  const tops = new Set(files.map((f) => f.path.split('/')[0]));
  const underOneFolder = tops.size === 1 && files.every((f) => f.path.includes('/'));
  return files.map(({ path, chunks }) => ({
    path: underOneFolder ? path : `${base}/${path}`,
    file: new Blob(chunks as BlobPart[]),
  }));
}
