import { errorMessage } from '../errors';
import { analyzeBundle, type ValidationMode } from '../bundle';
import { saveSettings } from '../storage';
import { notify } from './notices';
import { usePlayground } from './playgroundStore';
import { getServices } from './services';
import { filesOf } from './skillEntry';

const { setState } = usePlayground;

/** Judges every open skill again under the other validation mode. */
export function setValidationMode(mode: ValidationMode): void {
  saveSettings({ version: 1, validationMode: mode });
  setState((s) => ({
    validationMode: mode,
    skills: s.skills.map((skill) => {
      const files = filesOf(skill);
      return files ? { ...skill, analysis: analyzeBundle(files.bundle, mode) } : skill;
    }),
  }));
}

/**
 * Refreshes the figures once jco's output for a new component has been written: the host writes
 * it to IndexedDB in the background, which on a busy machine can take seconds, so look again a
 * few times (0.5 s to 8 s) until the count has grown.
 */
export async function refreshCacheStatsAfterWrite(): Promise<void> {
  const before = usePlayground.getState().cacheStats?.entries ?? 0;
  for (const delay of [500, 1_000, 2_000, 4_000, 8_000]) {
    await new Promise((resolve) => setTimeout(resolve, delay));
    await refreshCacheStats();
    if ((usePlayground.getState().cacheStats?.entries ?? 0) > before) return;
  }
}

export async function refreshCacheStats(): Promise<void> {
  try {
    setState({ cacheStats: await getServices().transpileCache.stats() });
  } catch {
    setState({ cacheStats: undefined });
  }
}

/** Empties the transpile cache: the next load of every component runs jco again. */
export async function clearTranspileCache(): Promise<void> {
  try {
    await getServices().transpileCache.clear();
    notify(
      'The transpile cache is empty: components are transpiled again when next opened.',
      'info',
    );
  } catch (error) {
    notify(`The transpile cache could not be cleared: ${errorMessage(error)}`);
  }
  await refreshCacheStats();
}

/** Reads how much this origin stores in the browser, for the sidebar. */
export async function refreshStorageUse(): Promise<void> {
  const storage = await getServices()
    .storageUse()
    .catch(() => undefined);
  setState({ storage });
}
