import { lazy, Suspense } from 'react';
import { FORM_ERROR_KEY } from '../../forms';
import type { Tool } from '../../tools';

const CodeEditor = lazy(() => import('../editor/CodeEditor'));

interface Props {
  /** The tool's form id, which names the editor's model. */
  id: string;
  tool: Tool;
  text: string;
  errors?: Record<string, string>;
  onChange: (text: string) => void;
  onRun: () => void;
}

/**
 * The tool's arguments as JSON, in the editor, checked and completed against the tool's input
 * schema. What Run finds wrong is listed under it, each problem with the place it is at.
 */
export function ArgumentsJson({ id, tool, text, errors, onChange, onRun }: Props) {
  const problems = Object.entries(errors ?? {}).filter(([path]) => path !== FORM_ERROR_KEY);
  return (
    <div
      className="arguments-json"
      data-testid="arguments-json"
      // Tall enough for every line (up to 40): all of the arguments in sight at once.
      style={{ ['--json-lines' as string]: Math.min(Math.max(text.split('\n').length + 1, 6), 40) }}
    >
      <p id={`${id}-json-hint`} className="hint">
        The arguments as JSON, checked against the tool&apos;s schema as you type (Ctrl+Space
        completes). Ctrl+Enter runs.
      </p>
      <Suspense fallback={<pre className="editor-fallback">{text}</pre>}>
        <CodeEditor
          // A plain file name: Monaco's JSON worker finds the schema by it (see setModelSchema).
          uri={`inmemory://tool-input/${id.replace(/[^a-zA-Z0-9_-]/g, '_')}.json`}
          path="arguments.json"
          value={text}
          diagnostics={[]}
          onChange={onChange}
          onRun={onRun}
          describedBy={`${id}-json-hint`}
          jsonSchema={tool.schema}
        />
      </Suspense>
      {problems.length > 0 && (
        <ul className="field-error" role="alert" aria-label="Problems in the arguments">
          {problems.map(([path, message]) => (
            <li key={path}>
              <code>{path}</code>: {message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
