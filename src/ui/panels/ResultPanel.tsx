import {
  selectRun,
  selectRunningTool,
  skillTools,
  usePlayground,
  type RunState,
} from '../../store';
import { formatBytes } from '../format';
import { OutputView } from '../output/OutputView';
import { TextView } from '../output/TextView';
import { formatElapsed, formatLimit, useElapsed } from '../workbench/useElapsed';

const STAGE_TEXT = {
  wrapping: 'Wrapping the WASI preview1 module into a component…',
  transpiling: 'Transpiling the component with jco…',
  compiling: 'Compiling…',
  instantiating: 'Instantiating…',
  calling: 'Running…',
} as const;

function statusText(run: RunState): string {
  switch (run.status) {
    case 'running':
      return run.stage ? STAGE_TEXT[run.stage] : 'Starting…';
    case 'ok':
      return 'The tool succeeded.';
    case 'timeout':
      return 'The run was stopped at its time limit.';
    case 'cancelled':
      return 'The run was cancelled.';
    case 'error':
      return run.errorCode === 'ToolFailed' ? 'The tool reported an error.' : 'The run failed.';
  }
}

type FinishedRun = Exclude<RunState, { status: 'running' }>;

/**
 * What a finished run said: its error, notes, exit code, output and timings. The error is told
 * to screen readers by the page's assertive live region (Announcer), so it is no alert itself.
 */
function Finished({ run, label }: { run: FinishedRun; label: string }) {
  return (
    <>
      {run.errorMessage && (
        <p className="run-error">
          {run.errorCode && run.errorCode !== 'ToolFailed' && <code>{run.errorCode}</code>}{' '}
          {run.errorMessage}
        </p>
      )}
      {run.formatNote && <p className="muted">{run.formatNote}</p>}
      {run.exitCode !== undefined && (
        <p className="muted" data-testid="run-exit">
          exit code {run.exitCode}
          {run.lineCount !== undefined &&
            ` · ${run.lineCount} line${run.lineCount === 1 ? '' : 's'}`}
        </p>
      )}
      {run.output !== '' && (
        <OutputView output={run.output} format={run.outputFormat} label={label} />
      )}
      {run.rawOutput !== undefined && (
        <details className="raw-output">
          <summary>Raw output ({new TextEncoder().encode(run.rawOutput).length} bytes)</summary>
          <pre data-testid="raw-output">{run.rawOutput}</pre>
        </details>
      )}
      {run.stoppedAfterMs !== undefined && (
        <p className="timings muted" data-testid="run-timings">
          {run.status === 'cancelled' ? 'cancelled' : 'stopped'} after{' '}
          {formatDuration(run.stoppedAfterMs)}
          {run.status === 'timeout' &&
            run.timeoutMs !== undefined &&
            `, against its ${formatLimit(run.timeoutMs)} limit`}
        </p>
      )}
      {run.timings && (
        <p className="timings muted" data-testid="run-timings">
          {run.timings.transpileMs > 0 && `transpile ${formatDuration(run.timings.transpileMs)} · `}
          instantiate {formatDuration(run.timings.instantiateMs)} · call{' '}
          {formatDuration(run.timings.callMs)}
          {run.memoryBytes !== undefined && ` · instance memory ${formatBytes(run.memoryBytes)}`}
        </p>
      )}
    </>
  );
}

/** While a run goes on: its stage, and the time it has taken against its limit. */
function RunProgress({ run }: { run: RunState }) {
  const calling = run.callStartedAt !== undefined;
  const elapsed = useElapsed(calling ? run.callStartedAt : run.startedAt, true);
  const limit = run.timeoutMs;
  return (
    <p className="run-progress" data-testid="run-progress">
      {calling && limit !== undefined ? (
        <>
          <progress
            max={limit}
            value={Math.min(elapsed, limit)}
            aria-label={`Time used of the ${formatLimit(limit)} limit`}
          />{' '}
          {formatElapsed(elapsed)} of its {formatLimit(limit)} limit · Escape cancels
        </>
      ) : (
        <>
          <progress aria-label="Getting the component ready" /> {formatElapsed(elapsed)}
        </>
      )}
    </p>
  );
}

/**
 * The chosen tool's own last run: status, output in its view, error, duration, stdout and
 * stderr. Another tool's run never shows here; one under way is named, with Cancel on the form.
 */
export function ResultPanel({ skillKey, toolName }: { skillKey: string; toolName: string }) {
  const run = usePlayground(selectRun(skillKey, toolName));
  const running = usePlayground(selectRunningTool(skillKey));
  const skill = usePlayground((s) => s.skills.find((k) => k.key === skillKey));
  // A function inside an interface is shown by its own name, as on its tab.
  const labelOf = (name: string) =>
    (skill && skillTools(skill).find((t) => t.name === name)?.label) ?? name;
  const label = labelOf(toolName);
  const done = run?.status === 'running' ? undefined : run;
  return (
    <section
      aria-label="Result"
      className="result"
      data-run-status={run?.status ?? 'idle'}
      data-run-id={run?.runId ?? 0}
    >
      <h3>Result</h3>
      {running && running !== toolName && (
        <p className="muted other-run">{labelOf(running)} is running; Cancel stops it.</p>
      )}
      {!run ? (
        <p className="muted">Fill the form and press Run.</p>
      ) : (
        <>
          <p className="run-line">
            <span className={`status status-${run.status}`} data-testid="run-status">
              {run.status}
            </span>{' '}
            <span title={run.toolName}>{label}</span>{' '}
            <span className="muted">{statusText(run)}</span>
            {run.durationMs !== undefined && (
              <span className="duration" data-testid="run-duration">
                {' '}
                {formatDuration(run.durationMs)}
              </span>
            )}
          </p>
          {run.status === 'running' && <RunProgress run={run} />}
          {done && <Finished run={done} label={label} />}
        </>
      )}
      {run?.audit && <RunDetails run={run} />}
      <Stream name="stdout" text={run?.stdout ?? ''} />
      <Stream name="stderr" text={run?.stderr ?? ''} />
    </section>
  );
}

/** The run's audit record, readable and downloadable as JSON. */
function RunDetails({ run }: { run: RunState }) {
  const json = JSON.stringify(run.audit, null, 2);
  const download = () => {
    const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `audit-${run.toolName}-${run.audit!.startTime.replace(/[:.]/g, '-')}.json`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  return (
    <details className="run-details">
      <summary>Run details</summary>
      <pre data-testid="audit-record">{json}</pre>
      <button type="button" onClick={download}>
        Download audit JSON
      </button>
    </details>
  );
}

/** stdout or stderr: the newest text shows, a piece at a time, as it streams in. */
function Stream({ name, text }: { name: 'stdout' | 'stderr'; text: string }) {
  return (
    <section aria-label={name} className={`stream stream-${name}`}>
      <h4>{name}</h4>
      {text ? <TextView text={text} from="end" /> : <p className="muted">(empty)</p>}
    </section>
  );
}

function formatDuration(ms: number): string {
  return ms < 1000 ? `${ms.toFixed(ms < 10 ? 1 : 0)} ms` : `${(ms / 1000).toFixed(2)} s`;
}
