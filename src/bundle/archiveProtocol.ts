// The only module the page and the archive worker share. A worker unpacks one archive and is
// then ended, so messages need no ids: the one event answers the one command.

/** One file of an archive, by its path inside it. */
export interface ArchiveEntry {
  path: string;
  bytes: Uint8Array;
  /** A tar link made into a copy: the path of the file it pointed to, to check it stays in its skill. */
  linkTo?: string;
}

/** What an archive may hold before it is refused (the values are ARCHIVE_LIMITS in archiveRules.ts). */
export interface ArchiveLimits {
  maxEntries: number;
  maxTotalBytes: number;
  maxRatio: number;
  /** Ratios are judged only past this many bytes. */
  ratioFloorBytes: number;
}

/**
 * Unpack this archive (a zip or a gzip-compressed tar, told apart by its first bytes): bytes
 * (transferred) or a picked file (cloned as a handle, read there).
 */
export interface UnpackCommand {
  kind: 'unpack';
  archiveName: string;
  data: Uint8Array | Blob;
  limits: ArchiveLimits;
}

export type UnpackEvent =
  /** The files, each in its own buffer, transferred back. */
  | { kind: 'unpacked'; entries: ArchiveEntry[] }
  /** The archive broke one of the rules: the sentence says which. */
  | { kind: 'refused'; message: string }
  /** Something else went wrong (a bug, memory): the worker never throws across the boundary. */
  | { kind: 'failed'; message: string };
