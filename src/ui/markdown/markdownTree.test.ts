import type { Nodes } from 'hast';
import { describe, expect, it } from 'vitest';
import { markdownTree } from './markdownTree';

const nodes = (root: Nodes): Nodes[] => [
  root,
  ...('children' in root ? root.children.flatMap((child) => nodes(child)) : []),
];
const tags = (text: string) =>
  nodes(markdownTree(text)).flatMap((node) => (node.type === 'element' ? [node.tagName] : []));

describe('markdownTree', () => {
  it('reads GitHub-flavoured Markdown: tables, strikethrough, autolinks, task lists', () => {
    expect(tags('| a |\n|---|\n| 1 |')).toEqual(
      expect.arrayContaining(['table', 'thead', 'tbody', 'th', 'td']),
    );
    expect(tags('~~gone~~ and https://example.test/x')).toEqual(['p', 'del', 'a']);
    expect(tags('- [x] done')).toEqual(expect.arrayContaining(['ul', 'li', 'input']));
  });

  it('drops raw HTML: no element and no raw node comes of it', () => {
    const tree = markdownTree(
      '<script>alert(1)</script>\n\n<img src=x onerror="alert(2)">\n\ntext <b onclick="x()">bold</b>',
    );
    const all = nodes(tree);
    expect(all.filter((node) => (node.type as string) === 'raw')).toEqual([]);
    expect(all.flatMap((node) => (node.type === 'element' ? [node.tagName] : []))).toEqual(['p']);
  });

  it('keeps no source positions, which nothing shown reads', () => {
    expect(nodes(markdownTree('# Title\n\n*text*')).some((node) => node.position)).toBe(false);
  });
});
