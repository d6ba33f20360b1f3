import { markdownTree } from './markdownTree';
import type { ParseAnswer, ParseRequest } from './protocol';

// Parses Markdown off the page's main thread: react-markdown's parser took 100 to 600 ms of the
// main thread for each 8 K piece of a long SKILL.md on a busy machine; here the page only turns
// the finished tree into elements. One worker serves the whole page, a piece at a time.

/**
 * What SKILL.md bodies hold, in small samples. Parsing them first compiles the parser's code,
 * which the first piece would otherwise wait for.
 */
const WARM_UP_SAMPLES = [
  '# Title\n\nSome *text*, **bold** and `code`.\n\n- one\n- two\n\n1. first',
  '[a link](https://example.test/a), https://example.test/b and ![an image](x.png)',
  '| a | b |\n|---|---|\n| 1 | 2 |\n\n```js\nconst x = 1;\n```\n\n> quoted ~~struck~~ [^1]\n\n[^1]: note',
];

const answer = (message: ParseAnswer) => self.postMessage(message);

self.onmessage = (event: MessageEvent<ParseRequest>) => {
  const { id, text } = event.data;
  try {
    answer({ kind: 'parsed', id, tree: markdownTree(text) });
  } catch (error) {
    answer({ kind: 'failed', id, message: error instanceof Error ? error.message : String(error) });
  }
};

for (const sample of WARM_UP_SAMPLES) markdownTree(sample);
