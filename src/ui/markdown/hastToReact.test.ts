import type { Root } from 'hast';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import Markdown from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { describe, expect, it } from 'vitest';
import { hastToReact } from './hastToReact';
import { markdownTree } from './markdownTree';

const html = (tree: Root, components = {}) => renderToStaticMarkup(hastToReact(tree, components));

describe('hastToReact', () => {
  it('draws a parsed piece as the elements react-markdown would', () => {
    expect(html(markdownTree('# Title\n\nSome *text* and [a link](https://example.test/).'))).toBe(
      '<h1>Title</h1>\n<p>Some <em>text</em> and <a href="https://example.test/">a link</a>.</p>',
    );
  });

  it('empties unsafe addresses, whatever the tree it is given says', () => {
    const tree = markdownTree('[x](javascript:alert(1)) ![y](data:text/html,hi)');
    expect(html(tree)).toBe('<p><a href="">x</a> <img alt="y"/></p>');
    const forged: Root = {
      type: 'root',
      children: [
        {
          type: 'element',
          tagName: 'a',
          properties: { href: 'vbscript:msgbox(1)' },
          children: [{ type: 'text', value: 'z' }],
        },
      ],
    };
    expect(html(forged)).toBe('<a href="">z</a>');
  });

  it('drops raw HTML a tree may carry', () => {
    const forged = {
      type: 'root',
      children: [
        { type: 'raw', value: '<img src=x onerror=alert(1)>' },
        { type: 'text', value: 'kept' },
      ],
    } as Root;
    expect(html(forged)).toBe('kept');
  });

  it('gives what react-markdown with skipHtml gave, unsafe and raw parts included', () => {
    const samples = [
      '# Title\n\n| a | b |\n|---|---|\n| 1 | ~~2~~ |\n\n- [ ] task\n\nhttps://example.test/auto',
      '<script>alert(1)</script>\n\n<div onclick="x()">inside *html*</div>\n\ntext <b>bold</b>',
      '[a](javascript:alert(1)) [b](JaVaScRiPt:x) ![c](data:image/svg+xml,<svg/>) [d](#top)',
      '```js\nconst x = "<img src=x onerror=alert(1)>";\n```\n\n> quote[^1]\n\n[^1]: note',
    ];
    for (const text of samples) {
      const before = renderToStaticMarkup(
        createElement(Markdown, { skipHtml: true, remarkPlugins: [remarkGfm] }, text),
      );
      expect(html(markdownTree(text))).toBe(before);
    }
  });

  it('draws elements through the components given', () => {
    const tree = markdownTree('[docs](docs.md)');
    expect(html(tree, { a: ({ href }: { href?: string }) => `link to ${href}` })).toBe(
      '<p>link to docs.md</p>',
    );
  });
});
