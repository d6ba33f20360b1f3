import { createStore, del, get, set } from 'idb-keyval';
import { DATABASES } from './keys';

// Edits made in the editor are kept apart from a skill's files, per skill: an example's files come
// from the server on every load and a dropped skill's stay as they came, so one overlay serves
// both, and reverting a file is dropping its entry.

interface StoredEdits {
  version: 1;
  files: Array<[path: string, bytes: Uint8Array]>;
}

let store: ReturnType<typeof createStore> | undefined;
const edits = () => (store ??= createStore(DATABASES.fileEdits.db, DATABASES.fileEdits.store));

/** The edited files of a skill (path to bytes); empty when there are none or they are unreadable. */
export async function loadFileEdits(skillKey: string): Promise<Map<string, Uint8Array>> {
  const stored = await get<StoredEdits>(skillKey, edits());
  return stored?.version === 1 && Array.isArray(stored.files) ? new Map(stored.files) : new Map();
}

/** Replaces a skill's edits; an empty map removes the record. */
export async function saveFileEdits(
  skillKey: string,
  files: Map<string, Uint8Array>,
): Promise<void> {
  if (files.size === 0) await del(skillKey, edits());
  else await set(skillKey, { version: 1, files: [...files] } satisfies StoredEdits, edits());
}
