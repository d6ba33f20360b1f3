import type { ArgumentSpec } from '../bundle';
import type { ToolInputSchema } from '../forms';

/**
 * An awaken SkillSpec's (or SKILL.md's) `arguments` as a JSON Schema, so instructions take their
 * arguments through the same form model as tools. awaken substitutes each into the body as text
 * and refuses keys it does not declare, required ones left out, and values that are not scalars
 * (skill-formats.md 5.3): strings, with no other properties.
 */
export function schemaFromSkillArguments(specs: readonly ArgumentSpec[]): ToolInputSchema {
  return {
    type: 'object',
    properties: Object.fromEntries(
      specs.map((spec) => [
        spec.name,
        { type: 'string', ...(spec.description ? { description: spec.description } : {}) },
      ]),
    ),
    required: specs.filter((spec) => spec.required).map((spec) => spec.name),
    additionalProperties: false,
  };
}
