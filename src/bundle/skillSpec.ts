// awaken's SkillSpec record (awaken-runtime-contract 0.6.0, skill_spec.rs) and its two bridges to
// SKILL.md (shared/reference/skill-formats.md, sections 5.1 to 5.3). Pure: data in, data out.
import { stringify } from 'yaml';
import { errorMessage } from '../errors';

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

/** The 13 keys serde accepts; awaken rejects any other before deserializing. */
const SPEC_FIELDS = [
  'id',
  'name',
  'description',
  'instructions_md',
  'allowed_tools',
  'when_to_use',
  'arguments',
  'argument_hint',
  'user_invocable',
  'model_invocable',
  'model_override',
  'context',
  'paths',
];
const ARGUMENT_FIELDS = ['name', 'description', 'required'];

const ID_MAX = 64;
const NAME_MAX = 128;
const DESCRIPTION_MAX = 1024;
const COMPATIBILITY_MAX = 500;

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
  const problems: string[] = [];
  const fm = frontmatter;
  const text = (key: string): string | undefined => {
    const value = fm[key];
    // serde reads a YAML null as an absent Option.
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'string') return value;
    problems.push(`${key}: must be a string, not ${describe(value)}`);
    return undefined;
  };
  const flag = (key: string, fallback: boolean): boolean => {
    const value = fm[key];
    if (value === undefined || value === null) return fallback;
    if (typeof value === 'boolean') return value;
    problems.push(`${key}: must be true or false, not ${describe(value)}`);
    return fallback;
  };

  // awaken trims and NFKC-normalizes the name, then uses it as both id and display name.
  let id = '';
  if (fm.name === undefined || fm.name === null) problems.push('name: required');
  else {
    const raw = text('name');
    if (raw !== undefined) {
      id = raw.trim().normalize('NFKC');
      problems.push(...skillNameErrors('name', id));
    }
  }

  let description = '';
  if (fm.description === undefined || fm.description === null)
    problems.push('description: required');
  else {
    description = text('description') ?? '';
    const trimmed = description.trim();
    if (typeof fm.description === 'string' && trimmed === '')
      problems.push('description: must not be empty');
    if (length(trimmed) > DESCRIPTION_MAX)
      problems.push(tooLong('description', DESCRIPTION_MAX, length(trimmed)));
  }

  // Dropped from the spec, but serde and awaken's checks still read them.
  text('license');
  const compatibility = text('compatibility');
  if (compatibility !== undefined) {
    const trimmed = compatibility.trim();
    if (trimmed === '') problems.push('compatibility: must not be empty when present');
    if (length(trimmed) > COMPATIBILITY_MAX)
      problems.push(tooLong('compatibility', COMPATIBILITY_MAX, length(trimmed)));
  }
  const metadata = fm.metadata;
  if (metadata !== undefined && metadata !== null) {
    if (!isRecord(metadata)) problems.push('metadata: must be a mapping of keys to strings');
    else {
      for (const [key, value] of Object.entries(metadata)) {
        if (typeof value !== 'string')
          problems.push(`metadata: the value of "${key}" must be a string, not ${describe(value)}`);
      }
    }
  }

  const spec: SkillSpec = {
    id,
    name: id,
    description,
    instructions_md: body,
    allowed_tools: allowedToolsFromFrontmatter(fm['allowed-tools'], problems),
    arguments: argumentsFromFrontmatter(fm.arguments, problems),
    user_invocable: flag('user-invocable', true),
    model_invocable: !flag('disable-model-invocation', false),
    context: 'inline',
    paths: pathsFromFrontmatter(fm.paths, problems),
  };

  const whenToUse = text('when-to-use');
  if (whenToUse !== undefined) {
    if (whenToUse.trim() === '') problems.push('when-to-use: must not be empty when present');
    spec.when_to_use = whenToUse;
  }
  const hint = text('argument-hint');
  if (hint !== undefined) spec.argument_hint = hint;
  const model = text('model');
  if (model !== undefined) spec.model_override = model;
  const context = text('context');
  if (context !== undefined) {
    const trimmed = context.trim();
    if (trimmed === 'inline' || trimmed === 'fork') spec.context = trimmed;
    else problems.push(`context: must be "inline" or "fork" (${JSON.stringify(context)})`);
  }
  return { spec, problems };
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
 * Parses and validates imported SkillSpec JSON the way awaken's config write does
 * (validate_skill_spec): unknown keys, serde's types and defaults, then every rule of 5.2.
 * All errors are collected, not just the first, so one import shows everything to fix.
 */
export function parseSkillSpec(
  text: string,
): { ok: true; spec: SkillSpec } | { ok: false; errors: string[] } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return {
      ok: false,
      errors: [`JSON syntax error: ${errorMessage(error)}`],
    };
  }
  if (!isRecord(value)) {
    return { ok: false, errors: [`spec: must be a JSON object, not ${describe(value)}`] };
  }

  const errors: string[] = [];
  errors.push(...unknownFields('', value, SPEC_FIELDS));
  const reader = fieldReader(value, '', errors);

  const id = reader.required('id');
  const name = reader.required('name');
  const description = reader.required('description');
  const instructions = reader.required('instructions_md');
  const spec: SkillSpec = {
    id: id ?? '',
    name: name ?? '',
    description: description ?? '',
    instructions_md: instructions ?? '',
    allowed_tools: reader.strings('allowed_tools'),
    arguments: readArguments(value.arguments, errors),
    user_invocable: reader.flag('user_invocable', true),
    model_invocable: reader.flag('model_invocable', true),
    context: 'inline',
    paths: reader.strings('paths'),
  };
  for (const key of ['when_to_use', 'argument_hint', 'model_override'] as const) {
    const option = reader.optional(key);
    if (option === undefined) continue;
    spec[key] = option;
    if (option.trim() === '') errors.push(`${key}: must not be empty when present`);
  }
  if (value.context !== undefined) {
    if (value.context === 'inline' || value.context === 'fork') spec.context = value.context;
    else errors.push(`context: must be "inline" or "fork" (${JSON.stringify(value.context)})`);
  }

  // The rules awaken adds on top of serde (5.2).
  if (id !== undefined) errors.push(...idErrors(id));
  if (name !== undefined) {
    if (name.trim() === '') errors.push('name: must not be empty');
    if (length(name) > NAME_MAX) errors.push(tooLong('name', NAME_MAX, length(name)));
  }
  if (description !== undefined) {
    if (description.trim() === '') errors.push('description: must not be empty');
    if (length(description) > DESCRIPTION_MAX)
      errors.push(tooLong('description', DESCRIPTION_MAX, length(description)));
  }
  if (instructions !== undefined && instructions.trim() === '')
    errors.push('instructions_md: must not be empty');
  const seen = new Set<string>();
  spec.arguments.forEach((argument, i) => {
    const field = `arguments[${i}]`;
    const trimmed = argument.name.trim();
    if (trimmed === '') errors.push(`${field}.name: must not be empty`);
    else if (trimmed !== argument.name)
      errors.push(
        `${field}.name: must not have leading or trailing whitespace (${JSON.stringify(argument.name)})`,
      );
    else if (seen.has(trimmed))
      errors.push(`${field}.name: duplicate argument name (${JSON.stringify(argument.name)})`);
    seen.add(trimmed);
    if (argument.description !== undefined && argument.description.trim() === '')
      errors.push(`${field}.description: must not be empty when present`);
  });
  spec.allowed_tools.forEach((tool, i) => {
    const error = allowedToolEntryError(`allowed_tools[${i}]`, tool);
    if (error) errors.push(error);
  });
  if (spec.paths.length > 0)
    errors.push('paths: must be empty; awaken does not support paths for DB-managed skills');

  return errors.length > 0 ? { ok: false, errors } : { ok: true, spec };
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

// --- SKILL.md fields ---------------------------------------------------------------------------

function allowedToolsFromFrontmatter(value: unknown, problems: string[]): string[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) {
    // Claude Code and OpenSkills accept a list; awaken's serde wants a string. Keep the items
    // so the spec still shows what was meant.
    problems.push('allowed-tools: must be a space-separated string, not a list');
    return value.filter((item): item is string => typeof item === 'string').map((s) => s.trim());
  }
  if (typeof value !== 'string') {
    problems.push(`allowed-tools: must be a string, not ${describe(value)}`);
    return [];
  }
  const split = splitAllowedTools(value);
  if ('error' in split) {
    problems.push(`allowed-tools: ${split.error}`);
    return value.split(/\s+/).filter(Boolean);
  }
  return split.tokens.map((token) => token.raw);
}

function argumentsFromFrontmatter(value: unknown, problems: string[]): SkillArgumentSpec[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    problems.push(
      typeof value === 'string'
        ? 'arguments: must be a list of {name, description, required} maps; the space-separated string form is Claude Code only'
        : `arguments: must be a list of {name, description, required} maps, not ${describe(value)}`,
    );
    return [];
  }
  const out: SkillArgumentSpec[] = [];
  value.forEach((item, i) => {
    const field = `arguments[${i}]`;
    if (!isRecord(item)) {
      problems.push(`${field}: must be a map with name, description and required`);
      return;
    }
    if (typeof item.name !== 'string') {
      problems.push(
        item.name === undefined || item.name === null
          ? `${field}.name: required`
          : `${field}.name: must be a string, not ${describe(item.name)}`,
      );
      return;
    }
    if (item.name.trim() === '') problems.push(`${field}.name: must not be empty`);
    const argument: SkillArgumentSpec = { name: item.name, required: false };
    if (item.description !== undefined && item.description !== null) {
      if (typeof item.description === 'string') argument.description = item.description;
      else
        problems.push(`${field}.description: must be a string, not ${describe(item.description)}`);
    }
    if (item.required !== undefined) {
      if (typeof item.required === 'boolean') argument.required = item.required;
      else
        problems.push(`${field}.required: must be true or false, not ${describe(item.required)}`);
    }
    out.push(argument);
  });
  return out;
}

/** Comma or newline separated globs; `**` alone means "everywhere", so it adds no condition. */
function pathsFromFrontmatter(value: unknown, problems: string[]): string[] {
  if (value === undefined || value === null) return [];
  let parts: string[];
  if (typeof value === 'string') parts = value.split(/[,\n]/);
  else if (Array.isArray(value)) {
    problems.push('paths: must be a comma- or newline-separated string, not a list');
    parts = value.filter((item): item is string => typeof item === 'string');
  } else {
    problems.push(`paths: must be a string, not ${describe(value)}`);
    return [];
  }
  const out: string[] = [];
  for (const part of parts.map((p) => p.trim())) {
    if (part !== '' && part !== '**' && !out.includes(part)) out.push(part);
  }
  return out;
}

// --- JSON fields -------------------------------------------------------------------------------

/** Typed reads of one JSON object, with serde's defaults and its null handling. */
function fieldReader(object: Record<string, unknown>, prefix: string, errors: string[]) {
  const typeError = (key: string, expected: string) =>
    errors.push(`${prefix}${key}: must be ${expected}, not ${describe(object[key])}`);
  return {
    required(key: string): string | undefined {
      const value = object[key];
      if (typeof value === 'string') return value;
      if (value === undefined) errors.push(`${prefix}${key}: required`);
      else typeError(key, 'a string');
      return undefined;
    },
    optional(key: string): string | undefined {
      const value = object[key];
      if (value === undefined || value === null) return undefined;
      if (typeof value === 'string') return value;
      typeError(key, 'a string');
      return undefined;
    },
    // serde's `default` covers a missing key only: null is still a type error.
    flag(key: string, fallback: boolean): boolean {
      const value = object[key];
      if (value === undefined) return fallback;
      if (typeof value === 'boolean') return value;
      typeError(key, 'true or false');
      return fallback;
    },
    strings(key: string): string[] {
      const value = object[key];
      if (value === undefined) return [];
      if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value;
      typeError(key, 'a list of strings');
      return [];
    },
  };
}

function readArguments(value: unknown, errors: string[]): SkillArgumentSpec[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    errors.push(
      `arguments: must be a list of {name, description, required} objects, not ${describe(value)}`,
    );
    return [];
  }
  const out: SkillArgumentSpec[] = [];
  value.forEach((item, i) => {
    const prefix = `arguments[${i}]`;
    if (!isRecord(item)) {
      errors.push(`${prefix}: must be an object with name, description and required`);
      return;
    }
    errors.push(...unknownFields(`${prefix}.`, item, ARGUMENT_FIELDS));
    const reader = fieldReader(item, `${prefix}.`, errors);
    const name = reader.required('name');
    const description = reader.optional('description');
    const required = reader.flag('required', false);
    if (name === undefined) return;
    out.push(description === undefined ? { name, required } : { name, description, required });
  });
  return out;
}

function unknownFields(prefix: string, object: Record<string, unknown>, allowed: string[]) {
  return Object.keys(object)
    .filter((key) => !allowed.includes(key))
    .map((key) => `${prefix}${key}: unknown field; the allowed fields are ${allowed.join(', ')}`);
}

// --- Rules shared by both directions -----------------------------------------------------------

/** awaken's skill-name token rules, used for SKILL.md `name` and for SkillSpec `id`. */
function skillNameErrors(field: string, value: string): string[] {
  const quoted = JSON.stringify(value);
  if (value === '') return [`${field}: must not be empty`];
  const errors: string[] = [];
  if (length(value) > ID_MAX) errors.push(tooLong(field, ID_MAX, length(value)));
  if (value !== value.toLowerCase()) errors.push(`${field}: must be lowercase (${quoted})`);
  if (value.startsWith('-') || value.endsWith('-') || value.includes('--'))
    errors.push(`${field}: must not start or end with "-" or contain "--" (${quoted})`);
  // Rust's char::is_alphanumeric is Unicode Alphabetic or Numeric, so `技能` is a valid id.
  if (![...value].every((c) => c === '-' || /[\p{Alphabetic}\p{N}]/u.test(c)))
    errors.push(`${field}: may contain only letters, digits and "-" (${quoted})`);
  return errors;
}

function idErrors(id: string): string[] {
  const trimmed = id.trim();
  if (trimmed === '') return ['id: must not be empty'];
  if (trimmed !== id)
    return [`id: must not have leading or trailing whitespace (${JSON.stringify(id)})`];
  return skillNameErrors('id', id);
}

interface ToolToken {
  raw: string;
  toolId: string;
  scope?: string;
}

/**
 * Splits an allowed-tools string the way awaken does: on whitespace, except inside parentheses
 * or quotes, so `Bash(command: "git status")` stays one token.
 */
function splitAllowedTools(value: string): { tokens: ToolToken[] } | { error: string } {
  const raws: string[] = [];
  let current = '';
  let depth = 0;
  let quote: string | null = null;
  let escaped = false;
  const flush = () => {
    if (current.trim() !== '') raws.push(current.trim());
    current = '';
  };
  for (const ch of value) {
    if (escaped) escaped = false;
    else if (quote) {
      if (ch === '\\') escaped = true;
      else if (ch === quote) quote = null;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '(') depth++;
    else if (ch === ')') {
      if (depth === 0) return { error: 'has a ")" without a matching "("' };
      depth--;
    } else if (/\s/.test(ch) && depth === 0) {
      flush();
      continue;
    }
    current += ch;
  }
  if (quote) return { error: 'has a quote that is never closed' };
  if (depth > 0) return { error: 'has a "(" that is never closed' };
  flush();

  const tokens: ToolToken[] = [];
  for (const raw of raws) {
    const open = raw.indexOf('(');
    const toolId = (open < 0 ? raw : raw.slice(0, open)).trim();
    if (open >= 0 && !raw.endsWith(')'))
      return { error: `has a token with text after its ")" (${JSON.stringify(raw)})` };
    if (toolId === '' || /[\s()]/.test(toolId))
      return { error: `has a token without a valid tool id (${JSON.stringify(raw)})` };
    tokens.push(open < 0 ? { raw, toolId } : { raw, toolId, scope: raw.slice(open + 1, -1) });
  }
  return { tokens };
}

/** One allowed_tools entry of a DB-managed spec: a single bare tool id or matcher pattern. */
function allowedToolEntryError(field: string, entry: string): string | undefined {
  const quoted = JSON.stringify(entry);
  const token = entry.trim();
  if (token === '') return `${field}: must not be empty`;
  if (token !== entry) return `${field}: must not have leading or trailing whitespace (${quoted})`;
  const split = splitAllowedTools(token);
  if ('error' in split) return `${field}: ${split.error}`;
  const [first] = split.tokens;
  if (split.tokens.length !== 1 || !first || first.raw !== token)
    return `${field}: must be exactly one tool id, without spaces (${quoted})`;
  if (first.scope !== undefined)
    return `${field}: scoped tokens like "Bash(git status)" are not supported for DB-managed skills; use the bare tool id (${quoted})`;
  const patternError = toolPatternError(first.toolId);
  return patternError ? `${field}: invalid pattern ${quoted}: ${patternError}` : undefined;
}

/**
 * A rough stand-in for awaken's tool-pattern parser: `/regex/` must compile, and a glob must
 * close its `[` classes and not end in a lone backslash.
 */
function toolPatternError(toolId: string): string | undefined {
  if (toolId.startsWith('/')) {
    if (toolId.length < 2 || !toolId.endsWith('/')) return 'a regex must be written as /.../';
    try {
      new RegExp(toolId.slice(1, -1), 'u');
    } catch (error) {
      return errorMessage(error);
    }
    return undefined;
  }
  if (!/[*?[]/.test(toolId)) return undefined;
  if (/(^|[^\\])(\\\\)*\\$/.test(toolId)) return 'it ends with a dangling escape "\\"';
  let inClass = false;
  for (const ch of toolId) {
    if (ch === '[' && !inClass) inClass = true;
    else if (ch === ']' && inClass) inClass = false;
  }
  return inClass ? 'a "[" character class is never closed' : undefined;
}

// --- Small helpers -----------------------------------------------------------------------------

function argumentRecord(argument: SkillArgumentSpec): Record<string, unknown> {
  return argument.description === undefined
    ? { name: argument.name, required: argument.required }
    : { name: argument.name, description: argument.description, required: argument.required };
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);

/** Characters, not UTF-16 units, as Rust's chars().count() counts them. */
const length = (value: string) => [...value].length;

const tooLong = (field: string, max: number, actual: number) =>
  `${field}: must be at most ${max} characters (is ${actual})`;

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Date) return 'a date';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value} (${JSON.stringify(value)})`;
}
