/** Page-wide settings, read synchronously at start-up so the first paint already uses them. */
export interface Settings {
  version: 1;
  validationMode: 'spec' | 'permissive';
}

const KEY = 'skill-playground:settings';
const DEFAULTS: Settings = { version: 1, validationMode: 'permissive' };

export function loadSettings(): Settings {
  try {
    const stored = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Partial<Settings> | null;
    if (
      stored?.version === 1 &&
      (stored.validationMode === 'spec' || stored.validationMode === 'permissive')
    ) {
      return { ...DEFAULTS, ...stored } as Settings;
    }
  } catch {
    // Blocked or corrupt storage: the defaults serve.
  }
  return DEFAULTS;
}

export function saveSettings(settings: Settings): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(settings));
  } catch {
    // Storage blocked: the setting holds for this page.
  }
}
