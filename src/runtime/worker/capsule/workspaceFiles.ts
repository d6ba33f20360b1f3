// astrid's file functions on the instance's /workspace, held as a FileTree. astrid 0.1.1 confines
// every path to the capsule's workspace (skill-formats.md, 3.3): a path is workspace-relative, a
// leading `/` or drive prefix is dropped, and one that climbs out with `..` is refused. Errors are
// the host's: they fail the plugin's call with their message, as a host function's Err does.
import type { FileTree } from '../../../vfs';

/** A file function's failure, with the sentence the call fails with. */
export class WorkspaceFileError extends Error {
  readonly code = 'ExecutionFailure';
}

/** astrid's cap on a path, in bytes of UTF-8. */
export const MAX_PATH_BYTES = 4096;

/** The path's parts below the workspace root; throws for a path that leaves the workspace. */
export function workspaceParts(path: string): string[] {
  if (new TextEncoder().encode(path).length > MAX_PATH_BYTES) {
    throw new WorkspaceFileError(`The path is longer than ${MAX_PATH_BYTES} bytes.`);
  }
  const parts: string[] = [];
  for (const part of path.replace(/^[A-Za-z]:/, '').split(/[/\\]/)) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0) {
        throw new WorkspaceFileError(`path escapes workspace boundary: ${path}`);
      }
      parts.pop();
    } else parts.push(part);
  }
  return parts;
}

function lookup(tree: FileTree, parts: string[]): FileTree | undefined {
  let node: FileTree | undefined = tree;
  for (const part of parts) {
    node = node.dir && Object.hasOwn(node.dir, part) ? node.dir[part] : undefined;
    if (!node) return undefined;
  }
  return node;
}

const shown = (parts: string[]) => parts.join('/') || '.';

/** The directory that holds the last part, which must exist. */
function parentOf(tree: FileTree, parts: string[], what: string): Record<string, FileTree> {
  const parent = lookup(tree, parts.slice(0, -1));
  if (!parent?.dir) {
    throw new WorkspaceFileError(
      `${what} failed: ${shown(parts.slice(0, -1))} is not a directory of the workspace.`,
    );
  }
  return parent.dir;
}

function contentsOf(node: FileTree): Uint8Array {
  return typeof node.source === 'string'
    ? new TextEncoder().encode(node.source)
    : (node.source ?? new Uint8Array());
}

export function exists(tree: FileTree, path: string): boolean {
  return lookup(tree, workspaceParts(path)) !== undefined;
}

/** A file's bytes; astrid hands them to the plugin as UTF-8 text, so other bytes are refused. */
export function readFile(tree: FileTree, path: string): Uint8Array {
  const parts = workspaceParts(path);
  const node = lookup(tree, parts);
  if (!node || node.symlink !== undefined) {
    throw new WorkspaceFileError(`read_file failed: no file ${shown(parts)} in the workspace.`);
  }
  if (node.dir) throw new WorkspaceFileError(`read_file failed: ${shown(parts)} is a directory.`);
  const bytes = contentsOf(node);
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new WorkspaceFileError(`read_file failed: ${shown(parts)} is not UTF-8 text.`);
  }
  return bytes;
}

/** Creates or replaces a file; its directory must exist (astrid_fs_mkdir makes one). */
export function writeFile(tree: FileTree, path: string, bytes: Uint8Array): void {
  const parts = workspaceParts(path);
  if (parts.length === 0)
    throw new WorkspaceFileError('write_file failed: the path names no file.');
  const dir = parentOf(tree, parts, 'write_file');
  const name = parts.at(-1)!;
  if (Object.hasOwn(dir, name) && dir[name]!.dir) {
    throw new WorkspaceFileError(`write_file failed: ${shown(parts)} is a directory.`);
  }
  // Always a new object: the run's written bytes are counted by identity (workspaceWrites.ts).
  dir[name] = { source: bytes.slice() };
}

/** Makes a directory and any missing above it; one that exists is left as it is. */
export function mkdir(tree: FileTree, path: string): void {
  let node = tree;
  const parts = workspaceParts(path);
  for (const [index, part] of parts.entries()) {
    const dir = node.dir!;
    const next: FileTree = Object.hasOwn(dir, part) ? dir[part]! : (dir[part] = { dir: {} });
    if (!next.dir) {
      throw new WorkspaceFileError(
        `mkdir failed: ${shown(parts.slice(0, index + 1))} is a file, not a directory.`,
      );
    }
    node = next;
  }
}

/** The names in a directory, sorted, as the JSON array astrid answers with. */
export function readdir(tree: FileTree, path: string): string[] {
  const parts = workspaceParts(path);
  const node = lookup(tree, parts);
  if (!node?.dir) {
    throw new WorkspaceFileError(`readdir failed: ${shown(parts)} is not a directory.`);
  }
  return Object.keys(node.dir).sort();
}

/** astrid's `{"size","isDir","mtime"}`; the playground keeps no times, so mtime is 0. */
export function stat(tree: FileTree, path: string): { size: number; isDir: boolean; mtime: 0 } {
  const parts = workspaceParts(path);
  const node = lookup(tree, parts);
  if (!node) throw new WorkspaceFileError(`stat failed: no ${shown(parts)} in the workspace.`);
  return node.dir
    ? { size: 0, isDir: true, mtime: 0 }
    : { size: contentsOf(node).byteLength, isDir: false, mtime: 0 };
}

/** Removes a file, or an empty directory. */
export function unlink(tree: FileTree, path: string): void {
  const parts = workspaceParts(path);
  const node = parts.length > 0 ? lookup(tree, parts) : undefined;
  if (!node) throw new WorkspaceFileError(`unlink failed: no ${shown(parts)} in the workspace.`);
  if (node.dir && Object.keys(node.dir).length > 0) {
    throw new WorkspaceFileError(`unlink failed: the directory ${shown(parts)} is not empty.`);
  }
  delete parentOf(tree, parts, 'unlink')[parts.at(-1)!];
}
