import type { BundleSource, Diagnostic } from '../bundle';
import type { SkillEntry } from '../store';

// Where a skill came from, in words: what tells two skills of one name apart.

/** The whole of it, for the skill's own page: "Folder repo/skills/pdf", "Archive x.zip › skills/pdf". */
export function sourceLabel(source: BundleSource): string {
  switch (source.kind) {
    case 'example':
      return 'Built-in example';
    case 'folder':
      return `Folder ${sourcePlace(source)}`;
    case 'wasm':
      return `File ${source.name}`;
    case 'skillspec':
      return `SkillSpec ${source.name}`;
    case 'archive':
      return `Archive ${sourcePlace(source)}`;
    case 'url':
      return `From ${source.url}${source.path ? ` › ${source.path}` : ''}`;
    case 'link':
      return `Carried inside a share link (${source.name})`;
  }
}

/** Just the place, for the list: "repo/skills/pdf", "x.zip › skills/pdf", "host/path/x.zip". */
export function sourcePlace(source: BundleSource): string {
  switch (source.kind) {
    case 'example':
      return 'built-in example';
    case 'folder':
      return source.path ? `${source.name}/${source.path}` : source.name;
    case 'archive':
      return source.path ? `${source.name} › ${source.path}` : source.name;
    case 'url': {
      const where = hostAndPath(source.url);
      return source.path ? `${where} › ${source.path}` : where;
    }
    case 'wasm':
    case 'skillspec':
      return source.name;
    case 'link':
      return `share link › ${source.name}`;
  }
}

function hostAndPath(href: string): string {
  try {
    const url = new URL(href);
    return `${url.host}${url.pathname}`;
  } catch {
    return href;
  }
}

/** The warning a skill carries while another listed skill has its name, naming where that one is from. */
export function sameNameWarning(
  skill: SkillEntry,
  skills: readonly SkillEntry[],
): Diagnostic | undefined {
  const others = skills.filter((other) => other.name === skill.name && other.key !== skill.key);
  if (others.length === 0) return undefined;
  return {
    file: '.',
    rule: 'name-shared',
    severity: 'warning',
    message: `Another skill is named ${skill.name} too, from ${others.map((o) => sourcePlace(o.source)).join('; ')}: both are kept, told apart by where they came from.`,
  };
}
