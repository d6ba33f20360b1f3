import { declaredConfigOf, type ConfigDeclaration, type ConfigDeclarations } from '../bundle';
import type { ConfigEntry } from '../runtime';
import type { SkillEntry } from './types';

const NONE: ConfigDeclarations = { keys: [], problems: [] };
const memo = new WeakMap<SkillEntry, ConfigDeclarations>();

/**
 * The keys a skill declares: in its files, and in what its get-metadata said once it loaded.
 * Kept per entry object, so a selector gets the same list until the skill changes.
 */
export function declaredConfigFor(skill: SkillEntry | undefined): ConfigDeclarations {
  if (!skill?.bundle || !skill.analysis) return NONE;
  let declared = memo.get(skill);
  if (!declared) {
    declared = declaredConfigOf(
      skill.bundle.files,
      {
        skillMd: skill.analysis.skillMd,
        ...(skill.analysis.capsule ? { capsuleEnv: skill.analysis.capsule.env } : {}),
      },
      skill.status === 'ready' ? skill.metadata?.config : undefined,
    );
    memo.set(skill, declared);
  }
  return declared;
}

/**
 * The configuration a run gets from what the form shows: rows without a key are left out; a
 * declared key left empty gets its declared default, or is left out when it has none. An astrid
 * capsule fills its defaults itself, as astrid_get_config does.
 */
export function effectiveConfig(
  config: readonly ConfigEntry[],
  declared: readonly ConfigDeclaration[],
  fillDefaults: boolean,
): ConfigEntry[] {
  const declaredKeys = new Map(declared.map((d) => [d.key, d]));
  const given = config.filter(
    (entry) => entry.key.trim() !== '' && !(declaredKeys.has(entry.key) && entry.value === ''),
  );
  if (!fillDefaults) return given;
  const defaults = declared
    .filter((d) => d.default !== undefined && !given.some((entry) => entry.key === d.key))
    .map((d) => ({ key: d.key, value: d.default!, secret: d.secret }));
  return [...given, ...defaults];
}

/**
 * The key a validate-config message is about: the longest configured key it names as a word.
 * Skills answer in a sentence ("greeting must not be empty"), so this is a best guess.
 */
export function keyNamedIn(message: string, keys: readonly string[]): string | undefined {
  const escape = (key: string) => key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return [...keys]
    .filter((key) => key.trim() !== '')
    .sort((a, b) => b.length - a.length)
    .find((key) => new RegExp(`(^|[^\\w-])${escape(key)}($|[^\\w-])`, 'i').test(message));
}
