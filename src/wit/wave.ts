import { lowerCamel } from './jsNames';
import type { WitType } from './types';

// Values are shown in WAVE, the WebAssembly Value Encoding wasm-tools and wasmtime print:
// records `{x: 1.5, y: 2}`, variants `circle(2)`, `some(..)`/`none`, `ok(..)`/`err(..)`, flags
// `{bold, italic}`, chars `'x'`, strings `"x"`. It reads the value as jco gives it (camelCase
// record keys, `{tag, val}` variants, `undefined` for none, typed arrays for numeric lists).

const WIDTH = 72;

/** The value in WAVE, on one line when it fits, else indented. */
export function formatWave(type: WitType, value: unknown): string {
  return render(toNode(type, value), '');
}

type Node = string | { open: string; close: string; items: Node[] };

function toNode(type: WitType, value: unknown): Node {
  switch (type.kind) {
    case 'bool':
      return value ? 'true' : 'false';
    case 'f32':
    case 'f64':
      return formatFloat(Number(value));
    case 'char':
      return `'${escape(String(value), "'")}'`;
    case 'string':
      return `"${escape(String(value), '"')}"`;
    case 'enum':
      return String(value);
    case 'flags': {
      const set = type.names.filter(
        (name) => (value as Record<string, unknown>)?.[lowerCamel(name)],
      );
      return { open: '{', close: '}', items: set };
    }
    case 'record':
      return {
        open: '{',
        close: '}',
        items: type.fields.map((field) =>
          prefix(
            `${field.name}: `,
            toNode(field.type, (value as Record<string, unknown>)[lowerCamel(field.name)]),
          ),
        ),
      };
    case 'tuple':
      return {
        open: '(',
        close: ')',
        items: type.items.map((item, i) => toNode(item, (value as unknown[])[i])),
      };
    case 'list':
      return {
        open: '[',
        close: ']',
        items: Array.from(value as ArrayLike<unknown>, (item) => toNode(type.element, item)),
      };
    case 'option': {
      const nested = type.inner.kind === 'option';
      if (nested) {
        const tagged = value as { tag: string; val?: unknown };
        return tagged.tag === 'some' ? caseNode('some', toNode(type.inner, tagged.val)) : 'none';
      }
      return value === undefined || value === null
        ? 'none'
        : caseNode('some', toNode(type.inner, value));
    }
    case 'result': {
      const tagged = value as { tag: 'ok' | 'err'; val?: unknown };
      const payload = tagged.tag === 'ok' ? type.ok : type.err;
      return payload ? caseNode(tagged.tag, toNode(payload, tagged.val)) : tagged.tag;
    }
    case 'variant': {
      const tagged = value as { tag: string; val?: unknown };
      const found = type.cases.find((c) => c.name === tagged.tag);
      return found?.type
        ? caseNode(found.name, toNode(found.type, tagged.val))
        : String(tagged.tag);
    }
    default:
      // integers (bigint for 64-bit) and anything the playground does not call
      return String(value);
  }
}

function caseNode(name: string, payload: Node): Node {
  return { open: `${name}(`, close: ')', items: [payload] };
}

function prefix(text: string, node: Node): Node {
  return typeof node === 'string' ? text + node : { ...node, open: text + node.open };
}

function render(node: Node, indent: string): string {
  if (typeof node === 'string') return node;
  const flat = flatText(node);
  if (flat.length + indent.length <= WIDTH || node.items.length === 0) return flat;
  const inner = indent + '  ';
  return `${node.open}\n${node.items.map((item) => inner + render(item, inner)).join(',\n')},\n${indent}${node.close}`;
}

function flatText(node: Node): string {
  if (typeof node === 'string') return node;
  return `${node.open}${node.items.map(flatText).join(', ')}${node.close}`;
}

function formatFloat(n: number): string {
  if (Number.isNaN(n)) return 'nan';
  if (n === Infinity) return 'inf';
  if (n === -Infinity) return '-inf';
  return Object.is(n, -0) ? '-0' : String(n);
}

function escape(text: string, quote: string): string {
  let out = '';
  for (const ch of text) {
    if (ch === quote || ch === '\\') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (ch.codePointAt(0)! < 0x20 || ch.codePointAt(0) === 0x7f)
      out += `\\u{${ch.codePointAt(0)!.toString(16)}}`;
    else out += ch;
  }
  return out;
}
