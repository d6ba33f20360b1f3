import type { Root } from 'hast';
import type { ParseAnswer, ParseRequest } from './protocol';

// The page's side of the Markdown worker: one worker for the page, started the first time
// Markdown is about to be shown (or asked for), kept for the next. Should it fail to start or
// die, Markdown is parsed in the page instead, as it was before the worker: slower, never lost.

interface Waiting {
  text: string;
  resolve: (tree: Root) => void;
  reject: (error: Error) => void;
}

let worker: Worker | null | undefined;
const waiting = new Map<number, Waiting>();
let nextId = 1;

/** Parses in the page: the parser loads as a chunk of its own, only if it is ever needed. */
async function parseInPage(text: string): Promise<Root> {
  const { markdownTree } = await import('./markdownTree');
  return markdownTree(text);
}

function giveUpOnWorker(): void {
  worker?.terminate();
  worker = null;
  const left = [...waiting.values()];
  waiting.clear();
  for (const { text, resolve, reject } of left) parseInPage(text).then(resolve, reject);
}

function markdownWorker(): Worker | null {
  if (worker !== undefined) return worker;
  try {
    worker = new Worker(new URL('./markdown.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    worker = null;
    return worker;
  }
  worker.onmessage = ({ data }: MessageEvent<ParseAnswer>) => {
    const request = waiting.get(data.id);
    if (!request) return;
    waiting.delete(data.id);
    if (data.kind === 'parsed') request.resolve(data.tree);
    else request.reject(new Error(data.message));
  };
  worker.onerror = giveUpOnWorker;
  return worker;
}

/** Starts the worker ahead of the first piece, so its start and warm-up are not waited for. */
export function startMarkdownWorker(): void {
  markdownWorker();
}

/** The tree of one piece of Markdown (see markdownTree.ts), parsed off the main thread. */
export function parseMarkdown(text: string): Promise<Root> {
  const target = markdownWorker();
  if (!target) return parseInPage(text);
  return new Promise((resolve, reject) => {
    const id = nextId++;
    waiting.set(id, { text, resolve, reject });
    target.postMessage({ kind: 'parse', id, text } satisfies ParseRequest);
  });
}
