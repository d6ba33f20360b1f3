import { useEffect, useSyncExternalStore } from 'react';
import { usePlayground } from '../../store';

/** Below this width the panes become tabs (Skill, Files, Run). */
export const NARROW_QUERY = '(max-width: 760px)';
const DARK_QUERY = '(prefers-color-scheme: dark)';

/** Whether a media query matches now, following its changes. */
export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (changed) => {
      const list = window.matchMedia(query);
      list.addEventListener('change', changed);
      return () => list.removeEventListener('change', changed);
    },
    () => window.matchMedia(query).matches,
  );
}

export type Theme = 'light' | 'dark';

/** The theme in force: the one chosen, or the system's when none is. */
export function useTheme(): Theme {
  const choice = usePlayground((s) => s.prefs.theme);
  const systemDark = useMediaQuery(DARK_QUERY);
  return choice === 'system' ? (systemDark ? 'dark' : 'light') : choice;
}

/** Puts the theme on the page (`<html data-theme>`), which the styles and the editor follow. */
export function useApplyTheme(): Theme {
  const theme = useTheme();
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
  return theme;
}
