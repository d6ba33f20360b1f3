// Monaco, bundled from node_modules (no CDN): the editor core, the languages skills are written
// in, and its workers built by Vite. This module and everything it imports load only when a file
// is first opened, so the page's first paint never waits for it.
import * as monaco from 'monaco-editor/editor/editor.api.js';
import './contributions';
import 'monaco-editor/languages/definitions/markdown/register.js';
import 'monaco-editor/languages/definitions/yaml/register.js';
import 'monaco-editor/languages/definitions/javascript/register.js';
import 'monaco-editor/languages/definitions/typescript/register.js';
import 'monaco-editor/languages/definitions/python/register.js';
import 'monaco-editor/languages/definitions/shell/register.js';
import 'monaco-editor/languages/definitions/rust/register.js';
import 'monaco-editor/languages/definitions/cpp/register.js';
import 'monaco-editor/languages/definitions/html/register.js';
import { jsonDefaults } from 'monaco-editor/languages/features/json/register.js';
import EditorWorker from 'monaco-editor/editor/editor.worker.js?worker';
import JsonWorker from 'monaco-editor/languages/features/json/json.worker.js?worker';
import { tomlLanguage, witLanguage } from './languages';

self.MonacoEnvironment = {
  getWorker: (_id: string, label: string) =>
    label === 'json' ? new JsonWorker() : new EditorWorker(),
};

monaco.languages.register({ id: 'toml', extensions: ['.toml'], aliases: ['TOML'] });
monaco.languages.setMonarchTokensProvider('toml', tomlLanguage);
monaco.languages.register({ id: 'wit', extensions: ['.wit'], aliases: ['WIT'] });
monaco.languages.setMonarchTokensProvider('wit', witLanguage);

export { monaco };

// The JSON Schema each open JSON model is checked and completed against (a tool's input schema in
// its JSON view). Monaco keeps one list for all models, so the list is rebuilt on each change.
const modelSchemas = new Map<string, object>();

/** Checks (and completes) the JSON model at `modelUri` against `schema`; undefined stops it. */
export function setModelSchema(modelUri: string, schema: object | undefined): void {
  if (schema) modelSchemas.set(modelUri, schema);
  else modelSchemas.delete(modelUri);
  jsonDefaults.setDiagnosticsOptions({
    validate: true,
    // A schema's remote $refs are never fetched: the page reaches no network for this.
    enableSchemaRequest: false,
    // A value the schema refuses blocks Run, so it is marked as an error, not a warning.
    schemaValidation: 'error',
    // The language service matches `fileMatch` as a glob on the path's end: the model's file name.
    schemas: [...modelSchemas].map(([uri, schema]) => {
      const name = uri.split('/').pop() ?? uri;
      return { uri: `inmemory://schema/${name}`, fileMatch: [name], schema };
    }),
  });
}

const BY_EXTENSION: Record<string, string> = {
  md: 'markdown',
  markdown: 'markdown',
  yaml: 'yaml',
  yml: 'yaml',
  json: 'json',
  toml: 'toml',
  wit: 'wit',
  js: 'javascript',
  mjs: 'javascript',
  cjs: 'javascript',
  ts: 'typescript',
  py: 'python',
  sh: 'shell',
  bash: 'shell',
  rs: 'rust',
  c: 'cpp',
  h: 'cpp',
  cc: 'cpp',
  cpp: 'cpp',
  html: 'html',
};

/** Monaco's language for a file, by its extension; plain text when it has none we know. */
export function languageOf(path: string): string {
  const ext = path.split('.').pop()?.toLowerCase() ?? '';
  return BY_EXTENSION[ext] ?? 'plaintext';
}
