import { useEffect, useState } from 'react';
import { wasmKind } from '../../bundle';
import { componentId, inspectWasm, type WasmInspection } from '../../runtime';
import { errorMessage } from '../../errors';

/** A binary file: its size and SHA-256; a .wasm file what it is, its producers and its WIT. */
export function BinaryInfo({ path, bytes }: { path: string; bytes: Uint8Array }) {
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
