import { errorMessage } from '../errors';
import { fetchIndexSkills, UrlLoadError, type UrlLoadProgress } from '../bundle';
import { notify } from './notices';
import { openSkill } from './openSkill';
import { usePlayground } from './playgroundStore';
import { addBundle, CANCELLED, type UrlLoad } from './skillList';

// The skills a site's Agent Skills index offers: the person picks some, they are fetched and
// checked against their digests, and only then listed. Nothing of them runs before a click.

/**
 * Fetches the skills picked from the offered index and adds them, each identified by its
 * artifact's URL. A refused artifact (a digest that does not match, an unsafe archive) imports
 * none of them; the failure is returned for the picker to show, and the offer stays open.
 */
export async function openIndexSkills(
  names: readonly string[],
  options: { signal?: AbortSignal; onProgress?: (progress: UrlLoadProgress) => void } = {},
): Promise<UrlLoad> {
  const index = usePlayground.getState().offeredIndex;
  if (!index) return { ok: false, message: 'No index is offered.', retryable: false };
  let fetched;
  try {
    fetched = await fetchIndexSkills(index, names, options);
  } catch (error) {
    if (error instanceof UrlLoadError && error.code === 'Cancelled') return CANCELLED;
    return {
      ok: false,
      message: errorMessage(error),
      retryable: error instanceof UrlLoadError && error.retryable,
    };
  }
  // A Cancel pressed as the last bytes arrived still means: import nothing.
  if (options.signal?.aborted) return CANCELLED;
  usePlayground.setState({ offeredIndex: null });
  for (const note of fetched.notes) notify(note, 'info');
  const added = await Promise.all(
    fetched.bundles.map((bundle) => addBundle(bundle, { needsConsent: true })),
  );
  if (added[0]) await openSkill(added[0].key);
  return { ok: true };
}

/** Closes the offer without fetching anything. */
export function dismissIndex(): void {
  usePlayground.setState({ offeredIndex: null });
}
