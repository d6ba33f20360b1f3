import type { JsonSchema, ToolInputSchema } from '../forms';
import type { WitFunction } from '../wit';

/** How a command reads its input and writes its output (sim-lib's process protocols). */
export type CommandProtocol = 'json-stdio' | 'line-text';

/** What a tool's manifest asks for its runs; the instance's own setting wins over it. */
export interface ToolLimits {
  timeoutMs?: number;
  maxOutputBytes?: number;
  /** An astrid capsule's memory limit; the person's own limit can only lower it. */
  maxMemoryBytes?: number;
}

/** The most any run may be given, whoever asks: ten minutes, 64 MiB of output. */
export const LIMIT_CEILINGS = { timeoutMs: 600_000, maxOutputBytes: 64 * 1024 * 1024 } as const;

/**
 * Reads the limits a manifest asks for. Each must be a whole number from 1 to its ceiling;
 * anything else is refused with a sentence and the playground's default stands.
 */
export function readToolLimits(raw: unknown): { limits: ToolLimits; problems: string[] } {
  const limits: ToolLimits = {};
  const problems: string[] = [];
  if (raw === undefined) return { limits, problems };
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { limits, problems: ['limits must be an object such as {"timeoutMs": 5000}.'] };
  }
  const record = raw as Record<string, unknown>;
  for (const name of ['timeoutMs', 'maxOutputBytes'] as const) {
    const value = record[name];
    if (value === undefined) continue;
    const ceiling = LIMIT_CEILINGS[name];
    if (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= ceiling) {
      limits[name] = value;
    } else {
      problems.push(
        `limits.${name} must be a whole number from 1 to ${ceiling}, not ${JSON.stringify(value)}; the playground's default is used.`,
      );
    }
  }
  return { limits, problems };
}

/** How a tool is called once its form is filled. */
export type ToolCall =
  | { kind: 'skill-engine' }
  | {
      kind: 'command';
      protocol: CommandProtocol;
      /** The wasm to run, relative to the bundle; the skill's entry when absent. */
      entry?: string;
      /** When set, stdin is this one field's value rather than the whole form. */
      stdinField?: string;
    }
  | {
      /** A function any component exports, called with WIT-typed arguments from its own form. */
      kind: 'wit';
      /** `greet`, or `playground:shapes/geometry@0.1.0#area` inside an interface. */
      exportName: string;
      func: WitFunction;
    }
  | {
      /** An astrid capsule's tool: its plugin's `astrid_tool_call`, by astrid's convention. */
      kind: 'capsule';
      /** The plugin's .wasm, relative to the bundle. */
      entry: string;
      /** The name astrid_tool_call is given (the tool's own name, without its component). */
      toolName: string;
    };

/** One thing a skill can do: its form comes from `schema`, its call from `call`. */
export interface Tool {
  name: string;
  description: string;
  schema: ToolInputSchema;
  call: ToolCall;
  limits?: ToolLimits;
  /** Where the tool was declared, shown beside it. */
  origin: 'get-tools' | 'sidecar' | 'openskills-actions' | 'default' | 'wit' | 'capsule';
  /** The exported interface a WIT function belongs to; its tab is listed under it. */
  group?: string;
  /** The name shown on its tab when `name` is longer (a function's name inside its interface). */
  label?: string;
}

export const SIDECAR_FILE = 'skill-tools.json';

/** The one tool a command has when nothing declares any: its stdin as a JSON editor. */
export function defaultRunTool(): Tool {
  return {
    name: 'run',
    description: 'Run the command with this JSON on stdin (and in SKILL_INPUT).',
    schema: {
      type: 'object',
      properties: {
        input: {
          description: 'JSON written to stdin',
          contentMediaType: 'application/json',
          default: {},
        },
      },
      required: [],
    },
    call: { kind: 'command', protocol: 'json-stdio', stdinField: 'input' },
    origin: 'default',
  };
}

/** A property the user types as text, for manifests that name inputs without typing them. */
export const textProperty = (description = ''): JsonSchema => ({
  type: 'string',
  ...(description ? { description } : {}),
});
