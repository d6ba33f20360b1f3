import { Unzip, UnzipInflate, type UnzipFile } from 'fflate';
import type { ArchiveEntry, ArchiveLimits, UnpackCommand, UnpackEvent } from './archiveProtocol';
import { ARCHIVE_LIMITS, ArchiveError, ArchiveGate, concat, underOneFolder } from './archiveRules';
import { isGzip, untarArchive } from './untar';
import { errorMessage } from '../errors';

export type { ArchiveEntry, ArchiveLimits } from './archiveProtocol';
export { ARCHIVE_LIMITS, ArchiveError, normaliseEntryName, unsafeEntryName } from './archiveRules';

// The pure core of archive loading: every rule an archive must pass, tested in Node. The page
// runs it in a worker (archive.worker.ts, reached through unpackArchive.ts) so a bomb never
// blocks the main thread.

const SLICE_BYTES = 4 * 1024;

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP_MAGIC = [0x50, 0x4b, 0x05, 0x06];

export function isZip(bytes: Uint8Array): boolean {
  return [ZIP_MAGIC, EMPTY_ZIP_MAGIC].some((magic) => magic.every((b, i) => bytes[i] === b));
}

/**
 * The files of a `.zip` or `.skill` archive, under one folder (see underOneFolder). Throws an
 * ArchiveError with a sentence naming the rule the archive broke.
 */
export function inflateArchive(
  bytes: Uint8Array,
  archiveName: string,
  limits: ArchiveLimits = ARCHIVE_LIMITS,
): ArchiveEntry[] {
  if (!isZip(bytes)) throw new ArchiveError(`${archiveName} is not a zip archive.`);
  const files: Array<{ path: string; chunks: Uint8Array[] }> = [];
  const gate = new ArchiveGate(archiveName, limits);
  let total = 0;

  const unzip = new Unzip((file: UnzipFile) => {
    const isFolder = /[\\/]$/.test(file.name);
    gate.count(isFolder);
    const path = gate.pathOf(file.name);
    if (isFolder) {
      // A folder entry: nothing to inflate, but it may clash with a file.
      gate.folder(path);
      return;
    }
    gate.file(path, file.name);
    // A symbolic link (a Unix mode in the central directory, which a streaming read never sees)
    // comes out as a plain file holding its target's name: nothing here makes or follows links.
    const entry = { path, chunks: [] as Uint8Array[] };
    files.push(entry);
    let inflated = 0;
    file.ondata = (error, chunk) => {
      if (error) gate.fail(`the entry "${file.name}" is corrupt (${error.message}).`);
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
        gate.fail(
          `the entry "${file.name}" inflates more than ${limits.maxRatio} times its size: a decompression bomb.`,
        );
      }
      gate.checkRatio(total, bytes.length);
      gate.read(chunk.length);
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
    if (gate.failure) throw gate.failure;
    throw new ArchiveError(
      `${archiveName} could not be read as a zip archive: ${errorMessage(error)}`,
    );
  }
  if (gate.failure) throw gate.failure;
  return underOneFolder(
    files.map(({ path, chunks }) => ({ path, bytes: concat(chunks) })),
    archiveName,
  );
}

/**
 * The files of a `.zip`, `.skill`, `.tar.gz` or `.tgz` archive, told apart by their first bytes
 * rather than their names.
 */
export async function unpackBytes(
  bytes: Uint8Array,
  archiveName: string,
  limits: ArchiveLimits = ARCHIVE_LIMITS,
): Promise<ArchiveEntry[]> {
  if (isGzip(bytes)) return untarArchive(bytes, archiveName, limits);
  if (isZip(bytes) || !/\.(tar\.gz|tgz)$/i.test(archiveName)) {
    return inflateArchive(bytes, archiveName, limits);
  }
  throw new ArchiveError(`${archiveName} is not a gzip-compressed tar archive.`);
}

/**
 * The worker's whole job, as a plain function: one command in, one event out, never a throw.
 * The worker entry only wires messages to it; Node tests call it directly.
 */
export async function answerUnpack(command: UnpackCommand): Promise<UnpackEvent> {
  try {
    const bytes =
      command.data instanceof Uint8Array
        ? command.data
        : new Uint8Array(await command.data.arrayBuffer());
    return {
      kind: 'unpacked',
      entries: await unpackBytes(bytes, command.archiveName, command.limits),
    };
  } catch (error) {
    return error instanceof ArchiveError
      ? { kind: 'refused', message: error.message }
      : { kind: 'failed', message: errorMessage(error) };
  }
}
