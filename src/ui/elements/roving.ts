import type { KeyboardEvent } from 'react';

/**
 * Arrow keys for a row of tabs that is one tab stop (a roving tabindex): Left and Right move to
 * the previous and next tab (wrapping), Home and End to the first and last. The tab moved to is
 * chosen and focused. Returns whether the key was one of these.
 */
export function rovingKeyDown(
  event: KeyboardEvent<HTMLElement>,
  count: number,
  current: number,
  choose: (index: number) => void,
): boolean {
  const next =
    event.key === 'ArrowRight' || event.key === 'ArrowDown'
      ? (current + 1) % count
      : event.key === 'ArrowLeft' || event.key === 'ArrowUp'
        ? (current - 1 + count) % count
        : event.key === 'Home'
          ? 0
          : event.key === 'End'
            ? count - 1
            : null;
  if (next === null) return false;
  event.preventDefault();
  choose(next);
  const tabs = event.currentTarget
    .closest('[role="tablist"]')
    ?.querySelectorAll<HTMLElement>('[role="tab"]');
  tabs?.[next]?.focus();
  return true;
}

/** An id safe in HTML and CSS selectors, from any text (a tool name may hold `:` `/` `#` `@`). */
export const idFrom = (prefix: string, text: string) =>
  `${prefix}-${text.replace(/[^a-zA-Z0-9_-]/g, (c) => `_${c.charCodeAt(0).toString(16)}`)}`;
