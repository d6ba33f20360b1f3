import type { ImportSummary } from '../bundle';
import { usePlayground } from './playgroundStore';
import type { Notice } from './types';

/** Tells the person something, with a "Try again" when a failure may pass. */
export function notify(message: string, tone: Notice['tone'] = 'error', retry?: () => void): void {
  usePlayground.setState((s) => ({
    notices: [...s.notices, { id: s.nextNoticeId, tone, message, ...(retry ? { retry } : {}) }],
    nextNoticeId: s.nextNoticeId + 1,
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
