import { useEffect, useRef, useState, type FormEvent } from 'react';
import { describeProgress, type DiscoveryIndex } from '../../bundle';
import { openIndexSkills, type UrlLoad } from '../../store';

/**
 * The skills of an index, by name and description, as checkboxes; "Open selected" fetches the
 * picked ones (each checked against its digest) with progress, Cancel, and the refusal if any.
 */
export function IndexSkillChoice({
  index,
  titleId,
  onClose,
}: {
  index: DiscoveryIndex;
  titleId: string;
  onClose: () => void;
}) {
  // The load under way, so Cancel and closing the dialog can stop it.
  const loading = useRef<AbortController | null>(null);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState('');
  const [failure, setFailure] = useState<Extract<UrlLoad, { ok: false }> | null>(null);

  useEffect(() => () => loading.current?.abort(), []);

  const toggle = (name: string, on: boolean) =>
    setChosen((before) => {
      const after = new Set(before);
      if (on) after.add(name);
      else after.delete(name);
      return after;
    });
  const open = async () => {
    loading.current?.abort();
    const controller = new AbortController();
    loading.current = controller;
    setBusy(true);
    setFailure(null);
    setProgress('');
    const result = await openIndexSkills(
      index.skills.map((s) => s.name).filter((name) => chosen.has(name)),
      { signal: controller.signal, onProgress: (p) => setProgress(describeProgress(p)) },
    );
    // Closed, or a newer load took over: what this one says no longer matters.
    if (loading.current !== controller) return;
    loading.current = null;
    setBusy(false);
    if (!result.ok) setFailure(result);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void open();
  };

  return (
    <form onSubmit={submit}>
      <h2 id={titleId}>Skills published by {new URL(index.url).host}</h2>
      <p className="muted">
        From {index.url}. Each skill you pick is checked against the index’s digest before anything
        is imported; nothing of it runs until you ask.
      </p>
      {index.warnings.length > 0 && (
        <ul className="index-warnings" aria-label="About this index">
          {index.warnings.map((warning) => (
            <li key={warning}>{warning}</li>
          ))}
        </ul>
      )}
      {index.skills.length === 0 ? (
        <p>This index lists no skill the playground can open.</p>
      ) : (
        <ul className="index-skills" aria-label="Skills in the index">
          {index.skills.map((skill) => (
            <li key={skill.name}>
              <label>
                <input
                  type="checkbox"
                  checked={chosen.has(skill.name)}
                  disabled={busy}
                  aria-describedby={`${titleId}-${skill.name}`}
                  onChange={(e) => toggle(skill.name, e.target.checked)}
                />{' '}
                {skill.name}
              </label>
              <p id={`${titleId}-${skill.name}`} className="muted">
                {skill.description || 'No description.'}
              </p>
            </li>
          ))}
        </ul>
      )}
      {busy && <p role="status">{progress ? `Loaded ${progress}` : 'Waiting for the server…'}</p>}
      {failure?.cancelled && <p role="status">Cancelled: nothing was imported.</p>}
      {failure && !failure.cancelled && (
        <p role="alert" className="field-error">
          {failure.message}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy || chosen.size === 0}>
          {busy ? 'Opening…' : 'Open selected'}
        </button>
        {busy && (
          <button type="button" onClick={() => loading.current?.abort()}>
            Cancel
          </button>
        )}
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </form>
  );
}
