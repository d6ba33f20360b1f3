// The skill-engine world as data: its exports, and tolerant readers for what real
// skills return. skill-engine's runtime expects JSON strings in `{"ok": ...}` / `{"err": ...}`
// wrappers, but its own SDK and examples return plain objects, bare `{success, output,
// errorMessage}` records and `error` instead of `errorMessage`; all of these are accepted here.

export const SKILL_ENGINE_EXPORTS = [
  'get-metadata',
  'get-tools',
  'execute-tool',
  'validate-config',
] as const;

export type ParamType = 'string' | 'number' | 'boolean' | 'file' | 'json' | 'array' | 'secret';

/** The SDK's optional constraints on a parameter (sdk/javascript/src/types.ts). */
export interface ParameterValidation {
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  enum?: string[];
}

export interface SkillParameter {
  name: string;
  paramType: ParamType;
  description: string;
  required: boolean;
  defaultValue?: string;
  validation?: ParameterValidation;
}

export interface ToolDefinition {
  name: string;
  description: string;
  parameters: SkillParameter[];
}

export interface SkillMetadata {
  name: string;
  version: string;
  description: string;
  author: string;
  repository?: string;
  license?: string;
  /** The configuration keys it declares, as it wrote them (bundle/declaredConfig reads them). */
  config?: unknown;
}

export interface ToolResult {
  success: boolean;
  output: string;
  errorMessage: string | null;
  /** Set when the result was readable only by being lenient about its shape. */
  formatNote?: string;
}

export class ContractError extends Error {
  readonly code = 'InvalidManifest';
}

const PARAM_TYPES = new Set<ParamType>([
  'string',
  'number',
  'boolean',
  'file',
  'json',
  'array',
  'secret',
]);

/** A JSON string or an already-parsed value. */
export function readJsonish(raw: unknown): unknown {
  if (typeof raw !== 'string') return raw;
  return JSON.parse(raw);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `{"ok": x}` gives x; anything else is returned as it is. `{"err": m}` throws m. */
function unwrap(value: unknown, what: string): unknown {
  if (isRecord(value) && 'err' in value && Object.keys(value).length === 1) {
    throw new ContractError(`${what} returned an error: ${stringify(value.err)}`);
  }
  if (isRecord(value) && 'ok' in value && Object.keys(value).length === 1) return value.ok;
  return value;
}

function stringify(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function parse(raw: unknown, what: string): unknown {
  try {
    return readJsonish(raw);
  } catch {
    throw new ContractError(`${what} did not return JSON: ${String(raw).slice(0, 120)}`);
  }
}

export function parseMetadata(raw: unknown, fallbackName: string): SkillMetadata {
  const value = unwrap(parse(raw, 'get-metadata'), 'get-metadata');
  if (!isRecord(value)) throw new ContractError('get-metadata must return a JSON object.');
  const text = (key: string) =>
    typeof value[key] === 'string' ? (value[key] as string) : undefined;
  return {
    name: text('name') ?? fallbackName,
    version: text('version') ?? '0.0.0',
    description: text('description') ?? '',
    author: text('author') ?? '',
    ...(text('repository') ? { repository: text('repository') } : {}),
    ...(text('license') ? { license: text('license') } : {}),
    ...(value.config !== undefined ? { config: value.config } : {}),
  };
}

export function parseTools(raw: unknown): ToolDefinition[] {
  let value = unwrap(parse(raw, 'get-tools'), 'get-tools');
  if (isRecord(value) && Array.isArray(value.tools)) value = value.tools;
  if (!Array.isArray(value))
    throw new ContractError('get-tools must return a JSON array of tools.');
  return value.map((tool, index) => parseTool(tool, index));
}

function parseTool(tool: unknown, index: number): ToolDefinition {
  if (!isRecord(tool) || typeof tool.name !== 'string' || tool.name === '') {
    throw new ContractError(`Tool ${index + 1} from get-tools has no name.`);
  }
  const params = tool.parameters ?? [];
  if (!Array.isArray(params)) {
    throw new ContractError(`Tool "${tool.name}": parameters must be a list.`);
  }
  return {
    name: tool.name,
    description: typeof tool.description === 'string' ? tool.description : '',
    parameters: params.map((p, i) => parseParameter(p, i, tool.name as string)),
  };
}

function parseParameter(param: unknown, index: number, toolName: string): SkillParameter {
  if (!isRecord(param) || typeof param.name !== 'string' || param.name === '') {
    throw new ContractError(`Tool "${toolName}": parameter ${index + 1} has no name.`);
  }
  // The wire form says paramType; skill-engine's host-side serde form says type.
  const declared = String(
    param.paramType ?? param.param_type ?? param.type ?? 'string',
  ).toLowerCase();
  // skill-engine treats every unknown type as a string.
  const paramType = PARAM_TYPES.has(declared as ParamType) ? (declared as ParamType) : 'string';
  const rawDefault = param.defaultValue ?? param.default_value ?? param.default;
  const out: SkillParameter = {
    name: param.name,
    paramType,
    description: typeof param.description === 'string' ? param.description : '',
    required: param.required === true || param.required === 'true',
  };
  if (rawDefault !== undefined && rawDefault !== null) out.defaultValue = stringify(rawDefault);
  if (isRecord(param.validation)) out.validation = param.validation as ParameterValidation;
  return out;
}

/** Reads an execute-tool result in every shape real skills return. Never throws. */
export function parseToolResult(raw: unknown): ToolResult {
  let value: unknown;
  try {
    value = readJsonish(raw);
  } catch {
    return {
      success: true,
      output: String(raw),
      errorMessage: null,
      formatNote: 'The result was not JSON; it is shown as text.',
    };
  }
  if (isRecord(value) && 'err' in value) {
    return { success: false, output: '', errorMessage: stringify(value.err) };
  }
  let note: string | undefined;
  if (isRecord(value) && 'ok' in value) value = value.ok;
  if (value === null || value === undefined)
    return { success: true, output: '', errorMessage: null };
  if (typeof value === 'string') return { success: true, output: value, errorMessage: null };
  if (
    !isRecord(value) ||
    !('success' in value || 'output' in value || 'errorMessage' in value || 'error' in value)
  ) {
    note = 'The result has no success/output fields; the whole value is shown.';
    return { success: true, output: JSON.stringify(value), errorMessage: null, formatNote: note };
  }
  const success =
    value.success === undefined ? true : value.success === true || value.success === 'true';
  const output = value.output === undefined || value.output === null ? '' : stringify(value.output);
  const rawMessage = value.errorMessage ?? value.error_message ?? value.error ?? null;
  let errorMessage = rawMessage === null || rawMessage === undefined ? null : stringify(rawMessage);
  if (!success && !errorMessage) errorMessage = 'The tool reported failure without a message.';
  return { success, output, errorMessage };
}

/** validate-config fails only when the result holds an error (skill-engine's rule). */
export function parseValidateResult(
  raw: unknown,
): { valid: true } | { valid: false; message: string } {
  let value: unknown;
  try {
    value = readJsonish(raw);
  } catch {
    return { valid: true };
  }
  if (isRecord(value)) {
    if ('err' in value) return { valid: false, message: stringify(value.err) };
    if (value.valid === false || value.success === false) {
      return {
        valid: false,
        message: stringify(value.error ?? value.errorMessage ?? 'invalid configuration'),
      };
    }
  }
  return { valid: true };
}
