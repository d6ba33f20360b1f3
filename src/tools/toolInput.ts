import {
  fieldsFromSchema,
  initialDrafts,
  initialWitDrafts,
  jsonViewText,
  readDrafts,
  readJsonView,
  readWitDrafts,
  type DraftValue,
  type Field,
  type ToolInputSchema,
} from '../forms';
import { formatWave } from '../wit';
import type { Tool } from './tool';

export interface ToolModel {
  schema: ToolInputSchema;
  fields: Field[];
}

// A tool's fields are read on every render of its form and on every run: made once per tool.
const models = new WeakMap<Tool, ToolModel>();

/** The form a tool's input schema gives: one field per property. */
export function toolModel(tool: Tool): ToolModel {
  let model = models.get(tool);
  if (!model) {
    model = { schema: tool.schema, fields: fieldsFromSchema(tool.schema) };
    models.set(tool, model);
  }
  return model;
}

/** What a tool's form holds before anything is typed: its defaults. */
export function initialToolDrafts(tool: Tool): Record<string, DraftValue> {
  return tool.call.kind === 'wit'
    ? initialWitDrafts(tool.call.func.params)
    : initialDrafts(toolModel(tool).fields);
}

/**
 * The input a tool is called with. `value` is the form read as JSON (what an audit record
 * hashes); a WIT function also gets `args`, jco's values, with `value` holding each in WAVE.
 */
export interface ToolInput {
  value: Record<string, unknown>;
  args?: unknown[];
}

export type ToolInputRead =
  ({ ok: true } & ToolInput) | { ok: false; errors: Record<string, string> };

/** Reads and validates a tool's form; errors are keyed by field (or by path inside a WIT value). */
export function readToolInput(tool: Tool, drafts: Record<string, DraftValue>): ToolInputRead {
  if (tool.call.kind !== 'wit') {
    const { schema, fields } = toolModel(tool);
    // While the JSON view is open, its text is the input.
    const text = jsonViewText(drafts);
    return text === undefined
      ? readDrafts(schema, fields, drafts)
      : readJsonView(schema, fields, text);
  }
  const { params } = tool.call.func;
  const read = readWitDrafts(params, drafts);
  if (!read.ok) return read;
  const value = Object.fromEntries(
    params.map((p, i) => [p.name, formatWave(p.type, read.args[i])]),
  );
  return { ok: true, value, args: read.args };
}
