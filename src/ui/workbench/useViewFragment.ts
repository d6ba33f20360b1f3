import { useEffect } from 'react';
import { showView, skillTools, usePlayground, type PlaygroundState } from '../../store';
import { decodeViewFragment, encodeViewFragment } from '../viewFragment';

/** The fragment for what is shown: the open skill, its tool, and History when that is open. */
function selectFragment(s: PlaygroundState): string | null {
  const key = s.selectedKey;
  const skill = s.skills.find((k) => k.key === key);
  if (!key || !skill) return null;
  const tool = s.selectedTool[key] ?? skillTools(skill)[0]?.name;
  const tab = s.resultTabs[key];
  return encodeViewFragment({
    skill: key,
    ...(tool ? { tool } : {}),
    ...(tab === 'history' ? { tab } : {}),
  });
}

/**
 * Keeps the address's fragment and the view together: what it names is shown on load and on
 * Back and Forward; choosing another skill or tool adds an entry to the session history, a
 * smaller change (the tab) replaces the current one. A fragment of another kind (a share link)
 * is left for its own reader.
 */
export function useViewFragment(ready: boolean): void {
  const fragment = usePlayground(selectFragment);

  useEffect(() => {
    if (!ready) return;
    const show = () => {
      const view = decodeViewFragment(window.location.hash);
      if (view) showView(view);
    };
    show();
    window.addEventListener('popstate', show);
    return () => window.removeEventListener('popstate', show);
  }, [ready]);

  useEffect(() => {
    if (!ready || fragment === null) return;
    const current = window.location.hash;
    if (current === fragment) return;
    const shown = decodeViewFragment(current);
    if (current !== '' && current !== '#' && !shown) return;
    const next = decodeViewFragment(fragment)!;
    const moved =
      shown !== null &&
      (shown.skill !== next.skill || (shown.tool !== undefined && shown.tool !== next.tool));
    const url = `${window.location.pathname}${window.location.search}${fragment}`;
    if (moved) window.history.pushState(null, '', url);
    else window.history.replaceState(null, '', url);
  }, [ready, fragment]);
}
