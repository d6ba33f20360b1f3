import { historyFile, readHistoryFile } from '../storage';
import { failureText, historyChanged, historyOf, patchHistory, pruneNotice } from './history';
import { DEFAULT_HISTORY_BOUNDS } from '../storage';
import { usePlayground } from './playgroundStore';
import { getServices } from './services';
import { getSkill } from './skills';

/**
 * A skill's history (or the runs chosen) as the text of a versioned JSON file. Kept runs hold no
 * secret (store/history), so the file holds none either.
 */
export async function exportHistory(
  key: string,
  ids?: string[],
): Promise<{ fileName: string; text: string }> {
  const chosen = ids ?? historyOf(key).runs.map((run) => run.id);
  const runs = await getServices().history.getMany(key, chosen);
  const name = getSkill(key)?.name ?? 'skill';
  return {
    fileName: `history-${name}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`,
    text: JSON.stringify(historyFile(name, runs), null, 2),
  };
}

/**
 * Brings an exported history back into this skill's. A file that cannot be read is refused whole,
 * with a sentence saying why; a run already kept (same id) is kept once.
 */
export async function importHistory(key: string, text: string): Promise<void> {
  const read = readHistoryFile(text);
  if (!read.ok) {
    return patchHistory(key, { notice: { tone: 'error', text: read.reason } });
  }
  const runs = read.file.runs.map((run) => ({ ...run, skillKey: key }));
  try {
    const report = await getServices().history.addMany(runs, key, {
      ...DEFAULT_HISTORY_BOUNDS,
      maxRuns: usePlayground.getState().historyMaxRuns,
    });
    const n = runs.length;
    const imported = `Imported ${n} run${n === 1 ? '' : 's'} from the history of ${read.file.skillName}.`;
    const pruned = pruneNotice(report);
    patchHistory(key, {
      notice: { tone: 'info', text: pruned ? `${imported} ${pruned.text}` : imported },
    });
  } catch (error) {
    patchHistory(key, { notice: { tone: 'error', text: failureText(error) } });
  }
  await historyChanged(key);
}
