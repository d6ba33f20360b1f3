import { useEffect, useRef } from 'react';
import type { Diagnostic } from '../../bundle';
import { languageOf, monaco } from './monacoSetup';

interface Props {
  /** Names the model, so each file keeps its own undo history while the page lives. */
  uri: string;
  path: string;
  value: string;
  readOnly?: boolean;
  /** Findings for this file, shown as markers (squiggles and hovers). */
  diagnostics: Diagnostic[];
  onChange: (text: string) => void;
}

const SEVERITY = {
  error: monaco.MarkerSeverity.Error,
  warning: monaco.MarkerSeverity.Warning,
  info: monaco.MarkerSeverity.Info,
} as const;

/** Monaco on one file. Loaded with React.lazy: nothing of Monaco is in the page's first load. */
export default function CodeEditor({ uri, path, value, readOnly, diagnostics, onChange }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const editor = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const change = useRef(onChange);
  const applying = useRef(false);
  useEffect(() => {
    change.current = onChange;
  }, [onChange]);

  useEffect(() => {
    const modelUri = monaco.Uri.parse(uri);
    const model =
      monaco.editor.getModel(modelUri) ??
      monaco.editor.createModel(value, languageOf(path), modelUri);
    if (model.getValue() !== value) model.setValue(value);
    const instance = monaco.editor.create(host.current!, {
      model,
      readOnly,
      ariaLabel: `Contents of ${path}`,
      automaticLayout: true,
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      wordWrap: languageOf(path) === 'markdown' ? 'on' : 'off',
      fontSize: 13,
      tabSize: 2,
    });
    editor.current = instance;
    const listener = model.onDidChangeContent(() => {
      // Text set from outside (a revert) is not an edit.
      if (!applying.current) change.current(model.getValue());
    });
    return () => {
      listener.dispose();
      instance.dispose();
      editor.current = null;
    };
    // The editor is made once per file; value changes from outside are applied below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [uri, path, readOnly]);

  useEffect(() => {
    const model = editor.current?.getModel();
    // A revert (or any change not typed here) replaces the text; typing never comes back here.
    if (model && model.getValue() !== value) {
      applying.current = true;
      model.setValue(value);
      applying.current = false;
    }
  }, [value]);

  useEffect(() => {
    const model = editor.current?.getModel();
    if (!model) return;
    monaco.editor.setModelMarkers(
      model,
      'skill-playground',
      diagnostics.map((d) => {
        const line = Math.min(Math.max(d.line ?? 1, 1), model.getLineCount());
        return {
          severity: SEVERITY[d.severity],
          message: `${d.message} (${d.rule})`,
          startLineNumber: line,
          startColumn: d.column ?? 1,
          endLineNumber: line,
          endColumn: model.getLineMaxColumn(line),
        };
      }),
    );
  }, [diagnostics, value]);

  return <div className="code-editor" ref={host} data-testid="code-editor" />;
}
