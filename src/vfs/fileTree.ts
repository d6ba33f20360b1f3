// The virtual filesystem as plain data: preview2-shim's in-memory FileData tree, built from and
// read back into a flat map of path to bytes (what IndexedDB stores and the UI lists).

export interface FileTree {
  dir?: Record<string, FileTree>;
  source?: Uint8Array | string;
  symlink?: string;
}

/**
 * The files of a skill or of a /workspace: path (relative to its root, `/`-separated) to bytes.
 * The one container for files everywhere: the page, the worker boundary and IndexedDB all clone
 * a Map as it is.
 */
export type FileMap = Map<string, Uint8Array>;

/** A directory tree from `a/b.txt`-style paths. Bytes are copied: the guest may change the tree. */
export function treeFromFiles(files: Iterable<[string, Uint8Array]>): FileTree {
  const root: FileTree = { dir: {} };
  for (const [path, bytes] of files) {
    const parts = path.split('/').filter((part) => part !== '' && part !== '.');
    if (parts.length === 0 || parts.includes('..')) continue;
    let node = root;
    for (const part of parts.slice(0, -1)) {
      const next = (node.dir![part] ??= { dir: {} });
      if (!next.dir) next.dir = {};
      node = next;
    }
    node.dir![parts.at(-1)!] = { source: bytes.slice() };
  }
  return root;
}

/** Every regular file in a tree, by path. Empty directories and symlinks are not kept. */
export function filesFromTree(tree: FileTree, prefix = ''): FileMap {
  const out: FileMap = new Map();
  for (const [name, node] of Object.entries(tree.dir ?? {})) {
    const path = prefix ? `${prefix}/${name}` : name;
    if (node.dir) for (const entry of filesFromTree(node, path)) out.set(...entry);
    else if (node.source !== undefined) {
      out.set(
        path,
        typeof node.source === 'string' ? new TextEncoder().encode(node.source) : node.source,
      );
    }
  }
  return new Map([...out].sort(([a], [b]) => a.localeCompare(b)));
}

export interface FileChanges {
  created: string[];
  changed: string[];
  deleted: string[];
}

export function diffFiles(before: FileMap, after: FileMap): FileChanges {
  const created: string[] = [];
  const changed: string[] = [];
  for (const [path, bytes] of after) {
    const old = before.get(path);
    if (!old) created.push(path);
    else if (!sameBytes(old, bytes)) changed.push(path);
  }
  const deleted = [...before.keys()].filter((path) => !after.has(path));
  return { created, changed, deleted };
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.byteLength !== b.byteLength) return false;
  for (let i = 0; i < a.byteLength; i++) if (a[i] !== b[i]) return false;
  return true;
}
