import { deleteRuns, fillFormFromRun, openPastRun, pinRun } from '../../store';
import type { HistoryRun } from '../../storage';
import type { Tool } from '../../tools';
import { OutputView } from '../output/OutputView';
import { TextView } from '../output/TextView';
import { formatMs, runTime } from './time';

/**
 * A past run to read: its tool, instance, times, arguments, output, stdout, stderr and audit
 * record. Re-run fills the tool's form with its arguments; Run, pressed by the person, runs it.
 */
export function PastRun({
  skillKey,
  run,
  tools,
}: {
  skillKey: string;
  run: HistoryRun;
  tools: Tool[];
}) {
  const tool = tools.find((t) => t.name === run.tool);
  return (
    <article aria-label="Past run" className="past-run" data-run-status={run.status}>
      <h4>
        {run.tool} <span className={`status status-${run.status}`}>{run.status}</span>
      </h4>
      <p className="muted">
        {runTime(run.startedAt)} · {formatMs(run.endedAt - run.startedAt)} · instance {run.instance}
        {run.exitCode !== undefined && ` · exit code ${run.exitCode}`}
      </p>
      <div className="actions">
        <button
          type="button"
          className="primary"
          disabled={!tool}
          title={tool ? undefined : `This skill has no tool named ${run.tool} now.`}
          onClick={() => tool && fillFormFromRun(skillKey, run, tool)}
        >
          Re-run
        </button>
        <button
          type="button"
          aria-pressed={run.pinned}
          onClick={() => void pinRun(skillKey, run.id, !run.pinned)}
        >
          {run.pinned ? 'Pinned' : 'Pin'}
        </button>
        <button type="button" onClick={() => void deleteRuns(skillKey, [run.id])}>
          Delete
        </button>
        <button type="button" onClick={() => void openPastRun(skillKey, undefined)}>
          Close
        </button>
      </div>
      {run.errorMessage && (
        <p className="run-error">
          {run.errorCode && run.errorCode !== 'ToolFailed' && <code>{run.errorCode}</code>}{' '}
          {run.errorMessage}
        </p>
      )}
      <h5>Arguments</h5>
      <pre data-testid="past-arguments">{JSON.stringify(run.arguments, null, 2)}</pre>
      <h5>Output</h5>
      {run.output === '' ? (
        <p className="muted">(none)</p>
      ) : (
        <OutputView output={run.output} format={run.outputFormat} label={run.tool} />
      )}
      {(['stdout', 'stderr'] as const).map((name) => (
        <section key={name} aria-label={`${name} of the past run`} className="stream">
          <h5>{name}</h5>
          {run[name] ? <TextView text={run[name]} from="end" /> : <p className="muted">(empty)</p>}
        </section>
      ))}
      {run.audit && (
        <details className="run-details">
          <summary>Audit record</summary>
          <pre>{JSON.stringify(run.audit, null, 2)}</pre>
        </details>
      )}
    </article>
  );
}
