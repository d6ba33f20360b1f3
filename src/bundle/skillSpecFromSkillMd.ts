// SKILL.md -> awaken SkillSpec, the way awaken maps a filesystem skill
// (awaken-ext-skills; shared/reference/skill-formats.md, section 5.3).
import { charCount, fieldMessages, inFieldOrder, schemaChecker } from './schemaMessages';
import type { FieldMessage } from './schemaMessages';
import type { SkillArgumentSpec, SkillSpec } from './skillSpec';
import { SKILL_FRONTMATTER_FIELDS, SKILL_FRONTMATTER_SCHEMA } from './skillSpecSchema';
import { skillNameErrors, splitAllowedTools, tooLong } from './skillSpecRules';
import * as validators from '../generated/validators';

const DESCRIPTION_MAX = 1024;
const COMPATIBILITY_MAX = 500;

const checkFrontmatter = schemaChecker(SKILL_FRONTMATTER_SCHEMA, validators.skillFrontmatter);

/**
 * SKILL.md (frontmatter + body) -> SkillSpec the way awaken maps a filesystem skill (table 5.3).
 * Problems are what would make awaken refuse the SKILL.md (allowed-tools as a list, metadata
 * values that are not strings, context other than inline/fork, arguments not a list of maps, a
 * bad name...). The spec is still produced from whatever could be read, so the user can see it.
 * Keys awaken ignores (Claude Code's `when_to_use`, `license`, unknown keys) are dropped quietly.
 * The folder-name match is not checked here: it needs the bundle, and validateFrontmatter does it.
 */
export function skillSpecFromSkillMd(
  frontmatter: Record<string, unknown>,
  body: string,
): { spec: SkillSpec; problems: string[] } {
  // serde reads a YAML null as an absent option.
  const fm = Object.fromEntries(
    Object.entries(frontmatter).filter(([, value]) => value !== null && value !== undefined),
  );
  const found = fieldMessages(checkFrontmatter(fm), 'frontmatter');
  const problem = (key: string, message: string) => found.push({ path: [key], message });
  const text = (key: string) => {
    const value = fm[key];
    return typeof value === 'string' ? value : undefined;
  };
  const flag = (key: string, fallback: boolean) => {
    const value = fm[key];
    return typeof value === 'boolean' ? value : fallback;
  };

  // awaken trims and NFKC-normalizes the name, then uses it as both id and display name; the
  // token rules apply to that result, which is why they are not in the schema.
  const name = text('name');
  const id = name === undefined ? '' : name.trim().normalize('NFKC');
  if (name !== undefined)
    for (const message of skillNameErrors('name', id)) problem('name', message);

  const rawDescription = text('description');
  const description = rawDescription ?? '';
  if (rawDescription !== undefined) {
    const trimmed = description.trim();
    if (trimmed === '') problem('description', 'description: must not be empty');
    if (charCount(trimmed) > DESCRIPTION_MAX)
      problem('description', tooLong('description', DESCRIPTION_MAX, charCount(trimmed)));
  }
  // Dropped from the spec, but awaken still checks it, after trimming.
  const compatibility = text('compatibility')?.trim();
  if (compatibility === '')
    problem('compatibility', 'compatibility: must not be empty when present');
  if (compatibility !== undefined && charCount(compatibility) > COMPATIBILITY_MAX)
    problem('compatibility', tooLong('compatibility', COMPATIBILITY_MAX, charCount(compatibility)));

  const spec: SkillSpec = {
    id,
    name: id,
    description,
    instructions_md: body,
    allowed_tools: allowedTools(fm['allowed-tools'], found),
    arguments: argumentsOf(fm.arguments, found),
    user_invocable: flag('user-invocable', true),
    model_invocable: !flag('disable-model-invocation', false),
    context: 'inline',
    paths: pathsOf(fm.paths),
  };

  const whenToUse = text('when-to-use');
  if (whenToUse !== undefined) {
    if (whenToUse.trim() === '')
      problem('when-to-use', 'when-to-use: must not be empty when present');
    spec.when_to_use = whenToUse;
  }
  const hint = text('argument-hint');
  if (hint !== undefined) spec.argument_hint = hint;
  const model = text('model');
  if (model !== undefined) spec.model_override = model;
  const context = text('context');
  if (context !== undefined) {
    // awaken trims before it matches, so " fork " is fork.
    const trimmed = context.trim();
    if (trimmed === 'inline' || trimmed === 'fork') spec.context = trimmed;
    else problem('context', `context: must be "inline" or "fork" (${JSON.stringify(context)})`);
  }
  return { spec, problems: inFieldOrder(found, SKILL_FRONTMATTER_FIELDS) };
}

/** Whitespace-separated tokens; a list (Claude Code's form, which the schema reports) is kept as meant. */
function allowedTools(value: unknown, found: FieldMessage[]): string[] {
  if (Array.isArray(value))
    return value.filter((item): item is string => typeof item === 'string').map((s) => s.trim());
  if (typeof value !== 'string') return [];
  const split = splitAllowedTools(value);
  if ('error' in split) {
    found.push({ path: ['allowed-tools'], message: `allowed-tools: ${split.error}` });
    return value.split(/\s+/).filter(Boolean);
  }
  return split.tokens.map((token) => token.raw);
}

/** The arguments that have a name; the schema reports the rest. */
function argumentsOf(value: unknown, found: FieldMessage[]): SkillArgumentSpec[] {
  if (!Array.isArray(value)) return [];
  const out: SkillArgumentSpec[] = [];
  value.forEach((item: unknown, i) => {
    if (typeof item !== 'object' || item === null) return;
    const { name, description, required } = item as Record<string, unknown>;
    if (typeof name !== 'string') return;
    // A blank name passes the schema's type check; awaken refuses it after trimming.
    if (name.trim() === '')
      found.push({ path: ['arguments', i], message: `arguments[${i}].name: must not be empty` });
    const argument: SkillArgumentSpec = {
      name,
      required: typeof required === 'boolean' ? required : false,
    };
    if (typeof description === 'string') argument.description = description;
    out.push(argument);
  });
  return out;
}

/** Comma or newline separated globs; `**` alone means "everywhere", so it adds no condition. */
function pathsOf(value: unknown): string[] {
  let parts: string[];
  if (typeof value === 'string') parts = value.split(/[,\n]/);
  else if (Array.isArray(value))
    parts = value.filter((item): item is string => typeof item === 'string');
  else return [];
  const out: string[] = [];
  for (const part of parts.map((p) => p.trim())) {
    if (part !== '' && part !== '**' && !out.includes(part)) out.push(part);
  }
  return out;
}
