// awaken's SkillSpec record (awaken-runtime-contract 0.6.0, skill_spec.rs) and how awaken writes it
// out, as JSON and as SKILL.md (shared/reference/skill-formats.md, sections 5.1 and 5.3). Reading
// it is in parseSkillSpec.ts, and reading SKILL.md into it in skillSpecFromSkillMd.ts.
import { stringify } from 'yaml';

export interface SkillArgumentSpec {
  name: string;
  description?: string;
  required: boolean;
}

export interface SkillSpec {
  id: string;
  name: string;
  description: string;
  instructions_md: string;
  allowed_tools: string[];
  when_to_use?: string;
  arguments: SkillArgumentSpec[];
  argument_hint?: string;
  user_invocable: boolean;
  model_invocable: boolean;
  model_override?: string;
  context: 'inline' | 'fork';
  paths: string[];
}

/** The JSON awaken would serialize (skip_serializing_if: empty arrays and absent options omitted), pretty-printed with 2 spaces. */
export function skillSpecJson(spec: SkillSpec): string {
  const out: Record<string, unknown> = {
    id: spec.id,
    name: spec.name,
    description: spec.description,
    instructions_md: spec.instructions_md,
  };
  if (spec.allowed_tools.length > 0) out.allowed_tools = spec.allowed_tools;
  if (spec.when_to_use !== undefined) out.when_to_use = spec.when_to_use;
  if (spec.arguments.length > 0) out.arguments = spec.arguments.map(argumentRecord);
  if (spec.argument_hint !== undefined) out.argument_hint = spec.argument_hint;
  out.user_invocable = spec.user_invocable;
  out.model_invocable = spec.model_invocable;
  if (spec.model_override !== undefined) out.model_override = spec.model_override;
  out.context = spec.context;
  if (spec.paths.length > 0) out.paths = spec.paths;
  return JSON.stringify(out, null, 2);
}

/**
 * The SKILL.md text awaken synthesizes from a spec (ConfigSkill::synthesize_skill_md): `name` is
 * the id (the display name has no place in SKILL.md), `allowed-tools` is joined by spaces, and
 * user-invocable, disable-model-invocation and context are always written. Keys follow awaken's
 * SkillFrontmatter field order. The body is instructions_md, right after the closing fence.
 */
export function skillMdFromSkillSpec(spec: SkillSpec): string {
  const fm: Record<string, unknown> = { name: spec.id, description: spec.description };
  if (spec.allowed_tools.length > 0) fm['allowed-tools'] = spec.allowed_tools.join(' ');
  if (spec.when_to_use !== undefined) fm['when-to-use'] = spec.when_to_use;
  if (spec.arguments.length > 0) fm.arguments = spec.arguments.map(argumentRecord);
  if (spec.argument_hint !== undefined) fm['argument-hint'] = spec.argument_hint;
  fm['user-invocable'] = spec.user_invocable;
  fm['disable-model-invocation'] = !spec.model_invocable;
  if (spec.model_override !== undefined) fm.model = spec.model_override;
  fm.context = spec.context;
  // awaken writes paths back one per line; the mapping above reads them the same way.
  if (spec.paths.length > 0) fm.paths = spec.paths.join('\n');
  // lineWidth 0 keeps each value on one line, which reads better than folded scalars.
  return `---\n${stringify(fm, { lineWidth: 0 })}---\n${spec.instructions_md}`;
}

// --- Small helpers -----------------------------------------------------------------------------

function argumentRecord(argument: SkillArgumentSpec): Record<string, unknown> {
  return argument.description === undefined
    ? { name: argument.name, required: argument.required }
    : { name: argument.name, description: argument.description, required: argument.required };
}
