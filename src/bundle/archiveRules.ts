import type { ArchiveEntry, ArchiveLimits } from './archiveProtocol';

// The rules every archive passes, whatever its format (zip in archive.ts, tar.gz in untar.ts):
// safe names in one spelling, no path twice, and caps on entries and bytes counted while reading.

/**
 * What an archive may hold before it is refused. Declared sizes can be forged, so bytes are
 * counted while inflating and the archive is abandoned as soon as a limit is passed.
 */
export const ARCHIVE_LIMITS: ArchiveLimits = {
  /** Entries of every kind, folders and links included. */
  maxEntries: 2000,
  maxTotalBytes: 50 * 1024 * 1024,
  /**
   * Inflated over compressed, per entry and for the whole archive; only judged past 1 MiB, as
   * small files of zeros are fine.
   */
  maxRatio: 100,
  ratioFloorBytes: 1024 * 1024,
};

export class ArchiveError extends Error {
  override readonly name = 'ArchiveError';
  readonly code = 'ArchiveRefused';
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
 * One archive's entries as they are read: counts them, checks their names, refuses a path held
 * twice (as two files, or as a file and a folder: only one could be kept and the archive does
 * not say which) and counts the bytes read against the total cap. The first refusal is kept, so
 * a reader that catches its own callback's throw can still tell what was refused.
 */
export class ArchiveGate {
  failure: ArchiveError | null = null;
  private entries = 0;
  private fileCount = 0;
  private bytes = 0;
  private readonly filePaths = new Set<string>();
  private readonly folderPaths = new Set<string>();

  constructor(
    readonly archiveName: string,
    readonly limits: ArchiveLimits,
  ) {}

  fail(message: string): never {
    this.failure ??= new ArchiveError(`${this.archiveName} was refused: ${message}`);
    throw this.failure;
  }

  /** Counts one entry; refuses the archive past the entry cap. */
  count(isFolder: boolean): void {
    this.entries += 1;
    if (this.entries <= this.limits.maxEntries) return;
    this.fail(
      !isFolder && this.fileCount >= this.limits.maxEntries
        ? `it holds more than ${this.limits.maxEntries} files.`
        : `it holds more than ${this.limits.maxEntries} entries, files and folders together.`,
    );
  }

  /** The entry's path in one spelling; refuses an unsafe name. */
  pathOf(rawName: string): string {
    const problem = unsafeEntryName(rawName);
    if (problem) this.fail(`the entry "${rawName}" is unsafe: ${problem}.`);
    return normaliseEntryName(rawName);
  }

  folder(path: string): void {
    if (path !== '') this.claimFolders(path);
  }

  /** Claims a file's path (a link's too: it takes the place of a file). */
  file(path: string, rawName: string): void {
    if (path === '') this.fail(`it has an entry with no name ("${rawName}").`);
    if (this.filePaths.has(path)) this.fail(`it holds "${path}" twice.`);
    if (this.folderPaths.has(path)) this.fail(`it holds "${path}" both as a file and as a folder.`);
    if (path.includes('/')) this.claimFolders(path.slice(0, path.lastIndexOf('/')));
    this.filePaths.add(path);
    this.fileCount += 1;
  }

  isFolder(path: string): boolean {
    return this.folderPaths.has(path);
  }

  /** Counts bytes read out of the archive against the total cap. */
  read(bytes: number): void {
    this.bytes += bytes;
    if (this.bytes > this.limits.maxTotalBytes) {
      this.fail(`it inflates to more than ${this.limits.maxTotalBytes / 1024 / 1024} MiB.`);
    }
  }

  /** Refuses an archive whose inflated bytes so far pass the ratio over its compressed size. */
  checkRatio(inflated: number, compressed: number): void {
    if (
      inflated > this.limits.ratioFloorBytes &&
      inflated > this.limits.maxRatio * Math.max(compressed, 1)
    ) {
      this.fail(
        `it inflates more than ${this.limits.maxRatio} times its size: a decompression bomb.`,
      );
    }
  }

  private claimFolders(path: string): void {
    const parts = path.split('/');
    for (let i = 1; i <= parts.length; i++) {
      const folder = parts.slice(0, i).join('/');
      if (this.filePaths.has(folder)) {
        this.fail(`it holds "${folder}" both as a file and as a folder.`);
      }
      this.folderPaths.add(folder);
    }
  }
}

/**
 * Paths under one folder whatever the archive did: its own single top-level folder (a `.skill`
 * package, GitHub's `<repo>-<branch>/`), or one named after the archive when its entries sit at
 * its root, so an archive groups as a dropped folder does.
 */
export function underOneFolder(files: ArchiveEntry[], archiveName: string): ArchiveEntry[] {
  const base = archiveBaseName(archiveName);
  const tops = new Set(files.map((f) => f.path.split('/')[0]));
  const wrapped = tops.size === 1 && files.every((f) => f.path.includes('/'));
  if (wrapped) return files;
  return files.map(({ path, bytes, linkTo }) => ({
    path: `${base}/${path}`,
    bytes,
    ...(linkTo === undefined ? {} : { linkTo: `${base}/${linkTo}` }),
  }));
}

/** Archive names the playground opens, by their endings. */
export const ARCHIVE_NAME = /\.(zip|skill|tar\.gz|tgz)$/i;

/** `pdf.skill` → `pdf`, `repo.tar.gz` → `repo`. */
export function archiveBaseName(archiveName: string): string {
  return archiveName.replace(ARCHIVE_NAME, '') || archiveName;
}

/** One buffer per file, so each can be transferred on its own. */
export function concat(chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}
