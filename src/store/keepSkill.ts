import { errorMessage } from '../errors';
import { readFoundSkill, type Bundle, type FoundSkill } from '../bundle';
import { isQuotaExceeded } from '../storage';
import { notify } from './notices';
import { getServices } from './services';
import { refreshStorageUse } from './settings';
import { getSkill, setSkill } from './skills';

// Keeping skills for the next visit. A full disk costs only persistence, never the skill.

/** How many dropped skills are read and written to IndexedDB at once, in the background. */
const KEEP_AT_ONCE = 2;

/** Keeps a dropped or fetched skill in IndexedDB, and marks it kept. */
export async function keepSkill(
  key: string,
  bundle: Bundle,
  listed: { name: string; description: string },
  options: { sourceSha256?: string; refresh?: boolean } = {},
): Promise<void> {
  const bytes = [...bundle.files.values()].reduce((sum, b) => sum + b.byteLength, 0);
  try {
    await getServices().saveSkill(
      {
        version: 2,
        key,
        source: bundle.source,
        rootName: bundle.rootName,
        name: listed.name,
        description: listed.description,
        bytes,
        addedAt: Date.now(),
        ...(options.sourceSha256 ? { sourceSha256: options.sourceSha256 } : {}),
      },
      bundle.files,
    );
    setSkill(key, (skill) => ({ ...skill, stored: true }));
  } catch (error) {
    const full = isQuotaExceeded(error);
    notify(
      full
        ? `The browser storage is full: ${bundle.rootName} is open for this page only and will be gone after a reload. Remove skills or clear the transpile cache to make room.`
        : `${bundle.rootName} could not be kept for the next visit: ${errorMessage(error)}`,
    );
  }
  if (options.refresh !== false) void refreshStorageUse();
}

/**
 * Keeps skills just dropped or picked, a few at a time, after they are listed: each one's files
 * are read, written and let go, so a checkout of 500 skills lists at once and never sits in
 * memory whole. A skill removed or dropped again meanwhile is skipped.
 */
export async function keepFoundSkills(
  found: Array<{ key: string; skill: FoundSkill; name: string; description: string }>,
): Promise<void> {
  const queue = [...found];
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      if (getSkill(next.key)?.unread !== next.skill) continue;
      let bundle: Bundle;
      try {
        bundle = await readFoundSkill(next.skill);
      } catch (error) {
        notify(
          `${next.skill.rootName} could not be kept for the next visit: ${errorMessage(error)}`,
        );
        continue;
      }
      await keepSkill(next.key, bundle, next, { refresh: false });
    }
  };
  await Promise.all(Array.from({ length: KEEP_AT_ONCE }, worker));
  void refreshStorageUse();
}
