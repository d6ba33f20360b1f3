// An astrid capsule's tools, configuration and call convention (skill-formats.md, section 3).
// Its tools are the [[tool]] tables of Capsule.toml, each with a form from its input_schema;
// a call goes to the plugin's `astrid_tool_call` as {"name", "arguments": [bytes of the JSON
// arguments]}, and what comes back is the JSON of the tool's value (a string arrives quoted).
import type { CapsuleComponent, CapsuleEnv, CapsuleManifest, CapsuleTool } from '../bundle';
import type { JsonSchema, ToolInputSchema } from '../forms';
import type { Tool } from './tool';

/** astrid 0.1.1's Extism manifest: a 10 s timeout and 1024 pages (64 MiB) of memory. */
export const CAPSULE_LIMITS = { timeoutMs: 10_000, maxMemoryBytes: 1024 * 64 * 1024 } as const;

/** The export astrid calls for a tool. */
export const TOOL_CALL_EXPORT = 'astrid_tool_call';

/** One of the capsule's plugins: a component it declares, with the bytes of its .wasm. */
export interface CapsulePlugin {
  component: CapsuleComponent;
  bytes: Uint8Array;
}

/** The components astrid runs as plugins: not libraries, each file once. */
export function capsulePluginComponents(manifest: CapsuleManifest): CapsuleComponent[] {
  const seen = new Set<string>();
  return manifest.components.filter((c) => {
    if (c.type === 'library' || seen.has(c.file)) return false;
    seen.add(c.file);
    return true;
  });
}

/**
 * The capsule's tools. With one plugin, every [[tool]] is its. Capsule.toml does not say which
 * of several plugins serves a tool, so a tool is listed under each plugin whose code holds its
 * name (a plugin dispatching on the name has it as a string), and one no plugin names under
 * every plugin; each such tool is named `<component>/<tool>` and grouped by its component.
 */
export function capsuleTools(manifest: CapsuleManifest, plugins: CapsulePlugin[]): Tool[] {
  if (plugins.length === 1) return manifest.tools.map((t) => capsuleTool(t, plugins[0]!));
  const claims = new Map(
    manifest.tools.map((t) => [t.name, plugins.filter((p) => containsText(p.bytes, t.name))]),
  );
  return plugins.flatMap((plugin) =>
    manifest.tools
      .filter((t) => {
        const claimed = claims.get(t.name)!;
        return claimed.length === 0 || claimed.includes(plugin);
      })
      .map((t) => capsuleTool(t, plugin, componentLabel(plugin.component))),
  );
}

export function componentLabel(component: CapsuleComponent): string {
  return component.id ?? component.file;
}

function capsuleTool(tool: CapsuleTool, plugin: CapsulePlugin, group?: string): Tool {
  return {
    name: group ? `${group}/${tool.name}` : tool.name,
    ...(group ? { group, label: tool.name } : {}),
    description: tool.description,
    schema: inputSchemaOf(tool.inputSchema),
    call: { kind: 'capsule', entry: plugin.component.file, toolName: tool.name },
    limits: { ...CAPSULE_LIMITS },
    origin: 'capsule',
  };
}

/** input_schema as the form model takes it: an object schema with properties and required. */
function inputSchemaOf(schema: Record<string, unknown>): ToolInputSchema {
  const properties = isRecord(schema.properties)
    ? (schema.properties as Record<string, JsonSchema>)
    : {};
  const required = Array.isArray(schema.required)
    ? schema.required.filter((name): name is string => typeof name === 'string')
    : [];
  return { ...(schema as JsonSchema), type: 'object', properties, required };
}

/** The bytes of `text` in UTF-8, anywhere in `bytes`. */
function containsText(bytes: Uint8Array, text: string): boolean {
  const needle = new TextEncoder().encode(text);
  if (needle.length === 0) return false;
  const first = needle[0]!;
  for (let i = bytes.indexOf(first); i >= 0 && i + needle.length <= bytes.length;) {
    let j = 1;
    while (j < needle.length && bytes[i + j] === needle[j]) j++;
    if (j === needle.length) return true;
    i = bytes.indexOf(first, i + 1);
  }
  return false;
}

/**
 * What astrid_get_config answers (astrid-capsule 0.1.1 engine/wasm): for each [env] key, the
 * value the person gave, else its `default`, as JSON text (serde_json::to_string, so a string
 * comes quoted); a key with neither is absent, and the host answers "" for it. An empty value
 * counts as not given. Keys the capsule does not declare are not its configuration.
 */
export function capsuleConfig(
  env: readonly CapsuleEnv[],
  config: ReadonlyArray<readonly [string, string]>,
): Array<[string, string]> {
  const given = new Map(config.filter(([, value]) => value !== ''));
  const out: Array<[string, string]> = [];
  for (const { key, default: fallback } of env) {
    if (given.has(key)) out.push([key, JSON.stringify(given.get(key))]);
    else if (fallback !== undefined) out.push([key, JSON.stringify(fallback)]);
  }
  return out;
}

/** The input of `astrid_tool_call`: serde's Vec<u8> is a JSON array of byte numbers. */
export function toolCallInput(name: string, args: unknown): string {
  const bytes = new TextEncoder().encode(JSON.stringify(args));
  return JSON.stringify({ name, arguments: Array.from(bytes) });
}

/**
 * A tool's output as the result shows it: a JSON string decoded, other JSON as it came, and text
 * that is not JSON as text. `raw` is the output as the plugin set it.
 */
/** Bytes as hex, 16 to a line, each line led by its offset. */
function hexLines(bytes: Uint8Array): string {
  const lines: string[] = [];
  for (let at = 0; at < bytes.length; at += 16) {
    const row = Array.from(bytes.subarray(at, at + 16), (b) => b.toString(16).padStart(2, '0'));
    lines.push(`${at.toString(16).padStart(8, '0')}  ${row.join(' ')}`);
  }
  return lines.join('\n');
}

export function readCapsuleOutput(bytes: Uint8Array | null): {
  output: string;
  raw?: string;
  formatNote: string;
} {
  if (!bytes) return { output: '', formatNote: 'The plugin set no output.' };
  let raw: string;
  try {
    raw = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Decoding would put U+FFFD where bytes were: the bytes themselves are what there is to see.
    return {
      output: hexLines(bytes),
      formatNote: `The output is ${bytes.length} bytes that are not UTF-8 text: shown in hex.`,
    };
  }
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return {
      output: raw,
      raw,
      formatNote:
        'The output is not JSON (astrid-sdk sends the JSON of the value), so it is shown as text.',
    };
  }
  if (typeof value === 'string') {
    return {
      output: value,
      raw,
      formatNote: 'The tool returned a string, sent as JSON: shown decoded.',
    };
  }
  return { output: raw, raw, formatNote: 'The tool returned JSON.' };
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
