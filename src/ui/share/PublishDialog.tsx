import { useRef, useState } from 'react';
import { publishCandidates, publishSkills, type PublishCandidate } from '../../store';
import { downloadBytes } from './download';
import './share.css';

/**
 * Publish: the chosen skills as a folder for any static host, in the Agent Skills Discovery
 * layout (/.well-known/agent-skills/index.json), downloaded as one zip.
 */
export function PublishDialog() {
  const dialog = useRef<HTMLDialogElement>(null);
  const [candidates, setCandidates] = useState<PublishCandidate[] | null>(null);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [format, setFormat] = useState<'zip' | 'tar.gz'>('zip');
  const [result, setResult] = useState<{ index?: string; problem?: string } | null>(null);

  const open = async () => {
    setResult(null);
    setCandidates(null);
    dialog.current?.showModal();
    const found = await publishCandidates();
    setCandidates(found);
    setChosen(new Set(found.filter((c) => !c.problem && !c.isExample).map((c) => c.key)));
  };
  const toggle = (key: string, on: boolean) =>
    setChosen((now) => {
      const next = new Set(now);
      if (on) next.add(key);
      else next.delete(key);
      return next;
    });
  const publish = async () => {
    const made = await publishSkills([...chosen], format);
    if (!made.ok) {
      setResult({ problem: made.reason });
      return;
    }
    downloadBytes(made.fileName, made.bytes);
    setResult(made.index ? { index: made.index } : {});
  };

  return (
    <>
      <button type="button" onClick={() => void open()}>
        Publish
      </button>
      <dialog ref={dialog} aria-label="Publish" className="url-dialog share-dialog">
        <p>
          A folder to put on any static host: <code>/.well-known/agent-skills/index.json</code>{' '}
          lists the chosen skills, each as its SKILL.md or as an archive, with its SHA-256, as the
          Agent Skills Discovery RFC (v0.2.0) describes. Serve the folder's contents at your site's
          root; agents and this playground can then load them from the site.
        </p>
        {candidates === null && <p role="status">Reading the skills…</p>}
        {candidates && (
          <fieldset>
            <legend>Skills to publish</legend>
            {candidates.map((c) => (
              <div key={c.key}>
                <label>
                  <input
                    type="checkbox"
                    disabled={Boolean(c.problem)}
                    checked={chosen.has(c.key)}
                    onChange={(e) => toggle(c.key, e.target.checked)}
                  />{' '}
                  {c.name}
                </label>{' '}
                <span className="muted">
                  {c.problem ?? (c.type === 'skill-md' ? 'as its SKILL.md' : 'as an archive')}
                </span>
              </div>
            ))}
          </fieldset>
        )}
        <label>
          Archives as{' '}
          <select value={format} onChange={(e) => setFormat(e.target.value as 'zip' | 'tar.gz')}>
            <option value="zip">.zip</option>
            <option value="tar.gz">.tar.gz</option>
          </select>
        </label>
        {result?.problem && <p role="alert">{result.problem}</p>}
        {result?.index && (
          <>
            <p role="status">Downloaded agent-skills-site.zip. Its index:</p>
            <pre data-testid="published-index">{result.index}</pre>
          </>
        )}
        <div className="actions">
          <button
            type="button"
            className="primary"
            disabled={chosen.size === 0}
            onClick={() => void publish()}
          >
            Download the folder
          </button>
          <button type="button" onClick={() => dialog.current?.close()}>
            Close
          </button>
        </div>
      </dialog>
    </>
  );
}
