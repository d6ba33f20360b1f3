import { useMemo } from 'react';
import { compareRuns } from '../../store';
import type { HistoryRun } from '../../storage';
import { compareOutputs, diffJson, diffText, type KeyChange, type LineChange } from './runDiff';
import { runTime } from './time';

/**
 * Two runs side by side, the older first: their arguments and outputs as they were, then what
 * differs, by key for JSON and by line for text.
 */
export function CompareRuns({
  skillKey,
  runs,
}: {
  skillKey: string;
  runs: [HistoryRun, HistoryRun];
}) {
  const [a, b] = runs;
  const argumentChanges = useMemo(() => diffJson(a.arguments, b.arguments), [a, b]);
  const output = useMemo(() => compareOutputs(a.output, b.output), [a, b]);
  const stdout = useMemo(() => diffText(a.stdout, b.stdout), [a, b]);
  return (
    <article aria-label="Comparison" className="compare-runs">
      <h4>Comparison</h4>
      <button type="button" onClick={() => void compareRuns(skillKey, undefined)}>
        Close comparison
      </button>
      <div className="compare-columns">
        {runs.map((run, i) => (
          <section key={run.id} aria-label={i === 0 ? 'First run' : 'Second run'}>
            <h5>
              {run.tool} <span className={`status status-${run.status}`}>{run.status}</span>
            </h5>
            <p className="muted">{runTime(run.startedAt)}</p>
            <pre>{JSON.stringify(run.arguments, null, 2)}</pre>
            <pre>{run.output}</pre>
          </section>
        ))}
      </div>
      <section aria-label="Arguments that differ">
        <h5>Arguments</h5>
        <KeyChanges changes={argumentChanges} />
      </section>
      <section aria-label="Output that differs">
        <h5>Output</h5>
        {output.kind === 'json' ? (
          <KeyChanges changes={output.changes} />
        ) : (
          <Lines lines={output.lines} changed={output.changed} />
        )}
      </section>
      {(a.stdout || b.stdout) && (
        <section aria-label="stdout that differs">
          <h5>stdout</h5>
          <Lines lines={stdout} changed={stdout.some((l) => l.kind !== 'same')} />
        </section>
      )}
    </article>
  );
}

const show = (value: unknown) => (value === undefined ? '—' : JSON.stringify(value));

function KeyChanges({ changes }: { changes: KeyChange[] }) {
  if (changes.length === 0) return <p className="muted">The same in both runs.</p>;
  return (
    <table className="key-changes">
      <thead>
        <tr>
          <th scope="col">Key</th>
          <th scope="col">First run</th>
          <th scope="col">Second run</th>
        </tr>
      </thead>
      <tbody>
        {changes.map((change) => (
          <tr key={`${change.kind}${change.path}`} data-change={change.kind}>
            <th scope="row">
              <code>{change.path || '/'}</code>
            </th>
            <td>{show(change.before)}</td>
            <td>{show(change.after)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const MARK = { same: '  ', removed: '- ', added: '+ ' } as const;

function Lines({ lines, changed }: { lines: LineChange[]; changed: boolean }) {
  if (!changed) return <p className="muted">The same in both runs.</p>;
  return (
    <pre className="line-diff">
      {lines.map((part, i) => (
        <span key={i} className={`line-${part.kind}`} data-change={part.kind}>
          {part.text
            .replace(/\n$/, '')
            .split('\n')
            .map((line) => `${MARK[part.kind]}${line}\n`)
            .join('')}
        </span>
      ))}
    </pre>
  );
}
