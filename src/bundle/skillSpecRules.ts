// awaken's rules on the content of a skill's values, which JSON Schema cannot state in a way a
// person can act on: whitespace around values, the skill-name token, allowed-tools token syntax
// and patterns, and one value against another (argument names unique). The shapes are in
// skillSpecSchema.ts. Sources: awaken's validate_skill_spec and SKILL.md parsing
// (shared/reference/skill-formats.md, sections 5.2 and 5.3).
import { charCount, type FieldMessage, type Path } from './schemaMessages';

const ID_MAX = 64;

/**
 * The rules awaken's config write (validate_skill_spec) adds on top of serde, for a record whose
 * shape was checked apart: each value is looked at only when it has the right type, so a wrong
 * type is reported once, by the schema.
 */
export function skillSpecRuleErrors(record: Record<string, unknown>): FieldMessage[] {
  const errors: FieldMessage[] = [];
  const add = (path: Path, message: string | undefined) => {
    if (message) errors.push({ path, message });
  };
  const { id, name, description, instructions_md: instructions } = record;
  if (typeof id === 'string') for (const message of idErrors(id)) add(['id'], message);
  for (const [key, value] of [
    ['name', name],
    ['description', description],
    ['instructions_md', instructions],
  ] as const) {
    if (typeof value === 'string' && value.trim() === '') add([key], `${key}: must not be empty`);
  }
  for (const key of ['when_to_use', 'argument_hint', 'model_override']) {
    const value = record[key];
    if (typeof value === 'string' && value.trim() === '')
      add([key], `${key}: must not be empty when present`);
  }
  if (Array.isArray(record.arguments)) {
    const seen = new Set<string>();
    record.arguments.forEach((argument: unknown, i) => {
      if (typeof argument !== 'object' || argument === null) return;
      const { name: argName, description: argDescription } = argument as Record<string, unknown>;
      const field = `arguments[${i}]`;
      if (typeof argName === 'string') {
        const trimmed = argName.trim();
        const quoted = JSON.stringify(argName);
        if (trimmed === '') add(['arguments', i], `${field}.name: must not be empty`);
        else if (trimmed !== argName)
          add(
            ['arguments', i],
            `${field}.name: must not have leading or trailing whitespace (${quoted})`,
          );
        else if (seen.has(trimmed))
          add(['arguments', i], `${field}.name: duplicate argument name (${quoted})`);
        seen.add(trimmed);
      }
      if (typeof argDescription === 'string' && argDescription.trim() === '')
        add(['arguments', i], `${field}.description: must not be empty when present`);
    });
  }
  if (Array.isArray(record.allowed_tools)) {
    record.allowed_tools.forEach((tool: unknown, i) => {
      if (typeof tool === 'string')
        add(['allowed_tools', i], allowedToolEntryError(`allowed_tools[${i}]`, tool));
    });
  }
  // serde takes paths; awaken's config write refuses them until it can serve them.
  if (Array.isArray(record.paths) && record.paths.length > 0)
    add(['paths'], 'paths: must be empty; awaken does not support paths for DB-managed skills');
  return errors;
}

/** awaken's skill-name token rules, used for SKILL.md `name` and for SkillSpec `id`. */
export function skillNameErrors(field: string, value: string): string[] {
  const quoted = JSON.stringify(value);
  if (value === '') return [`${field}: must not be empty`];
  const errors: string[] = [];
  if (charCount(value) > ID_MAX) errors.push(tooLong(field, ID_MAX, charCount(value)));
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
export function splitAllowedTools(value: string): { tokens: ToolToken[] } | { error: string } {
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
      return error instanceof Error ? error.message : String(error);
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

export const tooLong = (field: string, max: number, actual: number) =>
  `${field}: must be at most ${max} characters (is ${actual})`;
