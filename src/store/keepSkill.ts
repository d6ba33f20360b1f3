import { errorMessage } from '../errors';
import type { Bundle, FoundSkill } from '../bundle';
import { isQuotaExceeded } from '../storage';
import { notify } from './notices';
import { getServices } from './services';
import { refreshStorageUse } from './settings';
import { getSkill, setSkill } from './skills';

// Keeping skills for the next visit. A full disk costs only persistence, never the skill.

/** How many dropped skills are read and written to IndexedDB at once, in the background. */
const KEEP_AT_ONCE = 2;

/** What is kept of a skill: its files as bytes, or as the Blobs a drop or an archive gave. */
type Kept = Pick<Bundle, 'rootName' | 'source'> & { files: ReadonlyMap<string, Uint8Array | Blob> };

/** Keeps a dropped or fetched skill in IndexedDB, and marks it kept. */
export async function keepSkill(
  key: string,
  bundle: Kept,
  listed: { name: string; description: string },
  options: { sourceSha256?: string; refresh?: boolean } = {},
): Promise<void> {
  const bytes = [...bundle.files.values()].reduce(
    (sum, b) => sum + (b instanceof Blob ? b.size : b.byteLength),
    0,
  );
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
 * Keeps skills just dropped or picked, a few at a time, after they are listed. Their files go to
 * IndexedDB as the Blobs the drop gave, which the browser copies apart from the page: the page
 * reads none of them, so a checkout of 500 skills lists at once and never sits in memory whole,
 * and a 10 MB SKILL.md costs the page nothing to keep. A file changed on disk since it was picked
 * fails the write, which says so. A skill removed or dropped again meanwhile is skipped.
 */
export async function keepFoundSkills(
  found: Array<{ key: string; skill: FoundSkill; name: string; description: string }>,
): Promise<void> {
  const queue = [...found];
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      if (getSkill(next.key)?.unread !== next.skill) continue;
      const { rootName, source, files } = next.skill;
      // In path order, as a bundle read from them would be.
      const sorted = new Map([...files].sort(([a], [b]) => a.localeCompare(b)));
      await keepSkill(next.key, { rootName, source, files: sorted }, next, { refresh: false });
    }
  };
  await Promise.all(Array.from({ length: KEEP_AT_ONCE }, worker));
  void refreshStorageUse();
}
