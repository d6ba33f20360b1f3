import { errorMessage } from '../errors';
// Capsule.toml of astrid-capsule 0.1.1 and its later `[[component]]` drift
// (shared/reference/skill-formats.md, section 3.1). Pure: text in, manifest and diagnostics out.
// The shape is checked against capsuleSchema.ts; this adds what JSON Schema cannot say, finds
// each finding's line and reads the manifest.
import { parse, TomlError } from 'smol-toml';
import { type CapsuleDoc, capsuleMessage, componentLabel, toolLabel } from './capsuleMessages';
import { CAPSULE_SCHEMA } from './capsuleSchema';
import { type Path, type SchemaNode, schemaChecker } from './schemaMessages';
import { findTomlLine } from './tomlLines';
import type { Diagnostic, Severity } from './types';
import * as validators from '../generated/validators';

export const CAPSULE_FILE = 'Capsule.toml';

export interface CapsuleComponent {
  id?: string;
  /** Path of the .wasm relative to the bundle root, `/`-separated, without a leading `./`. */
  file: string;
  hash?: string;
  type?: 'executable' | 'library';
}

export interface CapsuleTool {
  name: string;
  description: string;
  inputSchema: Record<string, unknown>;
}

export interface CapsuleEnv {
  key: string;
  type: 'secret' | 'string';
  request?: string;
  description?: string;
  default?: unknown;
}

export interface CapsuleManifest {
  name?: string;
  version?: string;
  description?: string;
  /** Both the 0.1.1 `[component] entrypoint` form and the later `[[component]] file` form. */
  components: CapsuleComponent[];
  tools: CapsuleTool[];
  env: CapsuleEnv[];
  capabilities: Record<string, string[]>;
}

const checkCapsule = schemaChecker(CAPSULE_SCHEMA, validators.capsule);

type Report = (severity: Severity, rule: string, message: string, path: Path) => void;

/**
 * Parses Capsule.toml and checks it against what astrid-capsule reads. `files` are the bundle's
 * paths, so a component pointing at a missing .wasm is caught before anything tries to load it.
 * The manifest is null only when the TOML itself does not parse. Findings are in line order.
 */
export function parseCapsuleManifest(
  text: string,
  files: ReadonlySet<string>,
  file = CAPSULE_FILE,
): { manifest: CapsuleManifest | null; diagnostics: Diagnostic[] } {
  let parsed: Record<string, unknown>;
  try {
    parsed = parse(text) as Record<string, unknown>;
  } catch (error) {
    const detail = firstLine(errorMessage(error));
    const diagnostic: Diagnostic = {
      file,
      line: error instanceof TomlError ? error.line : 1,
      column: error instanceof TomlError ? error.column : 1,
      rule: 'toml-syntax',
      severity: 'error',
      message: `${file} is not valid TOML: ${detail}.`,
    };
    return { manifest: null, diagnostics: [diagnostic] };
  }

  // TOML dates become ISO strings, so the schema and the manifest see plain JSON.
  const doc = toJson(parsed) as Record<string, unknown>;
  // A TOML key is a table or an array of tables, never both: 0.1.1 writes one [component] table,
  // later versions [[component]] entries. Both are checked and read as a list.
  const isSingleComponent = isTable(doc.component);
  if (isSingleComponent) doc.component = [doc.component];
  const capsule: CapsuleDoc = { doc, isSingleComponent };

  const diagnostics: Diagnostic[] = [];
  const report: Report = (severity, rule, message, path) =>
    diagnostics.push({ file, line: lineOf(text, doc, path), column: 1, rule, severity, message });

  const listed = new Set<SchemaNode>();
  for (const problem of checkCapsule(doc)) {
    const isUnknown = problem.kind === 'unknown';
    const rule = (isUnknown ? problem.node.unknownRule : problem.rule) ?? 'capsule-manifest';
    const message = capsuleMessage(problem, capsule, listed);
    report(isUnknown ? 'warning' : 'error', rule, message, problem.path);
  }

  const manifest: CapsuleManifest = {
    ...packageOf(doc.package, report),
    components: componentsOf(doc.component, isSingleComponent, files, report),
    tools: toolsOf(doc, report),
    env: envOf(doc.env),
    capabilities: capabilitiesOf(doc.capabilities),
  };
  // Stable, so findings on one line keep the order they were found in.
  diagnostics.sort((a, b) => a.line! - b.line!);
  return { manifest, diagnostics };
}

function packageOf(
  value: unknown,
  report: Report,
): Pick<CapsuleManifest, 'name' | 'version' | 'description'> {
  const out: Pick<CapsuleManifest, 'name' | 'version' | 'description'> = {};
  if (!isTable(value)) return out;
  for (const field of ['name', 'version'] as const) {
    const text = value[field];
    if (typeof text !== 'string') continue;
    // A blank string passes the schema's type check; astrid needs a real name and version.
    if (text.trim() === '')
      report('error', `capsule-package-${field}`, `package.${field} must not be empty.`, [
        'package',
        field,
      ]);
    else out[field] = text;
  }
  if (typeof value.description === 'string') out.description = value.description;
  return out;
}

function componentsOf(
  value: unknown,
  isSingle: boolean,
  files: ReadonlySet<string>,
  report: Report,
): CapsuleComponent[] {
  const components: CapsuleComponent[] = [];
  if (!Array.isArray(value)) return components;
  value.forEach((entry: unknown, index) => {
    if (!isTable(entry)) return;
    const label = componentLabel(index, isSingle);
    const error = (message: string, key: string) =>
      report('error', 'capsule-component-file', message, ['component', index, key]);
    // `file` and `entrypoint` are one key under two names (a serde alias). JSON Schema could
    // demand exactly one only through oneOf, whose errors tell a person nothing.
    const hasFile = entry.file !== undefined;
    const key = hasFile ? 'file' : 'entrypoint';
    const path = entry[key];
    if (hasFile && entry.entrypoint !== undefined)
      error(
        `${label} sets both file and entrypoint; keep only one (file is the current name).`,
        'entrypoint',
      );
    if (path === undefined) {
      error(`${label} needs ${isSingle ? 'entrypoint' : 'file'} = "<path to the .wasm>".`, key);
      return;
    }
    if (typeof path !== 'string') return;
    if (path.trim() === '') {
      error(`${label} ${key} must not be empty: it is the path to the .wasm.`, key);
      return;
    }
    const component: CapsuleComponent = { file: normalizePath(path) };
    if (typeof entry.id === 'string') component.id = entry.id;
    if (typeof entry.hash === 'string') component.hash = entry.hash;
    if (entry.type === 'executable' || entry.type === 'library') component.type = entry.type;
    // Only the bundle knows which files exist.
    if (!files.has(component.file))
      report(
        'error',
        'capsule-component-missing',
        `${label} points at "${path}", which is not in the bundle; fix the path or add the file.`,
        ['component', index, key],
      );
    if (!component.file.toLowerCase().endsWith('.wasm'))
      report(
        'warning',
        'capsule-component-not-wasm',
        `${label} points at "${path}"; astrid loads components as WebAssembly (.wasm) files.`,
        ['component', index, key],
      );
    components.push(component);
  });
  return components;
}

function toolsOf(doc: Record<string, unknown>, report: Report): CapsuleTool[] {
  const tools: CapsuleTool[] = [];
  if (!Array.isArray(doc.tool)) return tools;
  const seen = new Set<string>();
  doc.tool.forEach((entry: unknown, index) => {
    if (!isTable(entry) || typeof entry.name !== 'string') return;
    const { name } = entry;
    const label = toolLabel(doc, index);
    const at = ['tool', index, 'name'];
    // A blank name passes the schema's type check, but a model cannot call it.
    if (name.trim() === '') {
      report('error', 'capsule-tool-name', `${label} needs a non-empty name = "...".`, at);
      return;
    }
    // Names are unique across entries, which JSON Schema cannot say of a list of tables.
    if (seen.has(name)) {
      const message = `${label} is declared twice; tool names must be unique, so rename or remove one.`;
      report('error', 'capsule-tool-duplicate', message, at);
      return;
    }
    seen.add(name);
    const schema = entry.input_schema;
    tools.push({
      name,
      description: typeof entry.description === 'string' ? entry.description : '',
      // No schema (or one the schema check refused) means the tool takes no arguments.
      inputSchema:
        isTable(schema) && schema.type === 'object' ? schema : { type: 'object', properties: {} },
    });
  });
  return tools;
}

function envOf(value: unknown): CapsuleEnv[] {
  if (!isTable(value)) return [];
  const env: CapsuleEnv[] = [];
  for (const [key, entry] of Object.entries(value)) {
    if (!isTable(entry) || (entry.type !== 'secret' && entry.type !== 'string')) continue;
    const out: CapsuleEnv = { key, type: entry.type };
    if (typeof entry.request === 'string') out.request = entry.request;
    if (typeof entry.description === 'string') out.description = entry.description;
    if (entry.default !== undefined) out.default = entry.default;
    env.push(out);
  }
  return env;
}

function capabilitiesOf(value: unknown): Record<string, string[]> {
  if (!isTable(value)) return {};
  return Object.fromEntries(
    Object.entries(value).filter(([, list]) => isStringArray(list)),
  ) as Record<string, string[]>;
}

/**
 * The line a finding belongs on. Entries of an array of tables have headers of their own; in an
 * inline array, the line of its key is as close as the text gets.
 */
function lineOf(text: string, doc: Record<string, unknown>, path: Path): number {
  const table: string[] = [];
  let value: unknown = doc;
  for (const [i, segment] of path.entries()) {
    if (typeof segment === 'number') {
      if (!Array.isArray(value) || !value.every(isTable)) break;
      const key = path[i + 1];
      const options = { index: segment, key: typeof key === 'string' ? key : undefined };
      return findTomlLine(text, table, options) ?? 1;
    }
    table.push(segment);
    value = isTable(value) ? value[segment] : undefined;
  }
  return findTomlLine(text, table) ?? 1;
}

// --- Small helpers -----------------------------------------------------------------------------

function isTable(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const isStringArray = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string');

/** Bundle paths are relative and `/`-separated; manifests often write `./bin/x.wasm`. */
function normalizePath(path: string): string {
  return path.trim().replace(/^(?:\.\/)+/, '');
}

function toJson(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(toJson);
  if (typeof value === 'object' && value !== null)
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toJson(v)]));
  return value;
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/^Invalid TOML document:\s*/, '');
}
