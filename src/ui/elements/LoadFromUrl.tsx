import { useRef, useState, type FormEvent } from 'react';
import { loadFromUrl, type UrlLoad } from '../../store';

/** A dialog that loads a skill from a URL: an archive, a .wasm, a folder or a GitHub link. */
export function LoadFromUrl() {
  const dialog = useRef<HTMLDialogElement>(null);
  const [url, setUrl] = useState('');
  const [busy, setBusy] = useState(false);
  // The dialog is modal: its own failures are said inside it, where they can be read and retried.
  const [failure, setFailure] = useState<Extract<UrlLoad, { ok: false }> | null>(null);
  const load = async () => {
    setBusy(true);
    setFailure(null);
    const result = await loadFromUrl(url, { report: false });
    setBusy(false);
    if (result.ok) {
      dialog.current?.close();
      setUrl('');
    } else setFailure(result);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void load();
  };
  return (
    <>
      <button type="button" onClick={() => dialog.current?.showModal()}>
        Load from URL
      </button>
      <dialog ref={dialog} aria-label="Load from URL" className="url-dialog">
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
            index.json listing its other files), or a GitHub tree or blob link. Nothing from it runs
            until you ask.
          </p>
          {failure && (
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
            <button type="button" onClick={() => dialog.current?.close()}>
              Close
            </button>
          </div>
        </form>
      </dialog>
    </>
  );
}
