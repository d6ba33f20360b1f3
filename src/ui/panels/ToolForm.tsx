import { useMemo, type FormEvent } from 'react';
import type { Tool } from '../../tools';
import {
  cancelRun,
  draftKey,
  getDrafts,
  runTool,
  selectRunningTool,
  setDraft,
  setJsonViewText,
  showFormView,
  showJsonView,
  usePlayground,
} from '../../store';
import { toolModel } from '../../tools';
import { FORM_ERROR_KEY, jsonViewText, type WitDraft } from '../../forms';
import { witSignature } from '../../wit';
import { ArgumentsJson } from './ArgumentsJson';
import { FieldControl } from './FieldControl';
import { WitValueControl } from './WitValueControl';

interface Props {
  skillKey: string;
  tool: Tool;
  /** What the run may touch, in a sentence, shown before it starts. */
  runMay: string;
}

/** The form generated for one tool, named by the tool, with Run and Cancel. */
export function ToolForm({ skillKey, tool, runMay }: Props) {
  const { fields } = useMemo(() => toolModel(tool), [tool]);
  const id = draftKey(skillKey, tool.name);
  const stored = usePlayground((s) => s.drafts[id]);
  const drafts = stored ?? getDrafts(skillKey, tool);
  const errors = usePlayground((s) => s.fieldErrors[id]);
  // A problem with the whole input or with the tool's schema (too deep, not a valid schema).
  const formError = errors?.[FORM_ERROR_KEY];
  const fieldErrorCount = Object.keys(errors ?? {}).filter((key) => key !== FORM_ERROR_KEY).length;
  // One run at a time per skill, whichever tool it is: Cancel stops it from any tab.
  const running = usePlayground(selectRunningTool(skillKey)) !== undefined;

  // The JSON view's text while it is open; a WIT function's values are WAVE, not JSON.
  const jsonText = jsonViewText(drafts);
  const canShowJson = tool.call.kind !== 'wit' && fields.length > 0;

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    void runTool(skillKey, tool.name);
  };
  return (
    <form aria-label={tool.label ?? tool.name} className="tool-form" onSubmit={submit} noValidate>
      <h3 className="tool-name">{tool.label ?? tool.name}</h3>
      {tool.description && <p className="tool-description">{tool.description}</p>}
      {tool.call.kind === 'wit' && (
        <p className="wit-signature">
          {tool.group && <span className="muted">{tool.group} · </span>}
          <code>{witSignature(tool.label ?? tool.name, tool.call.func)}</code>
        </p>
      )}
      {tool.call.kind === 'wit' &&
        tool.call.func.params.map((param) => (
          <WitValueControl
            key={param.name}
            type={param.type}
            value={drafts[param.name] as WitDraft | undefined}
            onChange={(value) => setDraft(skillKey, tool, param.name, value)}
            path={param.name}
            label={param.name}
            shown={param.name}
            errors={errors}
          />
        ))}
      {fields.length === 0 && (tool.call.kind !== 'wit' || tool.call.func.params.length === 0) && (
        <p className="muted">This tool takes no parameters.</p>
      )}
      {canShowJson && (
        <div className="view-switch" role="group" aria-label="Arguments view">
          <button
            type="button"
            aria-pressed={jsonText === undefined}
            onClick={() => showFormView(skillKey, tool)}
          >
            Form
          </button>
          <button
            type="button"
            aria-pressed={jsonText !== undefined}
            onClick={() => showJsonView(skillKey, tool)}
          >
            JSON
          </button>
        </div>
      )}
      {jsonText !== undefined ? (
        <ArgumentsJson
          id={id}
          tool={tool}
          text={jsonText}
          errors={errors}
          onChange={(text) => setJsonViewText(skillKey, tool, text)}
          onRun={() => submit()}
        />
      ) : (
        fields.map((field) => (
          <FieldControl
            key={field.name}
            id={`${id}/${field.name}`.replace(/[^a-zA-Z0-9_-]/g, '_')}
            field={field}
            value={drafts[field.name] ?? null}
            path={field.name}
            errors={errors}
            onChange={(value) => setDraft(skillKey, tool, field.name, value)}
          />
        ))
      )}
      {fieldErrorCount > 0 && jsonText === undefined && (
        <p className="form-error" role="alert">
          Fix the marked field{fieldErrorCount === 1 ? '' : 's'} to run.
        </p>
      )}
      {formError && (
        <p className="field-error" role="alert" data-testid="form-level-error">
          {formError}
        </p>
      )}
      <p className="run-may muted" data-testid="run-may">
        A run may {runMay}.
      </p>
      <div className="actions">
        <button type="submit" className="primary" disabled={running}>
          Run
        </button>
        <button type="button" disabled={!running} onClick={() => cancelRun(skillKey)}>
          Cancel
        </button>
        <span className="hint">Enter in a one-line field or Ctrl+Enter runs; Escape cancels</span>
      </div>
    </form>
  );
}
