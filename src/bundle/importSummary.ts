import { MAX_SKILL_DEPTH, type SkipReason } from './discoverSkills';
import type { Found, SkippedItem } from './findSkills';

// The one notice after a drop, a pick or a fetch: what was found and what was not, in a line,
// with everything skipped listed beneath it.

export interface ImportSummary {
  message: string;
  tone: 'info' | 'error';
  /** Everything skipped, one line each, for a list the person can open. */
  details: string[];
}

/** Past this many lines the list of what was skipped ends with a count of the rest. */
const MAX_DETAILS = 300;
/** Names shown in the one line, per kind of thing skipped. */
const NAMES_INLINE = 3;

const KINDS: ReadonlyArray<{ reason: SkipReason; one: string; many: string; why: string }> = [
  {
    reason: 'no-skill',
    one: 'folder without a skill',
    many: 'folders without a skill',
    why: 'no SKILL.md (nor skill.wasm) in it',
  },
  {
    reason: 'outside',
    one: 'file outside any skill',
    many: 'files outside any skill',
    why: 'a file in no skill',
  },
  {
    reason: 'too-deep',
    one: `folder deeper than ${MAX_SKILL_DEPTH} levels`,
    many: `folders deeper than ${MAX_SKILL_DEPTH} levels`,
    why: `deeper than ${MAX_SKILL_DEPTH} levels: not searched`,
  },
  {
    reason: 'not-searched',
    one: 'folder not searched',
    many: 'folders not searched',
    why: 'not searched (never part of a skill)',
  },
];

/**
 * "17 skills found in anthropics-skills; skipped: 3 folders without a skill (scripts/, docs/,
 * .github/)", and the whole list of what was skipped. `updated` names the skills that were
 * already open from the same place and were replaced by this copy.
 */
export function summarizeImport(
  found: Pick<Found, 'skills' | 'searched' | 'skipped' | 'problems'>,
  updated: string[] = [],
): ImportSummary {
  const several = new Set(found.skipped.map((s) => s.in)).size > 1 || found.searched.length > 1;
  const label = (item: SkippedItem) => {
    const path = item.path === '' ? `${item.in}/` : item.path;
    return several && item.path !== '' ? `${item.in}: ${path}` : path;
  };
  const count = found.skills.length;
  const where = listNames(found.searched, 3);
  let message =
    count === 0
      ? `No skill found${where ? ` in ${where}` : ''}`
      : `${count} ${count === 1 ? 'skill' : 'skills'} found${where ? ` in ${where}` : ''}`;
  if (updated.length > 0) {
    const one = updated.length === 1;
    message += `; ${listNames(updated, NAMES_INLINE)} ${one ? 'was' : 'were'} opened before from the same place and ${one ? 'is' : 'are'} updated`;
  }
  const parts: string[] = [];
  const details: string[] = [];
  for (const kind of KINDS) {
    const items = found.skipped.filter((s) => s.reason === kind.reason);
    if (items.length === 0) continue;
    const names = items.map(label);
    const shown =
      names.slice(0, NAMES_INLINE).join(', ') + (names.length > NAMES_INLINE ? ', …' : '');
    parts.push(`${items.length} ${items.length === 1 ? kind.one : kind.many} (${shown})`);
    details.push(...names.map((name) => `${name}: ${kind.why}`));
  }
  if (parts.length > 0) message += `; skipped: ${parts.join(', ')}`;
  if (count === 0 && found.skipped.some((s) => s.reason !== 'not-searched')) {
    message += '. A skill is a folder with a SKILL.md';
  }
  message += '.';
  if (found.problems.length > 0) message += ` ${found.problems.join(' ')}`;
  const overflow = details.length - MAX_DETAILS;
  return {
    message,
    tone: count === 0 || found.problems.length > 0 ? 'error' : 'info',
    details: overflow > 0 ? [...details.slice(0, MAX_DETAILS), `… and ${overflow} more`] : details,
  };
}

/** "a", "a and b", "a, b and c", "a, b and 4 more". */
function listNames(names: string[], max: number): string {
  if (names.length <= 1) return names[0] ?? '';
  if (names.length <= max) return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
  return `${names.slice(0, max - 1).join(', ')} and ${names.length - max + 1} more`;
}
