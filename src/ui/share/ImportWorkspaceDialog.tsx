import { useRef, useState, type ChangeEvent } from 'react';
import type { WorkspaceContents } from '../../packaging';
import { importWorkspace, readWorkspaceFile, type ImportSummary } from '../../store';
import './share.css';

/** Imports a workspace file: what it holds first, then merge or replace, then what came in. */
export function ImportWorkspaceDialog() {
  const dialog = useRef<HTMLDialogElement>(null);
  const [contents, setContents] = useState<WorkspaceContents | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [mode, setMode] = useState<'merge' | 'replace'>('merge');
  const [grants, setGrants] = useState(false);
  const [busy, setBusy] = useState(false);
  const [summary, setSummary] = useState<ImportSummary | null>(null);

  const pick = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    setContents(null);
    setProblem(null);
    setSummary(null);
    if (!file) return;
    const read = await readWorkspaceFile(file, file.name);
    if (read.ok) setContents(read.contents);
    else setProblem(read.reason);
  };
  const run = async () => {
    if (!contents) return;
    setBusy(true);
    setSummary(await importWorkspace(contents, { mode, grants }));
    setContents(null);
    setBusy(false);
  };
  const withGrants = contents?.skills.filter((s) => s.instance?.grants).length ?? 0;

  return (
    <>
      <button
        type="button"
        onClick={() => {
          setSummary(null);
          setProblem(null);
          dialog.current?.showModal();
        }}
      >
        Import workspace
      </button>
      <dialog ref={dialog} aria-label="Import workspace" className="url-dialog share-dialog">
        <label htmlFor="workspace-file">Workspace file</label>
        <input id="workspace-file" type="file" accept=".zip" onChange={(e) => void pick(e)} />
        {problem && <p role="alert">{problem}</p>}
        {contents && (
          <div data-testid="import-preview">
            <p>
              Exported {contents.exportedAt}: {contents.skills.length} skill
              {contents.skills.length === 1 ? '' : 's'} (
              {contents.skills.map((s) => s.name).join(', ')})
              {contents.secretsIncluded ? ', with secrets' : ', without secrets'}.
            </p>
            <fieldset>
              <legend>How</legend>
              <label>
                <input
                  type="radio"
                  name="import-mode"
                  checked={mode === 'merge'}
                  onChange={() => setMode('merge')}
                />{' '}
                Merge: keep your skills; the file's replace those with the same source
              </label>
              <label>
                <input
                  type="radio"
                  name="import-mode"
                  checked={mode === 'replace'}
                  onChange={() => setMode('replace')}
                />{' '}
                Replace: remove your skills (not the built-in examples) first
              </label>
            </fieldset>
            {withGrants > 0 && (
              <label>
                <input
                  type="checkbox"
                  checked={grants}
                  onChange={(e) => setGrants(e.target.checked)}
                />{' '}
                Also restore the permissions and network grants of {withGrants} instance
                {withGrants === 1 ? '' : 's'}
              </label>
            )}
          </div>
        )}
        {summary && <SummaryView summary={summary} />}
        <div className="actions">
          <button
            type="button"
            className="primary"
            disabled={!contents || busy}
            onClick={() => void run()}
          >
            Import
          </button>
          <button type="button" onClick={() => dialog.current?.close()}>
            Close
          </button>
        </div>
      </dialog>
    </>
  );
}

function SummaryView({ summary }: { summary: ImportSummary }) {
  const plural = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
  return (
    <div role="status" data-testid="import-summary">
      <p>
        Imported {plural(summary.skills.length, 'skill')}
        {summary.skills.length > 0 && ` (${summary.skills.join(', ')})`},{' '}
        {plural(summary.instances, 'instance')}, {plural(summary.workspaceFiles, '/workspace file')}{' '}
        and {plural(summary.runs, 'run')}
        {summary.removed > 0 && `, after removing ${plural(summary.removed, 'skill')}`}.
      </p>
      {summary.withheldSecrets.length > 0 && (
        <p>Secrets not in the file, to enter again: {summary.withheldSecrets.join('; ')}.</p>
      )}
      {summary.skipped.length > 0 && <p>Not imported: {summary.skipped.join(', ')}.</p>}
    </div>
  );
}
