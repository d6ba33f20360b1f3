import { useEffect, useRef, useState, type FormEvent } from 'react';
import { describeProgress, type UrlLoadProgress } from '../../bundle';
import { loadFromUrl, type UrlLoad } from '../../store';
import { SiteIndexPicker } from './SiteIndexPicker';

/**
 * A dialog that loads a skill from a URL: an archive, a .wasm, a folder, a GitHub link, or a site
 * that publishes an Agent Skills index (whose skills are then offered by SiteIndexPicker).
 */
export function LoadFromUrl() {
  const dialog = useRef<HTMLDialogElement>(null);
  // The load under way, so Cancel, Close and leaving the page can stop it.
  const loading = useRef<AbortController | null>(null);
  const [url, setUrl] = useState('');
  const [busy, setBusy] = useState(false);
  // Kept as the text shown and a whole percent, so a chunk that changes neither renders nothing.
  const [progressText, setProgressText] = useState('');
  const [percent, setPercent] = useState<number | null>(null);
  // The dialog is modal: its own failures are said inside it, where they can be read and retried.
  const [failure, setFailure] = useState<Extract<UrlLoad, { ok: false }> | null>(null);

  useEffect(() => () => loading.current?.abort(), []);

  const showProgress = (progress: UrlLoadProgress) => {
    setProgressText(describeProgress(progress));
    const { received, expected } = progress;
    setPercent(expected && expected >= received ? Math.floor((100 * received) / expected) : null);
  };
  const load = async () => {
    loading.current?.abort();
    const controller = new AbortController();
    loading.current = controller;
    setBusy(true);
    setFailure(null);
    setProgressText('');
    setPercent(null);
    const result = await loadFromUrl(url, {
      report: false,
      signal: controller.signal,
      onProgress: showProgress,
    });
    // A newer load took over: what this one says no longer matters.
    if (loading.current !== controller) return;
    loading.current = null;
    setBusy(false);
    if (result.ok) {
      dialog.current?.close();
      setUrl('');
    } else setFailure(result);
  };
  const cancel = () => loading.current?.abort();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void load();
  };
  return (
    <>
      <button type="button" onClick={() => dialog.current?.showModal()}>
        Load from URL
      </button>
      {/* Closing the dialog (Close, Escape) gives up on a load it started. */}
      <dialog ref={dialog} aria-label="Load from URL" className="url-dialog" onClose={cancel}>
        <form onSubmit={submit}>
          <label htmlFor="skill-url">Skill URL</label>
          <input
            id="skill-url"
            type="text"
            required
            placeholder="https://github.com/owner/repo/tree/main/skills/pdf"
            value={url}
            onChange={(e) => setUrl(e.target.value)}
          />
          <p className="muted">
            A .zip or .skill archive, a .wasm file, a folder that serves SKILL.md (with an
            index.json listing its other files), a GitHub tree or blob link, or a site that
            publishes an Agent Skills index (https://example.com). Nothing from it runs until you
            ask.
          </p>
          {busy && (
            <p role="status">
              <progress
                aria-label="Loaded"
                max={100}
                {...(percent === null ? {} : { value: percent })}
              />{' '}
              {progressText ? `Loaded ${progressText}` : 'Waiting for the server…'}
            </p>
          )}
          {failure?.cancelled && <p role="status">Cancelled: nothing was imported.</p>}
          {failure && !failure.cancelled && (
            <p role="alert" className="field-error">
              {failure.message}{' '}
              {failure.retryable && (
                <button type="button" onClick={() => void load()}>
                  Try again
                </button>
              )}
            </p>
          )}
          <div className="actions">
            <button type="submit" className="primary" disabled={busy || url.trim() === ''}>
              {busy ? 'Loading…' : 'Load'}
            </button>
            {busy && (
              <button type="button" onClick={cancel}>
                Cancel
              </button>
            )}
            <button type="button" onClick={() => dialog.current?.close()}>
              Close
            </button>
          </div>
        </form>
      </dialog>
      <SiteIndexPicker />
    </>
  );
}
