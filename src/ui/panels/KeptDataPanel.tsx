import { useEffect, useState } from 'react';
import { eraseEverything, forgetUnlistedData, unlistedKeptData } from '../../store';

/**
 * What this browser still keeps for skills that were removed, with a way to forget it, and a way
 * to erase everything the playground keeps here. Read each time Settings opens.
 */
export function KeptDataPanel() {
  const [unlisted, setUnlisted] = useState<Map<string, number> | null>(null);
  const [status, setStatus] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    let live = true;
    void unlistedKeptData()
      .then((found) => live && setUnlisted(found))
      .catch(() => live && setUnlisted(new Map()));
    return () => {
      live = false;
    };
  }, []);

  const skills = unlisted?.size ?? 0;
  const forget = async () => {
    setBusy(true);
    setStatus(await forgetUnlistedData());
    setUnlisted(await unlistedKeptData());
    setBusy(false);
  };
  const erase = async () => {
    setBusy(true);
    const problem = await eraseEverything();
    // On success the page starts afresh; a problem is said here.
    if (problem) {
      setStatus(problem);
      setBusy(false);
    }
  };

  return (
    <section aria-label="Kept in this browser" className="kept-data-panel">
      <h3>Kept in this browser</h3>
      <p className="muted" data-testid="unlisted-kept">
        {unlisted === null
          ? 'Looking…'
          : skills === 0
            ? 'Nothing is kept for skills you removed.'
            : `${skills} removed skill${skills === 1 ? '' : 's'} still ${skills === 1 ? 'has' : 'have'} configuration, secrets, files, history or inputs kept here, for when ${skills === 1 ? 'it is' : 'they are'} added again.`}
      </p>
      <button type="button" disabled={busy || skills === 0} onClick={() => void forget()}>
        Forget removed skills’ data
      </button>
      <p role="status">{status}</p>
      {confirming ? (
        <div role="group" aria-label="Erase everything" className="confirm">
          <p>
            Erase every skill, configuration, secret, /workspace file, run, remembered input and
            cached transpile this playground keeps in this browser? This cannot be undone.
          </p>
          <button type="button" className="danger" disabled={busy} onClick={() => void erase()}>
            Erase everything
          </button>
          <button type="button" disabled={busy} onClick={() => setConfirming(false)}>
            Keep it
          </button>
        </div>
      ) : (
        <button type="button" onClick={() => setConfirming(true)}>
          Erase everything…
        </button>
      )}
    </section>
  );
}
