import { usePlayground } from '../../store';

/**
 * Live regions that tell assistive technology how a run ended: a result politely, a failure
 * assertively. Both are always in the page, empty until there is news, as live regions must be.
 */
export function Announcer() {
  const announcement = usePlayground((s) => s.announcement);
  const polite = announcement?.tone === 'polite' ? announcement : undefined;
  const assertive = announcement?.tone === 'assertive' ? announcement : undefined;
  return (
    <>
      <div className="visually-hidden" aria-live="polite" data-testid="announce-polite">
        {polite && <span key={polite.id}>{polite.text}</span>}
      </div>
      <div className="visually-hidden" aria-live="assertive" data-testid="announce-assertive">
        {assertive && <span key={assertive.id}>{assertive.text}</span>}
      </div>
    </>
  );
}
