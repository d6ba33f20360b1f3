import { errorMessage } from '../errors';
import {
  findSkills,
  readFoundManifests,
  type Bundle,
  summarizeImport,
  type Found,
  type FoundSkill,
  type PickedFile,
} from '../bundle';
import { dropFileEdits } from './fileEdits';
import { keepFoundSkills } from './keepSkill';
import { notify, notifyImport } from './notices';
import { openSkill } from './openSkill';
import { usePlayground } from './playgroundStore';
import { sameSource, skillKey } from './skillIdentity';
import { analyze } from './skills';
import type { SkillEntry } from './types';

// Adding what the person dropped or picked: every skill found is listed from its SKILL.md alone,
// its other files read when it is opened, and kept for the next visit in the background. One
// notice says what was found and what was not.

/** Adds the skills in what was dropped or picked; one from a place already listed updates it. */
export async function addPicked(picked: PickedFile[]): Promise<void> {
  if (picked.length === 0) {
    notifyImport({
      message: 'Nothing to open: the drop held no files.',
      tone: 'error',
      details: [],
    });
    return;
  }
  let found: Found;
  try {
    found = await findSkills(picked);
  } catch (error) {
    notify(`The files could not be read: ${errorMessage(error)}`);
    return;
  }
  const { keys, updated, keep } = await listFound(found.skills);
  notifyImport(summarizeImport(found, updated));
  // After the notice of what was found, so a skill that cannot be kept is said after it.
  void keepFoundSkills(keep);
  // Read by npm run bench: when a large checkout was listed.
  performance.mark('picked-listed');
  if (keys[0]) await openSkill(keys[0]);
}

interface Listed {
  key: string;
  skill: FoundSkill;
  entry: SkillEntry;
  /** A skill from the same place was listed already and is replaced by this one. */
  replaces: boolean;
}

/**
 * Lists found skills, all at once, from their SKILL.md (or Capsule.toml) alone. A skill from a
 * place already listed takes that entry's place and key (and drops its edits, as a new copy
 * replaces the old); a skill that only shares a name is listed beside the other. Which place is
 * already listed is decided as the list changes, so skills kept from an earlier visit that are
 * listed meanwhile are found too.
 */
async function listFound(
  skills: FoundSkill[],
): Promise<{ keys: string[]; updated: string[]; keep: Parameters<typeof keepFoundSkills>[0] }> {
  const manifests = await readFoundManifests(skills);
  const read = skills.map((skill, i) => listingOf(skill, manifests[i]!));
  const listed: Listed[] = [];
  usePlayground.setState((s) => {
    const list = [...s.skills];
    const runs = { ...s.runs };
    listed.length = 0;
    for (const { skill, name, description } of read) {
      const natural = skillKey(skill.source, skill.rootName);
      const at = list.findIndex((other) => sameSource(other, natural));
      const before = at < 0 ? undefined : list[at];
      const key = before?.key ?? natural;
      const entry: SkillEntry = {
        key,
        source: skill.source,
        name,
        description,
        status: 'listed',
        stored: before?.stored ?? false,
        storedRoot: skill.rootName,
        needsConsent: false,
        unread: skill,
      };
      if (before) {
        list[at] = entry;
        delete runs[key];
      } else list.push(entry);
      listed.push({ key, skill, entry, replaces: before !== undefined });
    }
    return { skills: list, runs };
  });
  // Gone before the skill is opened and its edits are read.
  await Promise.all(listed.filter((l) => l.replaces).map((l) => dropFileEdits(l.key)));
  return {
    keys: listed.map((l) => l.key),
    updated: listed.filter((l) => l.replaces).map((l) => l.entry.name),
    keep: listed.map(({ key, skill, entry }) => ({
      key,
      skill,
      name: entry.name,
      description: entry.description,
    })),
  };
}

/** A found skill's name and description, from its SKILL.md (or Capsule.toml) alone. */
function listingOf(
  skill: FoundSkill,
  manifest: Bundle,
): { skill: FoundSkill; name: string; description: string } {
  try {
    const { name, description } = analyze(manifest);
    return { skill, name, description };
  } catch {
    // Listed by its folder name; opening it reads its files again and says what is wrong.
    return { skill, name: skill.rootName, description: '' };
  }
}
