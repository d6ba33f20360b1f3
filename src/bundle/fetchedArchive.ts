import { isZip } from './archive';
import type { PickedFile } from './types';
import { unpackArchive } from './unpackArchive';
import { isGzip } from './untar';

// An archive fetched from a URL goes through the same entry point as a picked one (its worker,
// its caps, its path rules): this module only tells which kind it is and names it so.

export type ArchiveFormat = 'zip' | 'tar.gz';

/**
 * The kind of archive fetched bytes are, or null. The bytes decide: a server's Content-Type and
 * the URL's extension (which the RFC says to read) are often generic or wrong, and they only say
 * what the bytes should be.
 */
export function archiveFormat(bytes: Uint8Array): ArchiveFormat | null {
  if (isZip(bytes)) return 'zip';
  if (isGzip(bytes)) return 'tar.gz';
  return null;
}

/** What the server and the URL say the artifact is, for a sentence when the bytes disagree. */
export function declaredArchive(contentType: string | null, url: string): ArchiveFormat | null {
  const type = (contentType ?? '').toLowerCase().split(';')[0]!.trim();
  if (/^application\/(x-)?(gzip|tar\+gzip|gtar|tar)$/.test(type)) return 'tar.gz';
  if (/^application\/(x-)?zip(-compressed)?$/.test(type)) return 'zip';
  const path = new URL(url).pathname.toLowerCase();
  if (/\.(zip|skill)$/.test(path)) return 'zip';
  if (/\.(tar\.gz|tgz)$/.test(path)) return 'tar.gz';
  return null;
}

/**
 * Unpacks a fetched archive with the rules every archive passes: no `..` or absolute paths, no
 * links leaving the skill, entry count, size and ratio caps. The name given to the archive entry
 * point carries the format's extension, which is how it tells a `.tar.gz` from a `.zip`.
 */
export function unpackFetchedArchive(
  bytes: Uint8Array,
  format: ArchiveFormat,
  name: string,
  signal: AbortSignal,
): Promise<PickedFile[]> {
  const named =
    format === 'zip'
      ? /\.(zip|skill)$/i.test(name)
        ? name
        : `${name}.zip`
      : /\.(tar\.gz|tgz)$/i.test(name)
        ? name
        : `${name}.tar.gz`;
  return unpackArchive(bytes, named, { signal });
}
