import { IGNORED_FOLDERS } from './discoverSkills';
import type { PickedFile } from './types';

// What a picker or a drop hands over, as files with paths relative to it; findSkills then finds
// the skills among them.

/** Files from an `<input type=file webkitdirectory>` or a multi-file input. */
export function pickedFromFileList(list: ArrayLike<File>): PickedFile[] {
  return Array.from(list, (file) => ({ path: file.webkitRelativePath || file.name, file }));
}

/**
 * Reads a drop. Entries must be taken from the DataTransfer before the first await (the browser
 * empties it after the event), then directories are walked recursively.
 */
export async function pickedFromDataTransfer(data: DataTransfer): Promise<PickedFile[]> {
  const entries: FileSystemEntry[] = [];
  const loose: File[] = [];
  for (const item of Array.from(data.items)) {
    if (item.kind !== 'file') continue;
    const entry = item.webkitGetAsEntry?.();
    if (entry) entries.push(entry);
    else {
      const file = item.getAsFile();
      if (file) loose.push(file);
    }
  }
  if (entries.length === 0 && loose.length === 0) loose.push(...Array.from(data.files));
  const out: PickedFile[] = loose.map((file) => ({ path: file.name, file }));
  for (const entry of entries) out.push(...(await walkEntry(entry, '')));
  return out;
}

async function walkEntry(entry: FileSystemEntry, prefix: string): Promise<PickedFile[]> {
  const path = prefix ? `${prefix}/${entry.name}` : entry.name;
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) =>
      (entry as FileSystemFileEntry).file(resolve, reject),
    );
    return [{ path, file }];
  }
  // Not walked, for they can be huge, but said: a path ending with `/` is a folder left unread.
  if (IGNORED_FOLDERS.has(entry.name)) return [{ path: `${path}/`, file: new Blob([]) }];
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  const children: FileSystemEntry[] = [];
  // readEntries returns at most 100 entries a call; an empty batch means the end.
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) =>
      reader.readEntries(resolve, reject),
    );
    if (batch.length === 0) break;
    children.push(...batch);
  }
  const nested = await Promise.all(children.map((child) => walkEntry(child, path)));
  return nested.flat();
}
