import type { Diagnostic } from '../bundle';
import type { JsonSchema, ToolInputSchema } from '../forms';
import {
  defaultRunTool,
  SIDECAR_FILE,
  textProperty,
  type CommandProtocol,
  type Tool,
  readToolLimits,
} from './tool';
import { errorMessage } from '../errors';
import type { FileMap } from '../vfs';

const PROTOCOLS: CommandProtocol[] = ['json-stdio', 'line-text'];
const decoder = new TextDecoder();

/**
 * The tools of a command skill, from the first source that declares any: the playground's
 * sidecar manifest (skill-tools.json), then OpenSkills `actions` in SKILL.md, else one `run`
 * tool that takes JSON. Problems in either manifest become diagnostics, never exceptions.
 */
export function commandTools(
  files: FileMap,
  frontmatter: Record<string, unknown> | null,
): { tools: Tool[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const sidecar = files.get(SIDECAR_FILE);
  if (sidecar) {
    const tools = sidecarTools(decoder.decode(sidecar), files, diagnostics);
    if (tools.length > 0) return { tools, diagnostics };
  }
  if (frontmatter && frontmatter.actions !== undefined) {
    const tools = openSkillsActions(frontmatter.actions, files, diagnostics);
    if (tools.length > 0) return { tools, diagnostics };
  }
  return { tools: [defaultRunTool()], diagnostics };
}

function sidecarTools(text: string, files: FileMap, out: Diagnostic[]): Tool[] {
  const problem = (message: string, rule = 'sidecar-invalid') =>
    out.push({ file: SIDECAR_FILE, rule, severity: 'error', message });
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    problem(`${SIDECAR_FILE} is not JSON: ${errorMessage(error)}`, 'sidecar-json');
    return [];
  }
  if (!isRecord(doc) || doc.version !== 1 || !Array.isArray(doc.tools)) {
    problem(`${SIDECAR_FILE} must be {"version": 1, "tools": [...]}.`);
    return [];
  }
  const tools: Tool[] = [];
  doc.tools.forEach((raw, index) => {
    const where = `tools[${index}]`;
    if (!isRecord(raw) || typeof raw.name !== 'string' || raw.name === '') {
      return problem(`${where} needs a name.`);
    }
    const protocol = (raw.protocol ?? 'json-stdio') as CommandProtocol;
    if (!PROTOCOLS.includes(protocol)) {
      return problem(
        `${where} ("${raw.name}"): protocol must be ${PROTOCOLS.join(' or ')}, not ${JSON.stringify(raw.protocol)}.`,
      );
    }
    if (raw.entry !== undefined && (typeof raw.entry !== 'string' || !files.has(raw.entry))) {
      return problem(
        `${where} ("${raw.name}"): entry ${JSON.stringify(raw.entry)} is not a file of this skill.`,
      );
    }
    const schema = raw.inputSchema ?? { type: 'object', properties: {} };
    if (!isRecord(schema) || (schema.type !== undefined && schema.type !== 'object')) {
      return problem(`${where} ("${raw.name}"): inputSchema must be a JSON Schema of type object.`);
    }
    const { limits, problems } = readToolLimits(raw.limits);
    for (const message of problems) {
      out.push({
        file: SIDECAR_FILE,
        rule: 'sidecar-limits',
        severity: 'warning',
        message: `${where} ("${raw.name}"): ${message}`,
      });
    }
    tools.push({
      name: raw.name,
      description: typeof raw.description === 'string' ? raw.description : '',
      schema: objectSchema(schema as JsonSchema),
      call: {
        kind: 'command',
        protocol,
        ...(typeof raw.entry === 'string' ? { entry: raw.entry } : {}),
      },
      limits,
      origin: 'sidecar',
    });
  });
  return tools;
}

function openSkillsActions(actions: unknown, files: FileMap, out: Diagnostic[]): Tool[] {
  const problem = (message: string, severity: Diagnostic['severity'] = 'error') =>
    out.push({ file: 'SKILL.md', rule: 'openskills-action', severity, message });
  if (!Array.isArray(actions)) {
    problem('actions must be a list of {id, target, input}.');
    return [];
  }
  const tools: Tool[] = [];
  actions.forEach((raw, index) => {
    if (!isRecord(raw) || typeof raw.id !== 'string' || raw.id === '') {
      return problem(`actions[${index}] needs an id.`);
    }
    const target = isRecord(raw.target) ? raw.target : {};
    if (target.type !== 'wasm') {
      return problem(
        `Action "${raw.id}" runs a ${String(target.type ?? 'script')}; only wasm actions run in a browser.`,
        'info',
      );
    }
    if (typeof target.path !== 'string' || !files.has(target.path)) {
      return problem(
        `Action "${raw.id}": target.path ${JSON.stringify(target.path)} is not a file of this skill.`,
      );
    }
    const input = isRecord(raw.input) ? raw.input : {};
    const names = (list: unknown) =>
      Array.isArray(list) ? list.filter((n): n is string => typeof n === 'string') : [];
    const required = names(input.required);
    const properties = Object.fromEntries(
      [...required, ...names(input.optional)].map((name) => [name, textProperty()]),
    );
    tools.push({
      name: raw.id,
      description: typeof raw.description === 'string' ? raw.description : '',
      // OpenSkills rejects keys it does not list, so the form offers exactly these.
      schema: { type: 'object', properties, required, additionalProperties: false },
      call: { kind: 'command', protocol: 'json-stdio', entry: target.path },
      origin: 'openskills-actions',
    });
  });
  return tools;
}

function objectSchema(schema: JsonSchema): ToolInputSchema {
  return {
    ...schema,
    type: 'object',
    properties: isRecord(schema.properties) ? schema.properties : {},
    required: Array.isArray(schema.required) ? schema.required : [],
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
