// The shapes serde reads for awaken's SkillSpec record and for SKILL.md frontmatter
// (awaken-runtime-contract 0.6.0 and awaken-ext-skills; shared/reference/skill-formats.md,
// sections 5.1 and 5.3), as JSON Schema. awaken's rules about the content of the values (trimmed,
// token syntax, one field against another) are in skillSpecRules.ts.
import type { SchemaNode } from './schemaMessages';

const text: SchemaNode = { type: 'string' };
// serde reads null as an absent Option.
const optionalText: SchemaNode = { type: ['string', 'null'] };
const flag: SchemaNode = { type: 'boolean' };
const stringList: SchemaNode = {
  type: 'array',
  items: { type: 'string' },
  expected: 'a list of strings',
};

/** The JSON record awaken's config store takes; `deny_unknown_fields` on it and its arguments. */
export const SKILL_SPEC_SCHEMA: SchemaNode = {
  type: 'object',
  expected: 'a JSON object',
  required: ['id', 'name', 'description', 'instructions_md'],
  additionalProperties: false,
  // In awaken's field order, which is also the order problems are listed in.
  properties: {
    // The id is a skill-name token, checked with SKILL.md's name in skillSpecRules.ts.
    id: text,
    name: { type: 'string', maxLength: 128 },
    description: { type: 'string', maxLength: 1024 },
    instructions_md: text,
    allowed_tools: stringList,
    when_to_use: optionalText,
    arguments: {
      type: 'array',
      expected: 'a list of {name, description, required} objects',
      items: {
        type: 'object',
        expected: 'an object with name, description and required',
        required: ['name'],
        additionalProperties: false,
        properties: { name: text, description: optionalText, required: flag },
      },
    },
    argument_hint: optionalText,
    user_invocable: flag,
    model_invocable: flag,
    model_override: optionalText,
    context: { enum: ['inline', 'fork'] },
    paths: stringList,
  },
};

export const SKILL_SPEC_FIELDS = Object.keys(SKILL_SPEC_SCHEMA.properties!);
export const SKILL_SPEC_REQUIRED = SKILL_SPEC_SCHEMA.required!;

/**
 * SKILL.md frontmatter as awaken's SkillFrontmatter reads it (kebab-case keys; unknown keys are
 * ignored). Nulls are taken out before the check, as serde reads them as absent options.
 */
export const SKILL_FRONTMATTER_SCHEMA: SchemaNode = {
  type: 'object',
  required: ['name', 'description'],
  properties: {
    name: text,
    description: text,
    license: text,
    compatibility: text,
    metadata: {
      type: 'object',
      expected: 'a mapping of keys to strings',
      additionalProperties: text,
    },
    'allowed-tools': { type: 'string', expected: 'a space-separated string' },
    'when-to-use': text,
    arguments: {
      type: 'array',
      expected: 'a list of {name, description, required} maps',
      hints: { string: 'the space-separated string form is Claude Code only' },
      items: {
        type: 'object',
        expected: 'a map with name, description and required',
        required: ['name'],
        properties: { name: text, description: optionalText, required: flag },
      },
    },
    'argument-hint': text,
    'user-invocable': flag,
    'disable-model-invocation': flag,
    model: text,
    context: text,
    paths: { type: 'string', expected: 'a comma- or newline-separated string' },
  },
};

export const SKILL_FRONTMATTER_FIELDS = Object.keys(SKILL_FRONTMATTER_SCHEMA.properties!);
