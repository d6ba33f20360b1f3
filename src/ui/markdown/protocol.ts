import type { Root } from 'hast';

// The only types the Markdown worker and the page share.

/** Parse one piece of Markdown. */
export interface ParseRequest {
  kind: 'parse';
  id: number;
  text: string;
}

/** The piece's tree, or why there is none. */
export type ParseAnswer =
  { kind: 'parsed'; id: number; tree: Root } | { kind: 'failed'; id: number; message: string };
