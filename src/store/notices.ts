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
