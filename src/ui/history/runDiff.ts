// Two runs compared structurally: JSON by key (jsondiffpatch, its changes as JSON Patch paths),
// text by line (jsdiff's diffLines).

import { diffLines } from 'diff';
import { create } from 'jsondiffpatch';
import { format, type Op } from 'jsondiffpatch/formatters/jsonpatch';

/** One key that differs: a JSON Pointer (`/address/city`), with its value in each run. */
export interface KeyChange {
  path: string;
  kind: 'added' | 'removed' | 'changed';
  before?: unknown;
  after?: unknown;
}

/** One stretch of lines: in both runs, only the first, or only the second. */
export interface LineChange {
  kind: 'same' | 'removed' | 'added';
  text: string;
}

export type Comparison =
  { kind: 'json'; changes: KeyChange[] } | { kind: 'text'; lines: LineChange[]; changed: boolean };

// Arrays of objects are matched by an `id` or `name` when they have one, else by position.
const patcher = create({
  objectHash: (item: object, index?: number) => {
    const { id, name } = item as { id?: unknown; name?: unknown };
    return typeof id === 'string' || typeof id === 'number'
      ? `id:${id}`
      : typeof name === 'string'
        ? `name:${name}`
        : `#${index ?? 0}`;
  },
});

/** The keys that differ between two JSON values, in the order JSON Patch lists them. */
export function diffJson(before: unknown, after: unknown): KeyChange[] {
  const delta = patcher.diff(before, after);
  if (!delta) return [];
  return format(delta).map((op: Op): KeyChange => {
    switch (op.op) {
      case 'add':
        return { path: op.path, kind: 'added', after: op.value };
      case 'remove':
        return { path: op.path, kind: 'removed', before: valueAt(before, op.path) };
      case 'replace':
        return {
          path: op.path,
          kind: 'changed',
          before: valueAt(before, op.path),
          after: op.value,
        };
      case 'move':
        return {
          path: op.path,
          kind: 'changed',
          before: valueAt(before, op.from),
          after: valueAt(after, op.path),
        };
    }
  });
}

export function diffText(before: string, after: string): LineChange[] {
  return diffLines(before, after).map((part) => ({
    kind: part.added ? 'added' : part.removed ? 'removed' : 'same',
    text: part.value,
  }));
}

/** Compares two outputs: by key when both are JSON objects or arrays, else line by line. */
export function compareOutputs(before: string, after: string): Comparison {
  const a = parseStructured(before);
  const b = parseStructured(after);
  if (a !== undefined && b !== undefined) return { kind: 'json', changes: diffJson(a, b) };
  const lines = diffText(before, after);
  return { kind: 'text', lines, changed: lines.some((line) => line.kind !== 'same') };
}

function parseStructured(text: string): object | undefined {
  const trimmed = text.trim();
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return undefined;
  try {
    const value: unknown = JSON.parse(trimmed);
    return typeof value === 'object' && value !== null ? value : undefined;
  } catch {
    return undefined;
  }
}

/** The value a JSON Pointer names inside `root`, if it is there. */
function valueAt(root: unknown, pointer: string): unknown {
  let node = root;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}
