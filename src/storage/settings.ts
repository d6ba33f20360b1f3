import { errorMessage } from '../errors';
import { isStoredObject } from './guards';
import { LOCAL_STORAGE_KEYS } from './keys';
import { readRecord, type Loaded, type RecordFormat } from './readRecord';

/** Page-wide settings, read synchronously at start-up so the first paint already uses them. */
export interface Settings {
  version: 1;
  validationMode: 'spec' | 'permissive';
}

const DEFAULTS: Settings = { version: 1, validationMode: 'permissive' };

// Settings have had version 1 since they were first written: nothing to migrate yet.
export const settingsFormat: RecordFormat<Settings> = {
  version: 1,
  guard: (value): value is Settings =>
    isStoredObject(value) &&
    value.version === 1 &&
    (value.validationMode === 'spec' || value.validationMode === 'permissive'),
};

/**
 * The stored settings, or the defaults when there are none, when storage is blocked (nothing could
 * have been saved either), or when they cannot be read, which `unreadable` then says.
 */
export function readSettings(): Loaded<Settings> {
  let text: string | null;
  try {
    text = localStorage.getItem(LOCAL_STORAGE_KEYS.settings);
  } catch {
    return { value: DEFAULTS };
  }
  if (text === null) return { value: DEFAULTS };
  let stored: unknown;
  try {
    stored = JSON.parse(text);
  } catch (error) {
    return { value: DEFAULTS, unreadable: `The settings are not JSON: ${errorMessage(error)}` };
  }
  const read = readRecord(stored, settingsFormat);
  return read.ok ? { value: read.value } : { value: DEFAULTS, unreadable: read.reason };
}

export function saveSettings(settings: Settings): void {
  try {
    localStorage.setItem(LOCAL_STORAGE_KEYS.settings, JSON.stringify(settings));
  } catch {
    // Storage blocked: the setting holds for this page.
  }
}
