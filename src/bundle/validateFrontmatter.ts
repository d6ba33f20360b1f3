import { keyLine } from './skillMd';
import type { Diagnostic } from './types';

/** Agent Skills spec limits (agentskills.io/specification). */
export const NAME_MAX = 64;
export const DESCRIPTION_MAX = 1024;

/**
 * Checks the two fields every skill system agrees on: `name` and `description`.
 * The name rule is the spec's (skills-ref): NFKC, lowercase letters or digits and hyphens, no
 * leading, trailing or double hyphen, and equal to the folder name.
 */
export function validateFrontmatter(
  frontmatter: Record<string, unknown>,
  context: { rootName: string; text: string; file?: string },
): Diagnostic[] {
  const file = context.file ?? 'SKILL.md';
  const out: Diagnostic[] = [];
  const at = (key: string) => ({ file, line: keyLine(context.text, key) ?? 2, column: 1 });
  const error = (key: string, rule: string, message: string) =>
    out.push({ ...at(key), rule, severity: 'error', message });

  const name = frontmatter.name;
  if (name === undefined || name === null || name === '') {
    error(
      'name',
      'name-required',
      'The frontmatter needs a name: lowercase letters, digits and hyphens.',
    );
  } else if (typeof name !== 'string') {
    error('name', 'name-type', `name must be a string, not ${describeType(name)}.`);
  } else {
    const normalized = name.normalize('NFKC');
    if ([...normalized].length > NAME_MAX) {
      error(
        'name',
        'name-length',
        `name is ${[...normalized].length} characters; the limit is ${NAME_MAX}.`,
      );
    }
    if (normalized !== normalized.toLowerCase()) {
      error('name', 'name-lowercase', `name "${name}" must be lowercase.`);
    } else if (![...normalized].every((c) => c === '-' || /[\p{L}\p{N}]/u.test(c))) {
      error('name', 'name-charset', `name "${name}" may hold only letters, digits and hyphens.`);
    }
    if (normalized.startsWith('-') || normalized.endsWith('-')) {
      error('name', 'name-hyphen-edge', `name "${name}" must not start or end with a hyphen.`);
    }
    if (normalized.includes('--')) {
      error('name', 'name-double-hyphen', `name "${name}" must not contain "--".`);
    }
    if (context.rootName && normalized !== context.rootName.normalize('NFKC')) {
      error(
        'name',
        'name-folder-mismatch',
        `name "${name}" must equal the folder name "${context.rootName}".`,
      );
    }
  }

  const description = frontmatter.description;
  if (description === undefined || description === null || description === '') {
    error(
      'description',
      'description-required',
      'The frontmatter needs a description: what the skill does and when to use it.',
    );
  } else if (typeof description !== 'string') {
    error(
      'description',
      'description-type',
      `description must be a string, not ${describeType(description)}.`,
    );
  } else if (description.trim() === '') {
    error('description', 'description-required', 'description must not be blank.');
  } else if ([...description].length > DESCRIPTION_MAX) {
    error(
      'description',
      'description-length',
      `description is ${[...description].length} characters; the limit is ${DESCRIPTION_MAX}.`,
    );
  }
  return out;
}

function describeType(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Date) return 'a date';
  return typeof value === 'object' ? 'a mapping' : `a ${typeof value}`;
}
