import { gzipSync, zipSync, type Zippable } from 'fflate';
import { packTar } from 'modern-tar';
import type { FileMap } from '../vfs';

// A skill as one file. `.skill` is Anthropic's package: a zip whose entries sit under a top-level
// `<name>/` folder, as its packager writes it. `.zip` and `.tar.gz` have the skill folder as their
// root, as the Agent Skills Discovery RFC asks of published archives. Times are fixed, so the same
// files always give the same bytes and so the same published digest. Tar is written by modern-tar,
// which reads tar in the archive worker too (ustar with PAX for long names); fflate gzips it.

export type SkillArchiveFormat = 'skill' | 'zip' | 'tar.gz';

export const SKILL_ARCHIVE_FORMATS: readonly SkillArchiveFormat[] = ['skill', 'zip', 'tar.gz'];

/** 1980-01-01, the earliest time a zip entry can carry. */
const ZIP_EPOCH = new Date(1980, 0, 1);
const TAR_EPOCH = new Date(0);

export interface SkillArchive {
  fileName: string;
  bytes: Uint8Array;
}

/** The skill's files (edits included, as the caller gives them) packed in the chosen format. */
export async function skillArchive(
  rootName: string,
  files: FileMap,
  format: SkillArchiveFormat,
): Promise<SkillArchive> {
  const paths = [...files.keys()].sort();
  switch (format) {
    case 'skill':
      return {
        fileName: `${rootName}.skill`,
        bytes: zipFiles(paths.map((path) => [`${rootName}/${path}`, files.get(path)!])),
      };
    case 'zip':
      return {
        fileName: `${rootName}.zip`,
        bytes: zipFiles(paths.map((path) => [path, files.get(path)!])),
      };
    case 'tar.gz':
      return {
        fileName: `${rootName}.tar.gz`,
        bytes: gzipSync(
          await packTar(
            paths.map((path) => ({
              header: { name: path, size: files.get(path)!.length, mtime: TAR_EPOCH, type: 'file' },
              body: files.get(path)!,
            })),
          ),
          { level: 9, mtime: 0 },
        ),
      };
  }
}

/** A zip of these entries, in this order, with fixed times. */
export function zipFiles(entries: Array<[path: string, bytes: Uint8Array]>): Uint8Array {
  const tree: Zippable = {};
  for (const [path, bytes] of entries) tree[path] = [bytes, { mtime: ZIP_EPOCH }];
  return zipSync(tree, { level: 6 });
}
