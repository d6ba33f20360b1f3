import { isStoredObject, isString } from './guards';
import { isHistoryRun, type HistoryRun } from './historyRecord';
import { readRecord, type RecordFormat } from './readRecord';

export const HISTORY_FILE_FORMAT = 'skill-playground-history';

/** An exported history: a versioned JSON file, read back only through `readHistoryFile`. */
export interface HistoryFile {
  format: typeof HISTORY_FILE_FORMAT;
  version: 1;
  skillName: string;
  exportedAt: string;
  runs: HistoryRun[];
}

// Version 1 is the first: nothing to migrate yet.
const historyFileFormat: RecordFormat<HistoryFile> = {
  version: 1,
  guard: (value): value is HistoryFile =>
    isStoredObject(value) &&
    value.format === HISTORY_FILE_FORMAT &&
    value.version === 1 &&
    isString(value.skillName) &&
    isString(value.exportedAt) &&
    Array.isArray(value.runs) &&
    value.runs.every(isHistoryRun),
};

export function historyFile(skillName: string, runs: HistoryRun[], now = new Date()): HistoryFile {
  return {
    format: HISTORY_FILE_FORMAT,
    version: 1,
    skillName,
    exportedAt: now.toISOString(),
    runs,
  };
}

export type HistoryFileRead = { ok: true; file: HistoryFile } | { ok: false; reason: string };

/**
 * Reads an exported history's text. A file that is not JSON, not a history, from a newer
 * playground, or with a run missing its fields is refused with a sentence naming what is wrong.
 */
export function readHistoryFile(text: string): HistoryFileRead {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'The file is not JSON, so it is not an exported history.' };
  }
  if (!isStoredObject(value) || value.format !== HISTORY_FILE_FORMAT) {
    return {
      ok: false,
      reason: `The file is JSON but not an exported history (its "format" is not "${HISTORY_FILE_FORMAT}").`,
    };
  }
  const read = readRecord(value, historyFileFormat);
  if (read.ok) return { ok: true, file: read.value };
  const runs = Array.isArray(value.runs) ? value.runs : [];
  const bad = runs.findIndex((run) => !isHistoryRun(run));
  return {
    ok: false,
    reason:
      bad >= 0 && value.version === 1
        ? `Run ${bad + 1} of the file does not have the fields a kept run has; nothing was imported.`
        : `${read.reason} Nothing was imported.`,
  };
}
