import { Unzip, UnzipInflate, type UnzipFile } from 'fflate';
import type { ArchiveEntry, ArchiveLimits, UnzipCommand, UnzipEvent } from './archiveProtocol';

export type { ArchiveEntry, ArchiveLimits } from './archiveProtocol';
import { errorMessage } from '../errors';

// The pure core of archive loading: every rule an archive must pass, tested in Node. The page
// runs it in a worker (archive.worker.ts, reached through unzipArchive.ts) so a bomb never
// blocks the main thread.

/**
 * What an archive may hold before it is refused. A zip's declared sizes can be forged, so bytes
 * are counted while inflating and the archive is abandoned as soon as a limit is passed.
 */
export const ARCHIVE_LIMITS: ArchiveLimits = {
  /** Entries of every kind, folders included. */
  maxEntries: 2000,
  maxTotalBytes: 50 * 1024 * 1024,
  /**
   * Inflated over compressed, per entry and for the whole archive; only judged past 1 MiB, as
   * small files of zeros are fine.
   */
  maxRatio: 100,
  ratioFloorBytes: 1024 * 1024,
};

const SLICE_BYTES = 4 * 1024;

export class ArchiveError extends Error {
  override readonly name = 'ArchiveError';
  readonly code = 'ArchiveRefused';
}

/** One inflated file, its path already under the archive's folder. */

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP_MAGIC = [0x50, 0x4b, 0x05, 0x06];

export function isZip(bytes: Uint8Array): boolean {
  return [ZIP_MAGIC, EMPTY_ZIP_MAGIC].some((magic) => magic.every((b, i) => bytes[i] === b));
}

/**
 * Why an entry name is refused, or null: no absolute paths, no `..`, no drive letters, in either
 * slash. Only ASCII dots climb: nothing here decodes `%2e` or folds look-alike dots, so such
 * names stay plain names inside the folder.
 */
export function unsafeEntryName(name: string): string | null {
  if (name.includes('\0')) return 'it contains a NUL character';
  const normalised = name.replace(/\\/g, '/');
  if (normalised.startsWith('/') || /^[a-zA-Z]:/.test(normalised)) return 'it is an absolute path';
  if (normalised.split('/').includes('..')) return 'it climbs out of the archive with ".."';
  return null;
}

/** A safe entry name in one spelling: `/` only, no empty or `.` segments. */
export function normaliseEntryName(name: string): string {
  return name
    .replace(/\\/g, '/')
    .split('/')
    .filter((part) => part !== '' && part !== '.')
    .join('/');
}

/**
 * The files of a `.zip` or `.skill` archive (Anthropic's packager puts them under one top-level
 * `<name>/` folder; others put them at the root). Paths come back under one folder either way:
 * the archive's own, or one named after the archive, so skills group as a dropped folder does.
 * Throws an ArchiveError with a sentence naming the rule the archive broke.
 */
export function inflateArchive(
  bytes: Uint8Array,
  archiveName: string,
  limits: ArchiveLimits = ARCHIVE_LIMITS,
): ArchiveEntry[] {
  if (!isZip(bytes)) throw new ArchiveError(`${archiveName} is not a zip archive.`);
  const files: Array<{ path: string; chunks: Uint8Array[] }> = [];
  // Every file path and every folder above one: a second entry of either is refused, since only
  // one of them could be kept and the archive does not say which.
  const filePaths = new Set<string>();
  const folderPaths = new Set<string>();
  let entries = 0;
  let total = 0;
  let failure: ArchiveError | null = null;
  const fail = (message: string): never => {
    failure ??= new ArchiveError(`${archiveName} was refused: ${message}`);
    throw failure;
  };
  const claimFolders = (path: string) => {
    const parts = path.split('/');
    for (let i = 1; i <= parts.length; i++) {
      const folder = parts.slice(0, i).join('/');
      if (filePaths.has(folder)) fail(`it holds "${folder}" both as a file and as a folder.`);
      folderPaths.add(folder);
    }
  };

  const unzip = new Unzip((file: UnzipFile) => {
    const isFolder = /[\\/]$/.test(file.name);
    entries += 1;
    if (entries > limits.maxEntries) {
      fail(
        !isFolder && files.length >= limits.maxEntries
          ? `it holds more than ${limits.maxEntries} files.`
          : `it holds more than ${limits.maxEntries} entries, files and folders together.`,
      );
    }
    const problem = unsafeEntryName(file.name);
    if (problem) fail(`the entry "${file.name}" is unsafe: ${problem}.`);
    const path = normaliseEntryName(file.name);
    if (isFolder) {
      // A folder entry: nothing to inflate, but it may clash with a file.
      if (path !== '') claimFolders(path);
      return;
    }
    if (path === '') fail(`it has an entry with no name ("${file.name}").`);
    if (filePaths.has(path)) fail(`it holds "${path}" twice.`);
    if (folderPaths.has(path)) fail(`it holds "${path}" both as a file and as a folder.`);
    if (path.includes('/')) claimFolders(path.slice(0, path.lastIndexOf('/')));
    filePaths.add(path);
    // A symbolic link (a Unix mode in the central directory, which a streaming read never sees)
    // comes out as a plain file holding its target's name: nothing here makes or follows links.
    const entry = { path, chunks: [] as Uint8Array[] };
    files.push(entry);
    let inflated = 0;
    file.ondata = (error, chunk) => {
      if (error) fail(`the entry "${file.name}" is corrupt (${error.message}).`);
      inflated += chunk.length;
      total += chunk.length;
      // The compressed size is unknown for streamed entries and may be forged for others; the
      // whole archive's ratio and the total cap catch what this per-entry check cannot.
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
      if (total > limits.ratioFloorBytes && total > limits.maxRatio * bytes.length) {
        fail(`it inflates more than ${limits.maxRatio} times its size: a decompression bomb.`);
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
    bytes: concat(chunks),
  }));
}

/**
 * The worker's whole job, as a plain function: one command in, one event out, never a throw.
 * The worker entry only wires messages to it; Node tests call it directly.
 */
export async function answerUnzip(command: UnzipCommand): Promise<UnzipEvent> {
  try {
    const bytes =
      command.data instanceof Uint8Array
        ? command.data
        : new Uint8Array(await command.data.arrayBuffer());
    return {
      kind: 'unzipped',
      entries: inflateArchive(bytes, command.archiveName, command.limits),
    };
  } catch (error) {
    return error instanceof ArchiveError
      ? { kind: 'refused', message: error.message }
      : { kind: 'failed', message: errorMessage(error) };
  }
}

/** One buffer per file, so each can be transferred on its own. */
function concat(chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}
