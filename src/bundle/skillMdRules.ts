// What SKILL.md frontmatter keys mean, per system. Sources: the Agent Skills spec and skills-ref,
// Claude Code's skill docs, OpenSkills' manifest.rs/validator.rs, awaken's skill_md.rs, and
// skill-engine's skill_md.rs (see shared/reference/skill-formats.md, where the systems disagree).
import { keyLine, lineCount } from './skillMd';
import type { Diagnostic } from './types';

export type ValidationMode = 'spec' | 'permissive';

/** The keys the Agent Skills spec allows; skills-ref refuses any other. */
export const SPEC_KEYS = new Set([
  'name',
  'description',
  'license',
  'compatibility',
  'metadata',
  'allowed-tools',
]);

/** Extension keys real skills use, and which system reads each. */
export const EXTENSION_KEYS: Record<string, string> = {
  when_to_use: 'Claude Code',
  'argument-hint': 'Claude Code, awaken',
  arguments: 'Claude Code, awaken',
  'disable-model-invocation': 'Claude Code, awaken',
  'user-invocable': 'Claude Code, awaken, OpenSkills',
  model: 'Claude Code, awaken, OpenSkills',
  effort: 'Claude Code',
  context: 'Claude Code, awaken, OpenSkills',
  agent: 'Claude Code, OpenSkills',
  hooks: 'Claude Code, OpenSkills',
  paths: 'Claude Code, awaken',
  shell: 'Claude Code',
  'when-to-use': 'awaken',
  requires: 'OpenSkills',
  actions: 'OpenSkills',
};

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isBool = (v: unknown) => typeof v === 'boolean';

/**
 * Checks every key beyond name and description: its type for the systems that read it, unknown
 * keys (errors in spec mode, warnings otherwise), and the platform rules Claude applies.
 */
export function checkFrontmatterKeys(
  fm: Record<string, unknown>,
  context: { text: string; body: string; mode: ValidationMode; file?: string },
): Diagnostic[] {
  const file = context.file ?? 'SKILL.md';
  const out: Diagnostic[] = [];
  const add = (key: string, rule: string, severity: Diagnostic['severity'], message: string) =>
    out.push({ file, line: keyLine(context.text, key) ?? 2, column: 1, rule, severity, message });

  for (const key of Object.keys(fm)) {
    if (SPEC_KEYS.has(key)) continue;
    if (key in EXTENSION_KEYS) {
      // Permissive mode accepts it, but still says so in the list: a skill that relies on an
      // extension behaves differently in a system that only follows the spec.
      add(
        key,
        'key-not-in-spec',
        context.mode === 'spec' ? 'error' : 'warning',
        `"${key}" is an extension (${EXTENSION_KEYS[key]}), not part of the Agent Skills spec${context.mode === 'spec' ? '' : ': systems that follow only the spec ignore or refuse it'}.`,
      );
      continue;
    }
    add(
      key,
      'key-unknown',
      context.mode === 'spec' ? 'error' : 'warning',
      `"${key}" is not part of the Agent Skills spec nor of any extension the playground knows.`,
    );
  }

  if ('license' in fm && typeof fm.license !== 'string')
    add('license', 'license-type', 'error', 'license must be a string.');
  const compat = fm.compatibility;
  if (compat !== undefined) {
    if (typeof compat === 'string') {
      if (compat.trim() === '')
        add('compatibility', 'compatibility-empty', 'error', 'compatibility must not be empty.');
      else if ([...compat].length > 500)
        add(
          'compatibility',
          'compatibility-length',
          'error',
          `compatibility is ${[...compat].length} characters; the limit is 500.`,
        );
    } else if (isRecord(compat) && context.mode === 'permissive') {
      add(
        'compatibility',
        'compatibility-object',
        'info',
        'compatibility is an object: OpenSkills reads it so; the spec and awaken want a string.',
      );
    } else {
      add(
        'compatibility',
        'compatibility-type',
        'error',
        'compatibility must be a string (at most 500 characters).',
      );
    }
  }
  const metadata = fm.metadata;
  if (metadata !== undefined) {
    if (!isRecord(metadata))
      add('metadata', 'metadata-type', 'error', 'metadata must be a mapping of keys to strings.');
    else {
      const nonString = Object.entries(metadata)
        .filter(([, v]) => typeof v !== 'string')
        .map(([k]) => k);
      if (nonString.length > 0) {
        add(
          'metadata',
          'metadata-values',
          context.mode === 'spec' ? 'error' : 'warning',
          `metadata values must be strings (awaken refuses others): ${nonString.join(', ')}.`,
        );
      }
    }
  }
  const tools = fm['allowed-tools'];
  if (tools !== undefined) {
    if (Array.isArray(tools)) {
      add(
        'allowed-tools',
        'allowed-tools-list',
        context.mode === 'spec' ? 'error' : 'warning',
        'allowed-tools is a list: OpenSkills and Claude Code accept that; the spec, awaken and skill-engine want a space-separated string.',
      );
    } else if (typeof tools !== 'string')
      add('allowed-tools', 'allowed-tools-type', 'error', 'allowed-tools must be a string.');
  }

  // Extensions, checked for the systems that read them.
  for (const key of ['disable-model-invocation', 'user-invocable']) {
    if (key in fm && !isBool(fm[key]))
      add(key, `${key}-type`, 'error', `${key} must be true or false.`);
  }
  if ('context' in fm && fm.context !== 'fork' && fm.context !== 'inline') {
    add(
      'context',
      'context-value',
      'error',
      `context must be "fork" (or "inline" for awaken), not ${JSON.stringify(fm.context)}.`,
    );
  }
  for (const key of ['when_to_use', 'when-to-use', 'argument-hint', 'model', 'agent']) {
    if (key in fm && (typeof fm[key] !== 'string' || (fm[key] as string).trim() === '')) {
      add(key, `${key}-type`, 'error', `${key} must be a non-empty string.`);
    }
  }
  if ('arguments' in fm) {
    const args = fm.arguments;
    const listOfMaps =
      Array.isArray(args) &&
      args.every((a) => isRecord(a) && typeof a.name === 'string' && a.name !== '');
    if (!listOfMaps && typeof args !== 'string') {
      add(
        'arguments',
        'arguments-type',
        'error',
        'arguments must be a list of {name, description, required}, or a space-separated string.',
      );
    } else if (typeof args === 'string') {
      add(
        'arguments',
        'arguments-string',
        'info',
        'arguments is a string: Claude Code reads it; awaken wants a list of {name, description, required}.',
      );
    }
  }
  if ('hooks' in fm && !isRecord(fm.hooks))
    add('hooks', 'hooks-type', 'error', 'hooks must be a mapping of events to lists of hooks.');
  if ('requires' in fm && !isRecord(fm.requires))
    add('requires', 'requires-type', 'error', 'requires must be a mapping (bins, env, ...).');
  if ('paths' in fm && typeof fm.paths !== 'string' && !Array.isArray(fm.paths)) {
    add('paths', 'paths-type', 'error', 'paths must be a string or a list of globs.');
  }

  // Platform rules (Claude API and claude.ai), as warnings.
  const name = typeof fm.name === 'string' ? fm.name : '';
  const description = typeof fm.description === 'string' ? fm.description : '';
  if (/anthropic|claude/i.test(name)) {
    add(
      'name',
      'name-reserved-word',
      'warning',
      `name "${name}" contains a reserved word (anthropic, claude): Claude refuses it.`,
    );
  }
  if (/[<>]/.test(name) || /[<>]/.test(description)) {
    add(
      /[<>]/.test(name) ? 'name' : 'description',
      'angle-brackets',
      'warning',
      'name and description must not contain "<" or ">" (no XML tags): Claude and OpenSkills refuse them.',
    );
  }
  const bodyLines = lineCount(context.body);
  if (bodyLines > 500) {
    out.push({
      file,
      rule: 'body-length',
      severity: 'warning',
      message: `The body is ${bodyLines} lines; keep SKILL.md under 500 lines and move detail into referenced files.`,
    });
  }
  return out;
}

export type Target = 'Agent Skills spec' | 'Claude' | 'OpenSkills' | 'awaken' | 'skill-engine';

export interface Compatibility {
  target: Target;
  accepts: boolean;
  reasons: string[];
}

/** Which systems would load this skill, and why not where they would not. */
export function compatibility(
  fm: Record<string, unknown> | null,
  rootName: string,
): Compatibility[] {
  const line = (target: Target, reasons: string[], notes: string[] = []): Compatibility => ({
    target,
    accepts: reasons.length === 0,
    reasons: reasons.length > 0 ? reasons : notes,
  });
  if (!fm) {
    const none = ['SKILL.md has no readable frontmatter.'];
    return (
      ['Agent Skills spec', 'Claude', 'OpenSkills', 'awaken', 'skill-engine'] as Target[]
    ).map((t) => line(t, none));
  }
  const name = typeof fm.name === 'string' ? fm.name : '';
  const description = typeof fm.description === 'string' ? fm.description : '';
  const tools = fm['allowed-tools'];
  const unknown = Object.keys(fm).filter((k) => !SPEC_KEYS.has(k));
  const nfkcName = name.normalize('NFKC');
  const nameOk =
    nfkcName !== '' &&
    nfkcName.length <= 64 &&
    nfkcName === nfkcName.toLowerCase() &&
    /^[\p{L}\p{N}]+(-[\p{L}\p{N}]+)*$/u.test(nfkcName);
  const asciiNameOk = /^[a-z0-9]+(-[a-z0-9]+)*$/.test(name) && name.length <= 64;
  const folderMatch = nfkcName === rootName.normalize('NFKC');
  const metadataStrings =
    fm.metadata === undefined ||
    (isRecord(fm.metadata) && Object.values(fm.metadata).every((v) => typeof v === 'string'));

  const spec: string[] = [];
  if (!nameOk) spec.push('name is not lowercase letters, digits and single hyphens (at most 64).');
  if (!folderMatch) spec.push(`name must equal the folder name "${rootName}".`);
  if (!description.trim() || description.length > 1024)
    spec.push('description must be 1 to 1024 characters.');
  if (unknown.length > 0) spec.push(`keys outside the spec: ${unknown.join(', ')}.`);
  if (fm.compatibility !== undefined && typeof fm.compatibility !== 'string')
    spec.push('compatibility must be a string.');
  if (!metadataStrings) spec.push('metadata values must be strings.');
  if (tools !== undefined && typeof tools !== 'string')
    spec.push('allowed-tools must be a string.');

  const claude: string[] = [];
  if (!description.trim()) claude.push('description is empty.');
  if (/anthropic|claude/i.test(name))
    claude.push('name contains a reserved word (anthropic, claude).');
  if (/[<>]/.test(name + description)) claude.push('name or description contains "<" or ">".');

  const openskills: string[] = [];
  const openNotes: string[] = [];
  if (!asciiNameOk) openskills.push('name must match ^[a-z0-9-]+$ without edge or double hyphens.');
  if (['anthropic', 'claude', 'skill', 'system'].includes(name))
    openskills.push(`"${name}" is a reserved name.`);
  if (/[<>]/.test(name + description)) openskills.push('name or description contains "<" or ">".');
  if (fm.context !== undefined && fm.context !== 'fork')
    openskills.push('context must be "fork" if present.');
  if (typeof fm.compatibility === 'string') {
    openNotes.push(
      'compatibility as a string fails its typed parse, which then keeps only name and description: allowed-tools and the rest are lost.',
    );
  }
  if (!folderMatch) openNotes.push(`name is replaced by the folder name "${rootName}".`);

  const awaken: string[] = [];
  const awakenNotes: string[] = [];
  if (!nameOk) awaken.push('name is not lowercase letters, digits and single hyphens.');
  if (!folderMatch) awaken.push(`name must equal the folder name "${rootName}".`);
  if (!description.trim() || description.length > 1024)
    awaken.push('description must be 1 to 1024 characters.');
  if (tools !== undefined && typeof tools !== 'string')
    awaken.push('allowed-tools must be a string, not a list.');
  if (!metadataStrings) awaken.push('metadata values must be strings.');
  if (fm.compatibility !== undefined && typeof fm.compatibility !== 'string')
    awaken.push('compatibility must be a string.');
  if (typeof fm.arguments === 'string')
    awaken.push('arguments must be a list of {name, description, required}.');
  if (fm.context !== undefined && fm.context !== 'fork' && fm.context !== 'inline')
    awaken.push('context must be inline or fork.');
  if ('when_to_use' in fm && !('when-to-use' in fm))
    awakenNotes.push('when_to_use is ignored: awaken reads when-to-use.');

  const engine: string[] = [];
  if (!name || !description) engine.push('name and description are required.');
  if (tools !== undefined && typeof tools !== 'string')
    engine.push('allowed-tools as a list fails its parse, and SKILL.md is dropped with a warning.');

  return [
    line('Agent Skills spec', spec),
    line('Claude', claude),
    line('OpenSkills', openskills, openNotes),
    line('awaken', awaken, awakenNotes),
    line('skill-engine', engine),
  ];
}
