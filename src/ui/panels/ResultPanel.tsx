import { selectRun, skillTools, usePlayground, type RunState } from '../../store';
import { formatBytes } from '../format';

const STAGE_TEXT = {
  wrapping: 'Wrapping the WASI preview1 module into a component…',
  transpiling: 'Transpiling the component with jco…',
  compiling: 'Compiling…',
  instantiating: 'Instantiating…',
  calling: 'Running…',
} as const;

/** Output shown as pretty JSON when it parses, else as text; a WIT value as it was printed. */
type OutputFormat = 'wave' | undefined;

function formatOutput(output: string, format: OutputFormat): { text: string; kind: string } {
  if (format === 'wave') return { text: output, kind: 'WAVE' };
  const trimmed = output.trim();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      return { text: JSON.stringify(JSON.parse(trimmed), null, 2), kind: 'JSON' };
    } catch {
      // not JSON after all: show it as it came
    }
  }
  return { text: output, kind: 'text' };
}

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

/** What a finished run said: its error, notes, exit code, output and timings. */
function Finished({ run }: { run: FinishedRun }) {
  return (
    <>
      {run.errorMessage && (
        <p className="run-error" role="alert">
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
      {run.output !== '' && <Output output={run.output} format={run.outputFormat} />}
      {run.rawOutput !== undefined && (
        <details className="raw-output">
          <summary>Raw output ({new TextEncoder().encode(run.rawOutput).length} bytes)</summary>
          <pre data-testid="raw-output">{run.rawOutput}</pre>
        </details>
      )}
      {run.timings && (
        <p className="timings muted">
          {run.timings.transpileMs > 0 && `transpile ${formatDuration(run.timings.transpileMs)} · `}
          instantiate {formatDuration(run.timings.instantiateMs)} · call{' '}
          {formatDuration(run.timings.callMs)}
          {run.memoryBytes !== undefined && ` · instance memory ${formatBytes(run.memoryBytes)}`}
        </p>
      )}
    </>
  );
}

/** What the last run of this skill gave: status, output, error, duration, stdout and stderr. */
export function ResultPanel({ skillKey }: { skillKey: string }) {
  const run = usePlayground(selectRun(skillKey));
  // A function inside an interface is shown by its own name, as on its tab.
  const label = usePlayground((s) => {
    const skill = s.skills.find((k) => k.key === skillKey);
    return skill && skillTools(skill).find((t) => t.name === run?.toolName)?.label;
  });
  const done = run?.status === 'running' ? undefined : run;
  return (
    <section
      aria-label="Result"
      className="result"
      data-run-status={run?.status ?? 'idle'}
      data-run-id={run?.runId ?? 0}
    >
      <h3>Result</h3>
      {!run ? (
        <p className="muted">Fill the form and press Run.</p>
      ) : (
        <>
          <p className="run-line">
            <span className={`status status-${run.status}`} data-testid="run-status">
              {run.status}
            </span>{' '}
            <span title={run.toolName}>{label ?? run.toolName}</span>{' '}
            <span className="muted">{statusText(run)}</span>
            {run.durationMs !== undefined && (
              <span className="duration" data-testid="run-duration">
                {' '}
                {formatDuration(run.durationMs)}
              </span>
            )}
          </p>
          {done && <Finished run={done} />}
        </>
      )}
      {run?.audit && <RunDetails run={run} />}
      <Stream name="stdout" text={run?.stdout ?? ''} />
      <Stream name="stderr" text={run?.stderr ?? ''} />
    </section>
  );
}

function Output({ output, format }: { output: string; format: OutputFormat }) {
  const { text, kind } = formatOutput(output, format);
  return (
    <div className="output">
      <div className="output-bar">
        <span className="muted">{kind}</span>
        <button type="button" onClick={() => void navigator.clipboard?.writeText(text)}>
          Copy
        </button>
      </div>
      <pre data-testid="run-output">{text}</pre>
    </div>
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

function Stream({ name, text }: { name: 'stdout' | 'stderr'; text: string }) {
  return (
    <section aria-label={name} className={`stream stream-${name}`}>
      <h4>{name}</h4>
      {text ? <pre>{text}</pre> : <p className="muted">(empty)</p>}
    </section>
  );
}

function formatDuration(ms: number): string {
  return ms < 1000 ? `${ms.toFixed(ms < 10 ? 1 : 0)} ms` : `${(ms / 1000).toFixed(2)} s`;
}
