import { describe, expect, it } from 'vitest';
import { diffFiles, filesFromTree, treeFromFiles } from './fileTree';

const enc = (s: string) => new TextEncoder().encode(s);

describe('file trees', () => {
  it('round-trips paths through the FileData tree the WASI shim uses', () => {
    const files = new Map([
      ['SKILL.md', enc('# hi')],
      ['notes/a.txt', enc('a')],
      ['notes/deep/b.txt', enc('b')],
    ]);
    const tree = treeFromFiles(files);
    expect(Object.keys(tree.dir!)).toEqual(['SKILL.md', 'notes']);
    expect(filesFromTree(tree)).toEqual(files);
  });

  it('drops names that would climb out of the tree', () => {
    const tree = treeFromFiles([
      ['../escape.txt', enc('x')],
      ['ok/../../x', enc('y')],
      ['fine.txt', enc('z')],
    ]);
    expect([...filesFromTree(tree).keys()]).toEqual(['fine.txt']);
  });

  it('copies bytes, so a guest that writes does not change the source', () => {
    const original = enc('same');
    const tree = treeFromFiles([['f', original]]);
    (tree.dir!.f!.source as Uint8Array)[0] = 0;
    expect(original[0]).toBe('s'.charCodeAt(0));
  });

  it('tells what a run created, changed and deleted', () => {
    const before = new Map([
      ['keep', enc('1')],
      ['edit', enc('1')],
      ['gone', enc('1')],
    ]);
    const after = new Map([
      ['keep', enc('1')],
      ['edit', enc('2')],
      ['new', enc('1')],
    ]);
    expect(diffFiles(before, after)).toEqual({
      created: ['new'],
      changed: ['edit'],
      deleted: ['gone'],
    });
  });
});
