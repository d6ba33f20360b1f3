import type { Nodes, Root } from 'hast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';

// Markdown to an HTML syntax tree (hast), as react-markdown makes it: remark-parse with remark-gfm
// (tables, task lists, strikethrough, autolinks, footnotes), then remark-rehype with the options
// react-markdown gives it. Raw HTML is dropped here, as react-markdown's skipHtml drops it (and
// again where the tree is drawn, hastToReact.ts). Pure, with no React: it runs in the Markdown
// worker (markdown.worker.ts), and in the page only when no worker could start.

const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkRehype, { allowDangerousHtml: true });

/** The tree of one piece of Markdown, without raw HTML or source positions (nothing reads them). */
export function markdownTree(text: string): Root {
  const tree = processor.runSync(processor.parse(text));
  const stack: Nodes[] = [tree];
  for (let node = stack.pop(); node; node = stack.pop()) {
    delete node.position;
    if (!('children' in node)) continue;
    node.children = node.children.filter((child) => child.type !== 'raw') as typeof node.children;
    stack.push(...node.children);
  }
  return tree;
}
