// Capsule.toml of astrid-capsule 0.1.1 and its later `[[component]]` drift
// (shared/reference/skill-formats.md, section 3.1). Pure: text in, manifest and diagnostics out.
import { parse, TomlError } from 'smol-toml';
import { findTomlLine } from './tomlLines';
import type { Diagnostic, Severity } from './types';

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

/** Top-level keys astrid's manifest struct knows; anything else is probably a typo. */
const KNOWN_KEYS = new Set([
  'package',
  'component',
  'dependencies',
  'capabilities',
  'env',
  'context_file',
  'command',
  'mcp_server',
  'skill',
  'uplink',
  'llm_provider',
  'interceptor',
  'cron',
  'tool',
  'publish',
  'subscribe',
]);

const KNOWN_CAPABILITIES = new Set(['net', 'kv', 'fs_read', 'fs_write', 'host_process']);

/** Where in the file a finding belongs: a table path, which entry of an array, and a key. */
interface Place {
  table: readonly string[];
  index?: number;
  key?: string;
}

/**
 * Parses Capsule.toml and checks it against what astrid-capsule reads. `files` are the bundle's
 * paths, so a component pointing at a missing .wasm is caught before anything tries to load it.
 * The manifest is null only when the TOML itself does not parse.
 */
export function parseCapsuleManifest(
  text: string,
  files: ReadonlySet<string>,
  file = CAPSULE_FILE,
): { manifest: CapsuleManifest | null; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  let doc: Record<string, unknown>;
  try {
    doc = parse(text) as Record<string, unknown>;
  } catch (error) {
    const detail = error instanceof Error ? firstLine(error.message) : String(error);
    diagnostics.push({
      file,
      line: error instanceof TomlError ? error.line : 1,
      column: error instanceof TomlError ? error.column : 1,
      rule: 'toml-syntax',
      severity: 'error',
      message: `${file} is not valid TOML: ${detail}.`,
    });
    return { manifest: null, diagnostics };
  }

  const report = (severity: Severity, rule: string, message: string, place: Place) =>
    diagnostics.push({
      file,
      line: findTomlLine(text, place.table, place) ?? 1,
      column: 1,
      rule,
      severity,
      message,
    });
  const error = (rule: string, message: string, place: Place) =>
    report('error', rule, message, place);

  const manifest: CapsuleManifest = {
    components: [],
    tools: [],
    env: [],
    capabilities: {},
  };

  // [package]: astrid refuses a manifest without a name and version.
  const pkg = doc.package;
  if (!isTable(pkg)) {
    error(
      'capsule-package-missing',
      'Capsule.toml needs a [package] table with name and version.',
      { table: ['package'] },
    );
  } else {
    for (const field of ['name', 'version'] as const) {
      const value = pkg[field];
      if (typeof value === 'string' && value.trim() !== '') manifest[field] = value;
      else {
        error(
          `capsule-package-${field}`,
          value === undefined
            ? `[package] needs a ${field}, e.g. ${field} = "${field === 'name' ? 'my-capsule' : '0.1.0'}".`
            : `package.${field} must be a non-empty string, not ${describe(value)}.`,
          { table: ['package'], key: field },
        );
      }
    }
    if (typeof pkg.description === 'string') manifest.description = pkg.description;
  }

  checkComponents(doc.component, files, manifest, error, report);
  checkCapabilities(doc.capabilities, manifest, error, report);
  checkEnv(doc.env, manifest, error);
  checkTools(doc.tool, manifest, error);
  for (const key of Object.keys(doc)) {
    if (!KNOWN_KEYS.has(key)) {
      report(
        'warning',
        'capsule-key-unknown',
        `"${key}" is not a Capsule.toml section astrid knows; check the spelling or remove it.`,
        { table: [key] },
      );
    }
  }
  return { manifest, diagnostics };
}

type ErrorFn = (rule: string, message: string, place: Place) => void;
type ReportFn = (severity: Severity, rule: string, message: string, place: Place) => void;

function checkComponents(
  value: unknown,
  files: ReadonlySet<string>,
  manifest: CapsuleManifest,
  error: ErrorFn,
  report: ReportFn,
) {
  if (value === undefined) return;
  // A TOML key is either a table or an array of tables, so the two forms never mix.
  const entries = Array.isArray(value) ? value : [value];
  const single = !Array.isArray(value);
  entries.forEach((entry, index) => {
    const place = { table: ['component'], index };
    const label = single ? '[component]' : `[[component]] #${index + 1}`;
    if (!isTable(entry)) {
      error(
        'capsule-component-shape',
        'component must be a [component] table or a list of [[component]] tables.',
        place,
      );
      return;
    }
    // The 0.1.1 table names the path `entrypoint`; the later array names it `file` and keeps
    // `entrypoint` as a serde alias, so both spellings are read in both forms.
    const hasFile = entry.file !== undefined;
    const hasEntrypoint = entry.entrypoint !== undefined;
    const key = hasFile ? 'file' : 'entrypoint';
    const path = hasFile ? entry.file : entry.entrypoint;
    if (hasFile && hasEntrypoint) {
      error(
        'capsule-component-file',
        `${label} sets both file and entrypoint; keep only one (file is the current name).`,
        { ...place, key: 'entrypoint' },
      );
    }
    if (typeof path !== 'string' || path.trim() === '') {
      error(
        'capsule-component-file',
        path === undefined
          ? `${label} needs ${single ? 'entrypoint' : 'file'} = "<path to the .wasm>".`
          : `${label} ${key} must be a path string, not ${describe(path)}.`,
        { ...place, key },
      );
      return;
    }
    const component: CapsuleComponent = { file: normalizePath(path) };
    if (entry.id !== undefined) {
      if (typeof entry.id === 'string') component.id = entry.id;
      else
        error('capsule-component-field', `${label} id must be a string.`, { ...place, key: 'id' });
    }
    if (entry.hash !== undefined) {
      if (typeof entry.hash === 'string') component.hash = entry.hash;
      else
        error('capsule-component-field', `${label} hash must be a string.`, {
          ...place,
          key: 'hash',
        });
    }
    if (entry.type !== undefined) {
      if (entry.type === 'executable' || entry.type === 'library') component.type = entry.type;
      else
        error(
          'capsule-component-type',
          `${label} type must be "executable" or "library", not ${describe(entry.type)}.`,
          { ...place, key: 'type' },
        );
    }
    if (entry.link !== undefined && !isStringArray(entry.link)) {
      error('capsule-component-field', `${label} link must be a list of component ids.`, {
        ...place,
        key: 'link',
      });
    }
    if (!files.has(component.file)) {
      error(
        'capsule-component-missing',
        `${label} points at "${path}", which is not in the bundle; fix the path or add the file.`,
        { ...place, key },
      );
    }
    if (!component.file.toLowerCase().endsWith('.wasm')) {
      report(
        'warning',
        'capsule-component-not-wasm',
        `${label} points at "${path}"; astrid loads components as WebAssembly (.wasm) files.`,
        { ...place, key },
      );
    }
    manifest.components.push(component);
  });
}

function checkCapabilities(
  value: unknown,
  manifest: CapsuleManifest,
  error: ErrorFn,
  report: ReportFn,
) {
  if (value === undefined) return;
  if (!isTable(value)) {
    error('capsule-capabilities', '[capabilities] must be a table of lists of strings.', {
      table: ['capabilities'],
    });
    return;
  }
  for (const [key, list] of Object.entries(value)) {
    const place = { table: ['capabilities'], key };
    if (!KNOWN_CAPABILITIES.has(key)) {
      report(
        'warning',
        'capsule-capability-unknown',
        `capabilities.${key} is not a capability astrid 0.1.1 grants (net, kv, fs_read, fs_write, host_process).`,
        place,
      );
    }
    if (isStringArray(list)) manifest.capabilities[key] = list;
    else
      error(
        'capsule-capabilities',
        `capabilities.${key} must be a list of strings, e.g. ${key} = ["example.com"].`,
        place,
      );
  }
}

function checkEnv(value: unknown, manifest: CapsuleManifest, error: ErrorFn) {
  if (value === undefined) return;
  if (!isTable(value)) {
    error('capsule-env-type', '[env] must be a table of [env.<KEY>] entries.', { table: ['env'] });
    return;
  }
  for (const [key, entry] of Object.entries(value)) {
    const place = { table: ['env', key] };
    if (!isTable(entry)) {
      error(
        'capsule-env-type',
        `env.${key} must be a table such as { type = "secret", request = "..." }.`,
        place,
      );
      continue;
    }
    if (entry.type !== 'secret' && entry.type !== 'string') {
      error(
        'capsule-env-type',
        entry.type === undefined
          ? `env.${key} needs type = "secret" or type = "string".`
          : `env.${key} type must be "secret" or "string", not ${describe(entry.type)}.`,
        { ...place, key: 'type' },
      );
      continue;
    }
    const env: CapsuleEnv = { key, type: entry.type };
    for (const field of ['request', 'description'] as const) {
      const text = entry[field];
      if (text === undefined) continue;
      if (typeof text === 'string') env[field] = text;
      else
        error('capsule-env-field', `env.${key} ${field} must be a string.`, {
          ...place,
          key: field,
        });
    }
    if (entry.default !== undefined) env.default = toJson(entry.default);
    manifest.env.push(env);
  }
}

function checkTools(value: unknown, manifest: CapsuleManifest, error: ErrorFn) {
  if (value === undefined) return;
  if (!Array.isArray(value)) {
    error('capsule-tool-shape', 'Tools must be written as [[tool]] entries (double brackets).', {
      table: ['tool'],
    });
    return;
  }
  const seen = new Set<string>();
  value.forEach((entry, index) => {
    const place = { table: ['tool'], index };
    if (!isTable(entry)) {
      error('capsule-tool-shape', `[[tool]] #${index + 1} must be a table.`, place);
      return;
    }
    const name = entry.name;
    const label =
      typeof name === 'string' && name !== '' ? `Tool "${name}"` : `[[tool]] #${index + 1}`;
    if (typeof name !== 'string' || name.trim() === '') {
      error('capsule-tool-name', `${label} needs a non-empty name = "...".`, {
        ...place,
        key: 'name',
      });
    }
    if (typeof entry.description !== 'string') {
      error(
        'capsule-tool-description',
        entry.description === undefined
          ? `${label} needs a description = "..." telling the model what it does.`
          : `${label} description must be a string.`,
        { ...place, key: 'description' },
      );
    }
    // No schema means the tool takes no arguments.
    let inputSchema: Record<string, unknown> = { type: 'object', properties: {} };
    const schema = entry.input_schema;
    if (schema !== undefined) {
      if (isTable(schema) && schema.type === 'object') {
        inputSchema = toJson(schema) as Record<string, unknown>;
      } else {
        error(
          'capsule-tool-schema',
          `${label} input_schema must be a JSON Schema table with type = "object".`,
          { ...place, key: 'input_schema' },
        );
      }
    }
    if (typeof name !== 'string' || name.trim() === '') return;
    if (seen.has(name)) {
      error(
        'capsule-tool-duplicate',
        `${label} is declared twice; tool names must be unique, so rename or remove one.`,
        { ...place, key: 'name' },
      );
      return;
    }
    seen.add(name);
    manifest.tools.push({
      name,
      description: typeof entry.description === 'string' ? entry.description : '',
      inputSchema,
    });
  });
}

// --- Small helpers -----------------------------------------------------------------------------

function isTable(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date)
  );
}

const isStringArray = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string');

/** Bundle paths are relative and `/`-separated; manifests often write `./bin/x.wasm`. */
function normalizePath(path: string): string {
  return path.trim().replace(/^(?:\.\/)+/, '');
}

/** TOML dates become ISO strings so schemas and defaults stay plain JSON. */
function toJson(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(toJson);
  if (isTable(value))
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toJson(v)]));
  return value;
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Date) return 'a date';
  if (isTable(value)) return 'a table';
  return `a ${typeof value} (${JSON.stringify(value)})`;
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/^Invalid TOML document:\s*/, '');
}
