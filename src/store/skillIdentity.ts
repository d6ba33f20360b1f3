import type { BundleSource } from '../bundle';
import type { SkillEntry } from './types';

// What a skill is, whatever it is named: where it came from. Its instance (configuration,
// secrets, /workspace), its stored record and the links to it all hang on this key.

/**
 * A skill's identity. From a URL, the URL and the skill's folder in it; dropped or picked, the
 * folder or archive it came in and the skill's folder inside that (`local:repo/skills/pdf`,
 * `local:pdf.skill`). Never the name alone: two skills of one name from two places are two skills,
 * and another host serving a skill of the same name inherits nothing.
 */
export function skillKey(source: BundleSource, rootName: string): string {
  switch (source.kind) {
    case 'example':
      return `example:${source.id}`;
    case 'url':
      // Without a path (kept before skills were found at any depth) the folder name stood for it.
      return `url:${source.url}#${source.path || rootName}`;
    case 'folder':
    case 'archive':
      return `local:${source.path ? `${source.name}/${source.path}` : source.name}`;
    case 'wasm':
    case 'skillspec':
      return `local:${source.name}`;
    case 'link':
      // Its content, not its name: a link's skill never takes over another's instance.
      return `link:${source.sha256}#${rootName}`;
  }
}

/**
 * The key an import from this skill's place would get now. A skill kept by an older version may
 * be stored under another key (`folder:<name>`); it is still the same place, and a new import
 * from there updates it rather than listing a second copy.
 */
export function sourceKeyOf(skill: Pick<SkillEntry, 'key' | 'source'>): string {
  return skill.source.kind === 'url' || skill.source.kind === 'link'
    ? skill.key
    : skillKey(skill.source, '');
}

/** Whether a listed skill came from the place this key names. */
export const sameSource = (skill: Pick<SkillEntry, 'key' | 'source'>, key: string): boolean =>
  skill.key === key || sourceKeyOf(skill) === key;

/** The listed skill that came from the place this key names, if any. */
export function findSameSource(skills: readonly SkillEntry[], key: string): SkillEntry | undefined {
  return skills.find((skill) => sameSource(skill, key));
}

/** For each skill that shares its name with others, those others: each is warned of the rest. */
export function sameNameSkills(skills: readonly SkillEntry[]): Map<string, SkillEntry[]> {
  const byName = new Map<string, SkillEntry[]>();
  for (const skill of skills) {
    const named = byName.get(skill.name) ?? [];
    named.push(skill);
    byName.set(skill.name, named);
  }
  const out = new Map<string, SkillEntry[]>();
  for (const named of byName.values()) {
    if (named.length < 2) continue;
    for (const skill of named)
      out.set(
        skill.key,
        named.filter((other) => other !== skill),
      );
  }
  return out;
}
