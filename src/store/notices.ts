import { usePlayground } from './playgroundStore';
import type { Notice, NoticeAction } from './types';

/** Tells the person something, with a button when there is something to do about it. */
export function notify(
  message: string,
  tone: Notice['tone'] = 'error',
  action?: NoticeAction,
): number {
  const id = usePlayground.getState().nextNoticeId;
  usePlayground.setState((s) => ({
    notices: [...s.notices, { id, tone, message, ...(action ? { action } : {}) }],
    nextNoticeId: s.nextNoticeId + 1,
  }));
  return id;
}

/** Says something else in a notice still shown; a notice already dismissed stays so. */
export function updateNotice(id: number, message: string): void {
  usePlayground.setState((s) => ({
    notices: s.notices.map((n) => (n.id === id ? { ...n, message } : n)),
  }));
}

export function dismissNotice(id: number): void {
  usePlayground.setState((s) => ({ notices: s.notices.filter((n) => n.id !== id) }));
}
