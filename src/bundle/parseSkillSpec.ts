// Reads an awaken SkillSpec JSON record the way awaken's config write does (validate_skill_spec;
// shared/reference/skill-formats.md, sections 5.1 and 5.2).
import { andList, fieldMessages, inFieldOrder, schemaChecker } from './schemaMessages';
import type { SkillArgumentSpec, SkillSpec } from './skillSpec';
import { SKILL_SPEC_FIELDS, SKILL_SPEC_REQUIRED, SKILL_SPEC_SCHEMA } from './skillSpecSchema';
import { skillSpecRuleErrors } from './skillSpecRules';
import * as validators from '../generated/validators';

const checkSkillSpec = schemaChecker(SKILL_SPEC_SCHEMA, validators.skillSpec);

export type SkillSpecResult =
  | { ok: true; spec: SkillSpec }
  /** isOtherJson: the file is some other JSON (a package.json...), not a SkillSpec with mistakes. */
  | { ok: false; errors: string[]; isOtherJson: boolean };

/**
 * Parses and validates imported SkillSpec JSON the way awaken's config write does
 * (validate_skill_spec): serde's shape (unknown keys, types, defaults) against the JSON Schema,
 * then awaken's rules on the values (5.2). All errors are collected, in field order, so one import
 * shows everything to fix.
 */
export function parseSkillSpec(text: string): SkillSpecResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, errors: [`JSON syntax error: ${detail}`], isOtherJson: false };
  }
  const otherJson = isRecord(value) ? otherJsonError(value) : undefined;
  if (otherJson) return { ok: false, errors: [otherJson], isOtherJson: true };

  const found = fieldMessages(checkSkillSpec(value), 'spec');
  if (isRecord(value)) found.push(...skillSpecRuleErrors(value));
  if (found.length > 0 || !isRecord(value))
    return { ok: false, errors: inFieldOrder(found, SKILL_SPEC_FIELDS), isOtherJson: false };
  return { ok: true, spec: specFromRecord(value) };
}

/**
 * Tells a JSON file that is not a SkillSpec at all (a package.json, a tsconfig.json) from a
 * SkillSpec with mistakes, so the user gets one sentence instead of each key it does not know.
 * Such a file lacks both keys only a SkillSpec has (many files have a name and a description)
 * and most of its keys are unknown. This weighs the keys against each other, which JSON Schema
 * cannot do.
 */
function otherJsonError(value: Record<string, unknown>): string | undefined {
  const keys = Object.keys(value);
  const known = keys.filter((key) => SKILL_SPEC_FIELDS.includes(key));
  if (Object.hasOwn(value, 'id') || Object.hasOwn(value, 'instructions_md')) return undefined;
  if (keys.length - known.length <= known.length) return undefined;
  const present = SKILL_SPEC_REQUIRED.filter((key) => Object.hasOwn(value, key));
  const has = present.length === 0 ? 'none of them' : `only ${andList(present.map(code))}`;
  return `a SkillSpec needs ${andList(SKILL_SPEC_REQUIRED.map(code))}, and this file has ${has}`;
}

/** A record that passed the checks, with serde's defaults filled in and nulls as absent. */
function specFromRecord(record: Record<string, unknown>): SkillSpec {
  const arguments_ = (record.arguments ?? []) as Record<string, unknown>[];
  const spec: SkillSpec = {
    id: record.id as string,
    name: record.name as string,
    description: record.description as string,
    instructions_md: record.instructions_md as string,
    allowed_tools: (record.allowed_tools ?? []) as string[],
    arguments: arguments_.map((argument) => {
      const out: SkillArgumentSpec = {
        name: argument.name as string,
        required: (argument.required ?? false) as boolean,
      };
      if (typeof argument.description === 'string') out.description = argument.description;
      return out;
    }),
    user_invocable: (record.user_invocable ?? true) as boolean,
    model_invocable: (record.model_invocable ?? true) as boolean,
    context: (record.context ?? 'inline') as SkillSpec['context'],
    paths: (record.paths ?? []) as string[],
  };
  for (const key of ['when_to_use', 'argument_hint', 'model_override'] as const) {
    const option = record[key];
    if (typeof option === 'string') spec[key] = option;
  }
  return spec;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const code = (name: string) => `\`${name}\``;
