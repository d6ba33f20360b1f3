import { describe, expect, it } from 'vitest';
import { treeFromFiles, type FileTree } from '../../vfs';
import { fileContents, writtenBytes } from './workspaceWrites';

describe('what a run wrote to /workspace', () => {
  it('counts created and rewritten files, not the ones it left alone', () => {
    const tree = treeFromFiles([
      ['big.bin', new Uint8Array(5000)],
      ['notes/a.txt', new Uint8Array(10)],
    ]);
    const before = fileContents(tree);
    // As preview2-shim does: a write gives the file new contents.
    tree.dir!.notes!.dir!['a.txt'] = { source: new Uint8Array(12) };
    tree.dir!['new.txt'] = { source: 'héllo' };
    expect(writtenBytes(before, tree)).toBe(12 + 6);
  });

  it('walks directories nested deeper than the call stack allows', () => {
    const root: FileTree = { dir: {} };
    let node = root;
    for (let i = 0; i < 100_000; i++) {
      const next: FileTree = { dir: {} };
      node.dir!.d = next;
      node = next;
    }
    node.dir!['f.txt'] = { source: new Uint8Array(3) };
    expect(writtenBytes(new Map(), root)).toBe(3);
  });
});
