import type { FileTree } from '../../vfs';
import { utf8Length } from './valueSize';

type Contents = NonNullable<FileTree['source']>;

/**
 * Every file's contents in a tree, by path, as the very objects the tree holds (nothing copied).
 * The walk keeps its own stack, so a guest's deeply nested directories cannot overflow it.
 */
export function fileContents(tree: FileTree): Map<string, Contents> {
  const out = new Map<string, Contents>();
  const stack: Array<[prefix: string, node: FileTree]> = [['', tree]];
  while (stack.length > 0) {
    const [prefix, node] = stack.pop()!;
    for (const [name, child] of Object.entries(node.dir ?? {})) {
      const path = prefix ? `${prefix}/${name}` : name;
      if (child.dir) stack.push([path, child]);
      else if (child.source !== undefined) out.set(path, child.source);
    }
  }
  return out;
}

/**
 * The bytes of the files a run created or wrote, from the tree's contents before it. preview2-shim
 * gives a file new contents on every write (never the same object), so a file holding the same
 * object was not written, and the check costs nothing for files the run left alone.
 */
export function writtenBytes(before: Map<string, Contents>, tree: FileTree): number {
  let bytes = 0;
  for (const [path, contents] of fileContents(tree)) {
    if (before.get(path) === contents) continue;
    bytes += typeof contents === 'string' ? utf8Length(contents) : contents.byteLength;
  }
  return bytes;
}
