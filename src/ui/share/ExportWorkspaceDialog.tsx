import { useRef, useState } from 'react';
import { exportWorkspace } from '../../store';
import { downloadBytes } from './download';
import './share.css';

/** Exports every skill, its instance, /workspace, edits and last run as one file. */
export function ExportWorkspaceDialog() {
  const dialog = useRef<HTMLDialogElement>(null);
  const [includeSecrets, setIncludeSecrets] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const save = async () => {
    setDone(null);
    const file = await exportWorkspace({ includeSecrets });
    if (!file.ok) {
      setDone(file.reason);
      return;
    }
    downloadBytes(file.fileName, file.bytes);
    setDone(
      `Exported ${file.skills} skill${file.skills === 1 ? '' : 's'} to ${file.fileName}${includeSecrets ? ', secrets included' : ''}.`,
    );
  };
  return (
    <>
      <button
        type="button"
        onClick={() => {
          setDone(null);
          dialog.current?.showModal();
        }}
      >
        Export workspace
      </button>
      <dialog ref={dialog} aria-label="Export workspace" className="url-dialog share-dialog">
        <p>
          One file with your skills (edits included), their configuration, limits, /workspace files,
          form values and last runs. Import it here or in another browser.
        </p>
        <label>
          <input
            type="checkbox"
            checked={includeSecrets}
            onChange={(e) => setIncludeSecrets(e.target.checked)}
          />{' '}
          Include secrets
        </label>
        {includeSecrets && (
          <p className="warning" role="status">
            Secrets will be in the file as plain text: anyone who gets it can read them. Keep it as
            you would a password.
          </p>
        )}
        {done && <p role="status">{done}</p>}
        <div className="actions">
          <button type="button" className="primary" onClick={() => void save()}>
            Export
          </button>
          <button type="button" onClick={() => dialog.current?.close()}>
            Close
          </button>
        </div>
      </dialog>
    </>
  );
}
