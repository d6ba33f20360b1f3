import { describe, expect, it } from 'vitest';
import { filesFromTree, treeFromFiles } from '../../../vfs';
import { mkdir, readFile, unlink, workspaceParts, writeFile } from './workspaceFiles';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('workspace paths', () => {
  it('are workspace-relative: a leading slash, a drive prefix and . are dropped', () => {
    expect(workspaceParts('/notes/./a.txt')).toEqual(['notes', 'a.txt']);
    expect(workspaceParts('C:\\notes\\a.txt')).toEqual(['notes', 'a.txt']);
    expect(workspaceParts('notes/../b.txt')).toEqual(['b.txt']);
  });

  it('never climb above the workspace', () => {
    expect(() => workspaceParts('notes/../../b.txt')).toThrow('path escapes workspace boundary');
    expect(() => workspaceParts('x'.repeat(5000))).toThrow('longer than 4096 bytes');
  });
});

describe('workspace files', () => {
  it('writes a new object each time, so the run counts what it wrote', () => {
    const tree = treeFromFiles([]);
    const content = bytes('one');
    writeFile(tree, 'a.txt', content);
    content[0] = 0;
    expect(new TextDecoder().decode(readFile(tree, 'a.txt'))).toBe('one');
  });

  it('makes nested directories, and refuses a file in the way', () => {
    const tree = treeFromFiles([['a.txt', bytes('x')]]);
    mkdir(tree, 'x/y/z');
    writeFile(tree, 'x/y/z/f.txt', bytes('deep'));
    expect([...filesFromTree(tree).keys()]).toEqual(['a.txt', 'x/y/z/f.txt']);
    expect(() => mkdir(tree, 'a.txt/b')).toThrow('mkdir failed: a.txt is a file, not a directory.');
  });

  it('hands only UTF-8 text to the plugin, as astrid does', () => {
    const tree = treeFromFiles([['bin.dat', new Uint8Array([0xff, 0xfe])]]);
    expect(() => readFile(tree, 'bin.dat')).toThrow('read_file failed: bin.dat is not UTF-8 text.');
    expect(() => readFile(tree, 'none.txt')).toThrow('no file none.txt');
  });

  it('removes files and empty directories only', () => {
    const tree = treeFromFiles([['d/f.txt', bytes('x')]]);
    expect(() => unlink(tree, 'd')).toThrow('the directory d is not empty');
    unlink(tree, 'd/f.txt');
    unlink(tree, 'd');
    expect(filesFromTree(tree).size).toBe(0);
  });
});
