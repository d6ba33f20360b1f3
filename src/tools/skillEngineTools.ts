import type { JsonSchema, ToolInputSchema } from '../forms';
import type { SkillParameter, ToolDefinition } from '../runtime';
import type { Tool } from './tool';

/** A tool a skill-engine component lists in get-tools; its form comes from its parameters. */
export function skillEngineTool(definition: ToolDefinition): Tool {
  return {
    name: definition.name,
    description: definition.description,
    schema: schemaFromSkillParameters(definition.parameters),
    call: { kind: 'skill-engine' },
    origin: 'get-tools',
  };
}

/**
 * skill-engine parameter definitions as a JSON Schema, so every way a skill declares its input
 * (get-tools, a Capsule's input_schema, a sidecar manifest) ends in one form model.
 * `defaultValue` is a string on the wire; it is read into the parameter's own type here.
 */
export function schemaFromSkillParameters(parameters: SkillParameter[]): ToolInputSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const param of parameters) properties[param.name] = propertySchema(param);
  return {
    type: 'object',
    properties,
    required: parameters.filter((p) => p.required).map((p) => p.name),
    additionalProperties: false,
  };
}

function propertySchema(param: SkillParameter): JsonSchema {
  const schema: JsonSchema = {};
  if (param.description) schema.description = param.description;
  const v = param.validation ?? {};
  switch (param.paramType) {
    case 'number':
      schema.type = 'number';
      if (typeof v.minimum === 'number') schema.minimum = v.minimum;
      if (typeof v.maximum === 'number') schema.maximum = v.maximum;
      break;
    case 'boolean':
      schema.type = 'boolean';
      break;
    case 'array':
      schema.type = 'array';
      schema.items = { type: 'string' };
      break;
    case 'json':
      schema.contentMediaType = 'application/json';
      break;
    case 'file':
      schema.type = 'string';
      schema.format = 'binary';
      break;
    case 'secret':
      schema.type = 'string';
      schema.writeOnly = true;
      break;
    case 'string':
      schema.type = 'string';
      break;
  }
  if (schema.type === 'string' && param.paramType !== 'file') {
    if (typeof v.pattern === 'string') schema.pattern = v.pattern;
    if (typeof v.minLength === 'number') schema.minLength = v.minLength;
    if (typeof v.maxLength === 'number') schema.maxLength = v.maxLength;
    if (Array.isArray(v.enum) && v.enum.length > 0) schema.enum = v.enum.map(String);
  }
  if (param.defaultValue !== undefined) {
    const value = readDefault(param.paramType, param.defaultValue);
    if (value !== undefined) schema.default = value;
  }
  return schema;
}

function readDefault(type: SkillParameter['paramType'], raw: string): unknown {
  switch (type) {
    case 'number': {
      const n = Number(raw);
      return raw.trim() !== '' && Number.isFinite(n) ? n : undefined;
    }
    case 'boolean':
      return raw === 'true' ? true : raw === 'false' ? false : undefined;
    case 'json':
      return tryJson(raw) ?? raw;
    case 'array': {
      const parsed = tryJson(raw);
      if (Array.isArray(parsed)) return parsed.map(String);
      return raw
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
    }
    case 'file':
      return undefined;
    default:
      return raw;
  }
}

function tryJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}
