// The page's URL fragment names what is shown, `#skill=<key>&tool=<name>&tab=history`, so a reload
// comes back to it and Back and Forward move between tools. It never carries an argument or any
// other value a person typed: a secret must not reach the address bar, its history or a paste.

export type ResultTab = 'result' | 'history';

export interface ViewFragment {
  skill: string;
  tool?: string;
  tab?: ResultTab;
}

const NAMES = new Set(['skill', 'tool', 'tab']);

export function encodeViewFragment(view: ViewFragment): string {
  const parts = [`skill=${encodeURIComponent(view.skill)}`];
  if (view.tool !== undefined) parts.push(`tool=${encodeURIComponent(view.tool)}`);
  if (view.tab !== undefined) parts.push(`tab=${view.tab}`);
  return `#${parts.join('&')}`;
}

/**
 * The view a fragment names, or null when it is not a view fragment (empty, or another kind such
 * as a share link's `#v=1&s=...`, which its own reader handles and this one must not touch).
 */
export function decodeViewFragment(hash: string): ViewFragment | null {
  const text = hash.startsWith('#') ? hash.slice(1) : hash;
  if (text === '') return null;
  const values = new Map<string, string>();
  for (const part of text.split('&')) {
    const at = part.indexOf('=');
    const name = at < 0 ? part : part.slice(0, at);
    if (!NAMES.has(name)) return null;
    try {
      values.set(name, decodeURIComponent(at < 0 ? '' : part.slice(at + 1)));
    } catch {
      return null;
    }
  }
  const skill = values.get('skill');
  if (!skill) return null;
  const tool = values.get('tool');
  const tab = values.get('tab');
  return {
    skill,
    ...(tool ? { tool } : {}),
    ...(tab === 'result' || tab === 'history' ? { tab } : {}),
  };
}
