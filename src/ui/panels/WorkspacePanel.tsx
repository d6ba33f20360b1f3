import { useEffect, type ChangeEvent } from 'react';
import { deleteFromWorkspace, openWorkspace, uploadToWorkspace, usePlayground } from '../../store';

/**
 * The instance's /workspace: the files runs read and write, kept across runs and reloads. What
 * the last run created or changed is marked.
 */
export function WorkspacePanel({ skillKey }: { skillKey: string }) {
  const workspace = usePlayground((s) => s.workspaces[skillKey]);
  useEffect(() => {
    void openWorkspace(skillKey);
  }, [skillKey]);

  const upload = async (event: ChangeEvent<HTMLInputElement>) => {
    const files = Array.from(event.target.files ?? []);
    event.target.value = '';
    const picked = await Promise.all(
      files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })),
    );
    await uploadToWorkspace(skillKey, picked);
  };
  const download = (path: string, bytes: Uint8Array) => {
    // Typed as bytes, so the app's origin never opens what a skill wrote as a page.
    const url = URL.createObjectURL(
      new Blob([bytes as BlobPart], { type: 'application/octet-stream' }),
    );
    const link = document.createElement('a');
    link.href = url;
    link.download = path.split('/').pop() ?? path;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  const files = [...(workspace?.files ?? [])];
  const mark = (path: string) =>
    workspace?.lastRun?.created.includes(path)
      ? 'new'
      : workspace?.lastRun?.changed.includes(path)
        ? 'changed'
        : null;

  return (
    <section aria-label="Workspace" className="workspace">
      <h3>/workspace</h3>
      <p className="muted">
        The skill sees its bundle read-only at /skill and these files read-write at /workspace. They
        stay in this browser.
      </p>
      {files.length === 0 ? (
        <p className="muted">No files yet.</p>
      ) : (
        <ul className="workspace-files">
          {files.map(([path, bytes]) => {
            const badge = mark(path);
            return (
              <li key={path} data-file-mark={badge ?? 'none'}>
                <code>{path}</code> <span className="muted">{bytes.byteLength} bytes</span>
                {badge && <span className={`badge ${badge}`}>{badge}</span>}
                <button
                  type="button"
                  aria-label={`Download ${path}`}
                  onClick={() => download(path, bytes)}
                >
                  Download
                </button>
                <button
                  type="button"
                  aria-label={`Delete ${path}`}
                  onClick={() => void deleteFromWorkspace(skillKey, path)}
                >
                  Delete
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {workspace?.lastRun && workspace.lastRun.deleted.length > 0 && (
        <p className="muted">The last run deleted: {workspace.lastRun.deleted.join(', ')}</p>
      )}
      <label className="button">
        Upload to workspace
        <input type="file" multiple className="visually-hidden" onChange={(e) => void upload(e)} />
      </label>
    </section>
  );
}
