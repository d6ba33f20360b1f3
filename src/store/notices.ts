import type { ImportSummary } from '../bundle';
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

/**
 * The one notice about what a drop, a pick or a fetch found and skipped, with the skipped list
 * behind it. It takes the place of the previous import's notice, so they do not pile up.
 */
export function notifyImport({ message, tone, details }: ImportSummary): void {
  usePlayground.setState((s) => ({
    notices: [
      ...s.notices.filter((n) => !n.isImport),
      {
        id: s.nextNoticeId,
        tone,
        message,
        isImport: true,
        ...(details.length > 0 ? { details } : {}),
      },
    ],
    nextNoticeId: s.nextNoticeId + 1,
  }));
}
