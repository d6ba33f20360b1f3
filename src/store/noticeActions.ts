import { dismissNotice } from './notices';
import { usePlayground } from './playgroundStore';
import { openShareLink } from './openLink';
import { loadFromUrl } from './skillList';

/** Does what a notice's button says. Kept apart from notices.ts, which skillList.ts imports. */
export function pressNoticeAction(id: number): void {
  const action = usePlayground.getState().notices.find((n) => n.id === id)?.action;
  switch (action?.kind) {
    case 'retryLoad':
      dismissNotice(id);
      void loadFromUrl(action.url);
      return;
    case 'retryLink':
      dismissNotice(id);
      void openShareLink(action.hash);
      return;
    case 'cancelLoad':
      // The load ends, removes this notice and says it was cancelled (loadFromUrl).
      action.load.abort();
      return;
  }
}
