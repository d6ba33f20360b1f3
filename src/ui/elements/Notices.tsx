import { dismissNotice, pressNoticeAction, selectNotices, usePlayground } from '../../store';

/** Problems with what the user handed over: each stays until dismissed. */
export function Notices() {
  const notices = usePlayground(selectNotices);
  if (notices.length === 0) return null;
  return (
    // A list holds only list items, so each item's live role sits on the box inside it; the
    // region makes the notices a landmark, as all content on the page is.
    <section className="notices-region" aria-label="Notices">
      <ul className="notices" aria-label="Notices">
        {notices.map((notice) => (
          <li key={notice.id}>
            <div
              role={notice.tone === 'error' ? 'alert' : 'status'}
              className={`notice ${notice.tone}`}
            >
              <div className="notice-text">
                <span>{notice.message}</span>
                {notice.details && (
                  <details className="notice-details">
                    <summary>What was skipped ({notice.details.length})</summary>
                    <ul aria-label="Skipped">
                      {notice.details.map((line, i) => (
                        <li key={i}>{line}</li>
                      ))}
                    </ul>
                  </details>
                )}
              </div>
              {notice.action && (
                <button
                  type="button"
                  className="notice-action"
                  onClick={() => pressNoticeAction(notice.id)}
                >
                  {notice.action.label}
                </button>
              )}
              <button type="button" aria-label="Dismiss" onClick={() => dismissNotice(notice.id)}>
                ×
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
