import { Gunzip } from 'fflate';
import { createTarDecoder, type ParsedTarEntry } from 'modern-tar';
import type { ArchiveEntry, ArchiveLimits } from './archiveProtocol';
import {
  ARCHIVE_LIMITS,
  ArchiveError,
  ArchiveGate,
  concat,
  normaliseEntryName,
  underOneFolder,
  unsafeEntryName,
} from './archiveRules';
import { errorMessage } from '../errors';

// A `.tar.gz` read as a stream: fflate gunzips a slice at a time, modern-tar parses the entries
// as the bytes come (no Node streams, so it runs in the archive worker as it is), and the same
// rules as a zip's hold while it goes: names, duplicates, entry count, total bytes and ratio.

const SLICE_BYTES = 4 * 1024;
/** How many links a link may go through before it reaches a file. */
const MAX_LINK_HOPS = 16;

export function isGzip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x1f && bytes[1] === 0x8b;
}

interface Link {
  path: string;
  rawName: string;
  /** The target as written: a symbolic link's is relative to its folder, a hard link's to the archive. */
  target: string;
  hard: boolean;
}

/**
 * The files of a gzip-compressed tar archive, under one folder (see underOneFolder). Symbolic
 * and hard links are resolved, never kept as links: a link to a file of the archive becomes a
 * copy of that file, which says where it came from (`linkTo`, for findSkills to check it stays in
 * its skill); a link that leaves the archive (an absolute target or one that climbs out
 * with `..`) is refused, and so is one to a folder or to nothing the archive holds. Devices and
 * FIFOs are refused. Throws an ArchiveError with a sentence naming the rule the archive broke.
 */
export async function untarArchive(
  bytes: Uint8Array,
  archiveName: string,
  limits: ArchiveLimits = ARCHIVE_LIMITS,
): Promise<ArchiveEntry[]> {
  if (!isGzip(bytes)) {
    throw new ArchiveError(`${archiveName} is not a gzip-compressed tar archive.`);
  }
  const gate = new ArchiveGate(archiveName, limits);
  const order: string[] = [];
  const files = new Map<string, Uint8Array>();
  const links = new Map<string, Link>();
  const reader = gunzipped(bytes, gate, limits)
    .pipeThrough(createTarDecoder({ strict: true }))
    .getReader();
  try {
    for (;;) {
      const { done, value: entry } = await reader.read();
      if (done) break;
      const read = await readEntry(entry, gate);
      if (!read) continue;
      order.push(read.path);
      if ('link' in read) links.set(read.path, read.link);
      else files.set(read.path, read.bytes);
    }
  } catch (error) {
    reader.cancel(error).catch(() => {});
    if (gate.failure) throw gate.failure;
    if (error instanceof ArchiveError) throw error;
    throw new ArchiveError(
      `${archiveName} could not be read as a tar.gz archive: ${errorMessage(error)}`,
    );
  }
  const targets = new Map<string, string>();
  for (const link of links.values()) {
    const target = resolveLink(link, files, links, gate);
    const bytesOf = files.get(target)!;
    gate.read(bytesOf.length);
    files.set(link.path, bytesOf.slice());
    targets.set(link.path, target);
  }
  return underOneFolder(
    order.map((path) => {
      const linkTo = targets.get(path);
      return { path, bytes: files.get(path)!, ...(linkTo === undefined ? {} : { linkTo }) };
    }),
    archiveName,
  );
}

type ReadEntry = { path: string; bytes: Uint8Array } | { path: string; link: Link } | null;

async function readEntry({ header, body }: ParsedTarEntry, gate: ArchiveGate): Promise<ReadEntry> {
  const type = header.type ?? 'file';
  gate.count(type === 'directory');
  const path = gate.pathOf(header.name);
  if (type === 'directory') {
    await body.cancel();
    gate.folder(path);
    return null;
  }
  if (type === 'symlink' || type === 'link') {
    await body.cancel();
    gate.file(path, header.name);
    const target = header.linkname ?? '';
    return { path, link: { path, rawName: header.name, target, hard: type === 'link' } };
  }
  if (type !== 'file') {
    await body.cancel();
    gate.fail(`the entry "${header.name}" is a ${type}, which a skill cannot hold.`);
  }
  gate.file(path, header.name);
  const chunks: Uint8Array[] = [];
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    gate.read(value.length);
    chunks.push(value);
  }
  return { path, bytes: concat(chunks) };
}

/**
 * The archive path of the file a link ends at, following links through links. Refuses, with a
 * sentence, a link that leaves the archive, goes round in a circle, or ends at a folder or at
 * nothing.
 */
function resolveLink(
  link: Link,
  files: Map<string, Uint8Array>,
  links: Map<string, Link>,
  gate: ArchiveGate,
): string {
  let current = link;
  for (let hop = 0; hop < MAX_LINK_HOPS; hop++) {
    const target = linkTarget(current, gate);
    if (files.has(target)) return target;
    const next = links.get(target);
    if (next) {
      current = next;
      continue;
    }
    if (gate.isFolder(target)) {
      gate.fail(
        `the link "${link.rawName}" points to the folder "${target}": links to folders are not followed.`,
      );
    }
    gate.fail(
      `the link "${link.rawName}" points to "${current.target}", which the archive does not hold.`,
    );
  }
  return gate.fail(
    `the link "${link.rawName}" goes through more than ${MAX_LINK_HOPS} links: a loop.`,
  );
}

/** Where one link points, as an archive path; a target outside the archive is refused. */
function linkTarget(link: Link, gate: ArchiveGate): string {
  const outside = (): never =>
    gate.fail(
      `the link "${link.rawName}" points to "${link.target}", outside the archive: links must stay inside the skill.`,
    );
  if (link.target === '' || link.target.includes('\0')) outside();
  const written = link.target.replace(/\\/g, '/');
  if (unsafeEntryName(written)?.includes('absolute')) outside();
  // A hard link names an archive path; a symbolic link is relative to the folder it sits in.
  const base = link.hard ? [] : link.path.split('/').slice(0, -1);
  const parts = [...base];
  for (const part of written.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0) outside();
      parts.pop();
    } else parts.push(part);
  }
  return normaliseEntryName(parts.join('/'));
}

/**
 * The archive's bytes gunzipped a slice at a time, as the tar parser asks for them, counted as
 * they come out: a bomb is stopped by its ratio a few MiB in, and the tar stream may pass the
 * total cap only by its headers' share.
 */
function gunzipped(
  bytes: Uint8Array,
  gate: ArchiveGate,
  limits: ArchiveLimits,
): ReadableStream<Uint8Array> {
  // A header block and up to a block of padding per entry, and a few for long names.
  const streamCap = limits.maxTotalBytes + (limits.maxEntries + 16) * 1024;
  const pending: Uint8Array[] = [];
  let out = 0;
  let offset = 0;
  const gunzip = new Gunzip((chunk) => {
    out += chunk.length;
    gate.checkRatio(out, bytes.length);
    if (out > streamCap) {
      gate.fail(`it inflates to more than ${limits.maxTotalBytes / 1024 / 1024} MiB.`);
    }
    pending.push(chunk);
  });
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      try {
        while (pending.length === 0 && offset < bytes.length) {
          const end = Math.min(offset + SLICE_BYTES, bytes.length);
          gunzip.push(bytes.subarray(offset, end), end === bytes.length);
          offset = end;
        }
      } catch (error) {
        controller.error(
          gate.failure ??
            new ArchiveError(`${gate.archiveName} could not be gunzipped: ${errorMessage(error)}`),
        );
        return;
      }
      for (const chunk of pending.splice(0)) controller.enqueue(chunk);
      if (offset >= bytes.length) controller.close();
    },
  });
}
