import { afterEach, describe, expect, it, vi } from 'vitest';
import { LOCAL_STORAGE_KEYS } from './keys';
import { readWorkbenchPrefs, saveWorkbenchPrefs, WORKBENCH_DEFAULTS } from './workbenchPrefs';

function memoryStorage(initial: string | null = null) {
  const items = new Map<string, string>();
  if (initial !== null) items.set(LOCAL_STORAGE_KEYS.workbench, initial);
  vi.stubGlobal('localStorage', {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => items.set(key, value),
  });
  return items;
}

describe('workbench preferences', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('are kept and read back', () => {
    memoryStorage();
    const prefs = {
      ...WORKBENCH_DEFAULTS,
      theme: 'dark' as const,
      skillsWidth: 300,
      collapsed: { skills: true, files: false, run: false },
    };
    saveWorkbenchPrefs(prefs);
    expect(readWorkbenchPrefs()).toEqual({ value: prefs });
  });

  it('are the defaults, quietly, when nothing is stored or storage is blocked', () => {
    memoryStorage();
    expect(readWorkbenchPrefs()).toEqual({ value: WORKBENCH_DEFAULTS });
    vi.stubGlobal('localStorage', {
      getItem: () => {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
      setItem: () => {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
    expect(readWorkbenchPrefs()).toEqual({ value: WORKBENCH_DEFAULTS });
    expect(() => saveWorkbenchPrefs(WORKBENCH_DEFAULTS)).not.toThrow();
  });

  it('are the defaults, with the reason, when what is stored cannot be read', () => {
    memoryStorage('{"version":1,"theme":"sepia"}');
    expect(readWorkbenchPrefs()).toEqual({
      value: WORKBENCH_DEFAULTS,
      unreadable: 'The record (version 1) does not have the fields this version expects.',
    });
    memoryStorage('{"version":');
    expect(readWorkbenchPrefs().unreadable).toMatch(/^The workbench layout is not JSON: /);
    memoryStorage('{"version":2}');
    expect(readWorkbenchPrefs().unreadable).toMatch(/newer Skill Playground/);
  });
});
