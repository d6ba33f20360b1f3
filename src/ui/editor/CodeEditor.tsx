import { useEffect, useRef } from 'react';
import type { Diagnostic } from '../../bundle';
import { useTheme } from '../workbench/theme';
import { languageOf, monaco, setModelSchema } from './monacoSetup';

interface Props {
  /** Names the model, so each file keeps its own undo history while the page lives. */
  uri: string;
  path: string;
  value: string;
  readOnly?: boolean;
  /** Findings for this file, shown as markers (squiggles and hovers). */
  diagnostics: Diagnostic[];
  onChange: (text: string) => void;
  /** Ctrl/Cmd+Enter in the editor: runs the current tool, as it does anywhere on the page. */
  onRun?: () => void;
  /** Where to put the cursor; a new `request` moves it there again. */
  reveal?: { line?: number; column?: number; request: number };
  /** The id of the hint that says how to leave the editor with the keyboard. */
  describedBy?: string;
  /** For JSON: the JSON Schema the text is checked and completed against. */
  jsonSchema?: object;
}

const SEVERITY = {
  error: monaco.MarkerSeverity.Error,
  warning: monaco.MarkerSeverity.Warning,
  info: monaco.MarkerSeverity.Info,
} as const;

/** Monaco on one file. Loaded with React.lazy: nothing of Monaco is in the page's first load. */
export default function CodeEditor(props: Props) {
  const { uri, path, value, readOnly, diagnostics, onChange, onRun, reveal, describedBy } = props;
  const { jsonSchema } = props;
  const host = useRef<HTMLDivElement>(null);
  const editor = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const change = useRef(onChange);
  const run = useRef(onRun);
  const applying = useRef(false);
  const theme = useTheme();
  useEffect(() => {
    change.current = onChange;
    run.current = onRun;
  }, [onChange, onRun]);

  useEffect(() => {
    // One theme for every editor on the page: Monaco's themes are global.
    monaco.editor.setTheme(theme === 'dark' ? 'vs-dark' : 'vs');
  }, [theme]);

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
      theme: theme === 'dark' ? 'vs-dark' : 'vs',
    });
    editor.current = instance;
    // Ctrl/Cmd+Enter runs, as everywhere else on the page, instead of inserting a line below.
    const action = instance.addAction({
      id: 'skill-playground.run',
      label: 'Run the current tool',
      keybindings: [monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter],
      run: () => run.current?.(),
    });
    // Monaco's input element is its own; the hint about leaving it is tied on here.
    if (describedBy) {
      for (const input of host.current!.querySelectorAll('textarea, [role="textbox"]')) {
        input.setAttribute('aria-describedby', describedBy);
      }
    }
    const listener = model.onDidChangeContent(() => {
      // Text set from outside (a revert) is not an edit.
      if (!applying.current) change.current(model.getValue());
    });
    return () => {
      action.dispose();
      listener.dispose();
      instance.dispose();
      editor.current = null;
    };
    // The editor is made once per file; value and theme changes are applied by the effects here.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [uri, path, readOnly]);

  useEffect(() => {
    if (!jsonSchema) return;
    const modelUri = monaco.Uri.parse(uri).toString();
    setModelSchema(modelUri, jsonSchema);
    return () => setModelSchema(modelUri, undefined);
  }, [uri, jsonSchema]);

  useEffect(() => {
    const instance = editor.current;
    const line = reveal?.line;
    if (!instance || line === undefined) return;
    // A finding was chosen: its line, its column, and the keyboard in the editor.
    const position = { lineNumber: line, column: reveal?.column ?? 1 };
    instance.setPosition(position);
    instance.revealPositionInCenter(position);
    instance.focus();
  }, [reveal?.request, reveal?.line, reveal?.column]);

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
