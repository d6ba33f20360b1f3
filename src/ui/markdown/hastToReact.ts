import type { Parents, Root } from 'hast';
import { toJsxRuntime, type Components } from 'hast-util-to-jsx-runtime';
import { urlAttributes } from 'html-url-attributes';
import type { ReactNode } from 'react';
import { Fragment, jsx, jsxs } from 'react/jsx-runtime';
import { defaultUrlTransform } from 'react-markdown';

// A parsed piece of Markdown as React elements, made the way react-markdown makes them (its
// `post` step) with `skipHtml`: raw HTML is dropped and every address goes through its
// defaultUrlTransform (javascript:, vbscript:, data: and other unsafe schemes become empty), here
// on the main thread, whatever the worker sent.

export function hastToReact(tree: Root, components: Partial<Components>): ReactNode {
  sanitize(tree);
  return toJsxRuntime(tree, {
    Fragment,
    components,
    ignoreInvalidStyle: true,
    jsx,
    jsxs,
    passKeys: true,
    passNode: true,
  });
}

/** Drops raw HTML and makes every URL attribute safe, in place (doing it twice changes nothing). */
function sanitize(root: Root): void {
  const stack: Parents[] = [root];
  for (let parent = stack.pop(); parent; parent = stack.pop()) {
    parent.children = parent.children.filter(
      (child) => child.type !== 'raw',
    ) as typeof parent.children;
    for (const child of parent.children) {
      if (child.type !== 'element') continue;
      for (const [key, tags] of Object.entries(urlAttributes)) {
        if (!Object.hasOwn(child.properties, key)) continue;
        if (tags === null || tags.includes(child.tagName)) {
          child.properties[key] = defaultUrlTransform(String(child.properties[key] || ''));
        }
      }
      stack.push(child);
    }
  }
}
