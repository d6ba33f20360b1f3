import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import { wasmKind } from '../../bundle';
import { chooseFile, editFile, revertFile, usePlayground, type SkillEntry } from '../../store';
import { componentId, inspectWasm, type WasmInspection } from '../../runtime';
import { formatBytes } from '../format';
import { errorMessage } from '../../errors';

// Monaco and its workers load the first time a text file is opened, never with the page.
const CodeEditor = lazy(() => import('../editor/CodeEditor'));

const TEXT_EXTENSIONS =
  /\.(md|markdown|txt|ya?ml|json|toml|wit|js|mjs|cjs|ts|py|sh|bash|rs|c|h|cc|cpp|html|css|csv|xml|ini|cfg|env)$/i;
const decoder = new TextDecoder('utf-8', { fatal: true });

/** Text when the name says so, or when the bytes are UTF-8 without NULs (LICENSE, Makefile). */
function textOf(path: string, bytes: Uint8Array): string | null {
  if (!TEXT_EXTENSIONS.test(path) && bytes.subarray(0, 8192).includes(0)) return null;
  try {
    const text = decoder.decode(bytes);
    return TEXT_EXTENSIONS.test(path) || !text.includes('\u0000') ? text : null;
  } catch {
    return null;
  }
}

/** Every file of the skill as a tree; a text file opens in the editor, a binary one is described. */
export function FilesPanel({ skill }: { skill: SkillEntry }) {
  const files = skill.bundle!.files;
  const paths = useMemo(() => [...files.keys()].sort(comparePaths), [files]);
  const opened = usePlayground((s) => s.openFiles[skill.key]);
  const [shown, setShown] = useState(false);
  const current = opened && files.has(opened.path) ? opened.path : null;
  const details = useRef<HTMLDetailsElement>(null);
  // A link in SKILL.md asked for a file: open the panel and bring it into view. Only a new
  // request of this skill does; showing the panel (or another skill's) is no request.
  const request = opened?.request ?? 0;
  const seen = useRef({ key: skill.key, request });
  useEffect(() => {
    const last = seen.current;
    seen.current = { key: skill.key, request };
    if (last.key !== skill.key || request <= last.request || !details.current) return;
    details.current.open = true;
    setShown(true);
    details.current.scrollIntoView({ block: 'start' });
  }, [skill.key, request]);

  return (
    <details
      ref={details}
      className="files"
      onToggle={(e) => setShown((e.target as HTMLDetailsElement).open)}
    >
      <summary>Files ({paths.length})</summary>
      {shown && (
        <div className="files-layout">
          <ul className="file-tree" aria-label="Files of this skill">
            {paths.map((path) => (
              <li key={path} style={{ paddingLeft: `${(path.split('/').length - 1) * 0.9}rem` }}>
                <button
                  type="button"
                  aria-current={path === current ? 'true' : undefined}
                  onClick={() => chooseFile(skill.key, path)}
                >
                  {path.split('/').pop()}
                </button>
                {path.includes('/') && <span className="muted dir">{dirOf(path)}</span>}
                {skill.originals?.has(path) && <span className="edited">edited</span>}
              </li>
            ))}
          </ul>
          <div className="file-view">
            {current ? (
              <FileView skill={skill} path={current} bytes={files.get(current)!} />
            ) : (
              <p className="muted">Choose a file to read or edit it.</p>
            )}
          </div>
        </div>
      )}
    </details>
  );
}

function FileView({ skill, path, bytes }: { skill: SkillEntry; path: string; bytes: Uint8Array }) {
  const text = useMemo(() => textOf(path, bytes), [path, bytes]);
  const diagnostics = useMemo(
    () => (skill.analysis?.diagnostics ?? []).filter((d) => d.file === path),
    [skill.analysis, path],
  );
  return (
    <section aria-label={`File ${path}`}>
      <div className="file-bar">
        <code>{path}</code> <span className="muted">{formatBytes(bytes.length)}</span>
        {skill.originals?.has(path) && (
          <button type="button" onClick={() => revertFile(skill.key, path)}>
            Revert
          </button>
        )}
      </div>
      {text === null ? (
        <BinaryInfo path={path} bytes={bytes} />
      ) : (
        <Suspense fallback={<pre className="editor-fallback">{text}</pre>}>
          <CodeEditor
            uri={`skill://${encodeURIComponent(skill.key)}/${path}`}
            path={path}
            value={text}
            diagnostics={diagnostics}
            onChange={(next) => editFile(skill.key, path, next)}
          />
        </Suspense>
      )}
    </section>
  );
}

function BinaryInfo({ path, bytes }: { path: string; bytes: Uint8Array }) {
  const [sha, setSha] = useState<string>();
  useEffect(() => {
    let live = true;
    void componentId(bytes).then((hash) => live && setSha(hash));
    return () => {
      live = false;
    };
  }, [bytes]);
  const isWasm = wasmKind(bytes) !== 'not-wasm';
  return (
    <div className="binary-info">
      <dl>
        <dt>Size</dt>
        <dd>{bytes.length.toLocaleString('en')} bytes</dd>
        <dt>SHA-256</dt>
        <dd data-testid="file-sha256">{sha ?? '…'}</dd>
      </dl>
      {isWasm ? (
        <WasmInfo key={path} bytes={bytes} />
      ) : (
        <p className="muted">A binary file: it cannot be edited here.</p>
      )}
    </div>
  );
}

function WasmInfo({ bytes }: { bytes: Uint8Array }) {
  const [state, setState] = useState<
    | { status: 'loading' }
    | { status: 'done'; info: WasmInspection }
    | { status: 'failed'; message: string }
  >({ status: 'loading' });
  useEffect(() => {
    let live = true;
    inspectWasm(bytes).then(
      (info) => live && setState({ status: 'done', info }),
      (error: unknown) => live && setState({ status: 'failed', message: errorMessage(error) }),
    );
    return () => {
      live = false;
    };
  }, [bytes]);
  if (state.status === 'loading') return <p role="status">Reading the WebAssembly file…</p>;
  if (state.status === 'failed')
    return <p role="alert">This WebAssembly file could not be read: {state.message}</p>;
  const { parts, wit, witError } = state.info;
  const root = parts[0];
  return (
    <div className="wasm-info">
      <p data-testid="wasm-kind">
        {root?.kind === 'component' ? 'A WebAssembly component' : 'A WebAssembly core module'}
        {parts.length > 1 && `, holding ${parts.length - 1} nested module(s) and component(s)`}.
      </p>
      <h4>Producers</h4>
      <ul className="producers" aria-label="Producers">
        {parts.map((part, i) =>
          part.producers.length === 0 ? null : (
            <li key={i}>
              <span className="muted">
                {i === 0 ? 'this file' : `${part.kind} ${part.name ?? `#${i}`}`}:
              </span>{' '}
              {part.producers
                .map(
                  ([field, tools]) =>
                    `${field} ${tools.map(([n, v]) => `${n} ${v}`.trim()).join(', ')}`,
                )
                .join('; ')}
            </li>
          ),
        )}
        {parts.every((p) => p.producers.length === 0) && <li className="muted">none recorded</li>}
      </ul>
      {wit && (
        <>
          <h4>WIT</h4>
          <pre className="wit" data-testid="wasm-wit">
            {wit}
          </pre>
        </>
      )}
      {witError && <p role="alert">Its WIT could not be printed: {witError}</p>}
    </div>
  );
}

function dirOf(path: string): string {
  return path.slice(0, path.lastIndexOf('/') + 1);
}

/** SKILL.md first, then the rest by path. */
function comparePaths(a: string, b: string): number {
  if (a === 'SKILL.md') return -1;
  if (b === 'SKILL.md') return 1;
  return a.localeCompare(b);
}
