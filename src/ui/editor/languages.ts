import type { languages } from 'monaco-editor/editor/editor.api.js';

// Monaco ships no TOML or WIT grammar; these Monarch tokenizers colour what a reader scans for:
// tables and keys, strings, numbers, comments, and WIT's keywords and types.

export const tomlLanguage: languages.IMonarchLanguage = {
  tokenizer: {
    root: [
      [/^\s*\[\[[^\]]*\]\]/, 'type'],
      [/^\s*\[[^\]]*\]/, 'type'],
      [/#.*$/, 'comment'],
      [/^\s*[A-Za-z0-9_.\-"']+(?=\s*=)/, 'key'],
      [/"""/, 'string', '@multiline'],
      [/"([^"\\]|\\.)*"/, 'string'],
      [/'[^']*'/, 'string'],
      [/\b(true|false)\b/, 'keyword'],
      [/\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:\d{2})?)?/, 'number'],
      [/[+-]?(0x[0-9a-fA-F_]+|\d[\d_]*(\.\d+)?([eE][+-]?\d+)?|inf|nan)/, 'number'],
    ],
    multiline: [
      [/"""/, 'string', '@pop'],
      [/./, 'string'],
    ],
  },
};

export const witLanguage: languages.IMonarchLanguage = {
  keywords: [
    'package',
    'world',
    'interface',
    'import',
    'export',
    'use',
    'include',
    'with',
    'as',
    'from',
    'func',
    'async',
    'static',
    'constructor',
    'resource',
    'record',
    'variant',
    'enum',
    'flags',
    'type',
  ],
  types: [
    'bool',
    's8',
    'u8',
    's16',
    'u16',
    's32',
    'u32',
    's64',
    'u64',
    'f32',
    'f64',
    'char',
    'string',
    'list',
    'option',
    'result',
    'tuple',
    'borrow',
    'own',
    'stream',
    'future',
    'error-context',
  ],
  tokenizer: {
    root: [
      [/\/\/.*$/, 'comment'],
      [/\/\*/, 'comment', '@comment'],
      [/@[a-z-]+/, 'annotation'],
      [
        /%?[a-z][a-z0-9-]*/,
        { cases: { '@keywords': 'keyword', '@types': 'type', '@default': 'identifier' } },
      ],
      [/\d+(\.\d+)*/, 'number'],
      [/[{}()<>,:;=*.\-/]/, 'delimiter'],
    ],
    comment: [
      [/\*\//, 'comment', '@pop'],
      [/./, 'comment'],
    ],
  },
};
