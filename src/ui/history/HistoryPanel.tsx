import { useRef, useState } from 'react';
import {
  compareRuns,
  deleteRuns,
  exportHistory,
  importHistory,
  openPastRun,
  pinRun,
  setHistoryMaxRuns,
  usePlayground,
  type SkillHistory,
} from '../../store';
import type { HistoryStatus, RunSummary } from '../../storage';
import type { Tool } from '../../tools';
import { CompareRuns } from './CompareRuns';
import { downloadText } from './download';
import { PastRun } from './PastRun';
import { runTime } from './time';

const STATUSES: HistoryStatus[] = ['ok', 'error', 'timeout', 'cancelled'];
const EMPTY: SkillHistory = { runs: [], loaded: false, unreadable: 0 };

/**
 * A skill's kept runs, newest first, filtered by tool and status. Each can be opened, pinned or
 * deleted; two chosen can be compared; all, or the chosen, exported as a file and imported back.
 */
export function HistoryPanel({ skillKey, tools }: { skillKey: string; tools: Tool[] }) {
  const history = usePlayground((s) => s.history[skillKey] ?? EMPTY);
  const maxRuns = usePlayground((s) => s.historyMaxRuns);
  const [tool, setTool] = useState('');
  const [status, setStatus] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const importInput = useRef<HTMLInputElement>(null);

  const shown = history.runs.filter(
    (run) => (!tool || run.tool === tool) && (!status || run.status === status),
  );
  const kept = chosen.filter((id) => history.runs.some((run) => run.id === id));
  const toolNames = [...new Set([...tools.map((t) => t.name), ...history.runs.map((r) => r.tool)])];
  const choose = (id: string, on: boolean) =>
    setChosen((ids) => (on ? [...ids.filter((i) => i !== id), id] : ids.filter((i) => i !== id)));

  const exportRuns = async () => {
    const { fileName, text } = await exportHistory(skillKey, kept.length > 0 ? kept : undefined);
    downloadText(fileName, text);
  };
  const importFile = async (file: File | undefined) => {
    if (file) await importHistory(skillKey, await file.text());
    if (importInput.current) importInput.current.value = '';
  };

  return (
    <section aria-label="History" className="history">
      <h3>History</h3>
      {history.notice && (
        <p
          role={history.notice.tone === 'error' ? 'alert' : 'status'}
          className={history.notice.tone === 'error' ? 'run-error' : 'muted'}
          data-testid="history-notice"
        >
          {history.notice.text}
        </p>
      )}
      <div className="history-bar">
        <label>
          Tool{' '}
          <select value={tool} onChange={(e) => setTool(e.target.value)}>
            <option value="">all</option>
            {toolNames.map((name) => (
              <option key={name}>{name}</option>
            ))}
          </select>
        </label>
        <label>
          Status{' '}
          <select value={status} onChange={(e) => setStatus(e.target.value)}>
            <option value="">all</option>
            {STATUSES.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </label>
        <MaxRuns skillKey={skillKey} value={maxRuns} />
      </div>
      <div className="history-bar">
        <button
          type="button"
          disabled={kept.length !== 2}
          title="Choose two runs to compare"
          onClick={() => void compareRuns(skillKey, kept as [string, string])}
        >
          Compare
        </button>
        <button
          type="button"
          disabled={history.runs.length === 0}
          onClick={() => void exportRuns()}
        >
          {kept.length > 0 ? `Export ${kept.length} chosen` : 'Export history'}
        </button>
        <button
          type="button"
          disabled={kept.length === 0}
          onClick={() => {
            void deleteRuns(skillKey, kept);
            setChosen([]);
          }}
        >
          Delete chosen
        </button>
        <label className="file-button">
          Import history
          <input
            ref={importInput}
            type="file"
            accept="application/json,.json"
            onChange={(e) => void importFile(e.target.files?.[0])}
          />
        </label>
      </div>
      {history.unreadable > 0 && (
        <p className="muted">
          {history.unreadable} kept run{history.unreadable === 1 ? '' : 's'} could not be read
          (written by a newer playground, or damaged).
        </p>
      )}
      {history.loaded && history.runs.length === 0 ? (
        <p className="muted">No runs yet: each run of this skill is kept here.</p>
      ) : (
        <ul aria-label="Runs" className="history-runs">
          {shown.map((run) => (
            <RunRow
              key={run.id}
              run={run}
              skillKey={skillKey}
              isOpen={history.open?.id === run.id}
              isChosen={kept.includes(run.id)}
              onChoose={(on) => choose(run.id, on)}
            />
          ))}
        </ul>
      )}
      {history.open && <PastRun skillKey={skillKey} run={history.open} tools={tools} />}
      {history.compare && <CompareRuns skillKey={skillKey} runs={history.compare} />}
    </section>
  );
}

function RunRow(props: {
  run: RunSummary;
  skillKey: string;
  isOpen: boolean;
  isChosen: boolean;
  onChoose: (on: boolean) => void;
}) {
  const { run, skillKey } = props;
  const when = runTime(run.startedAt);
  const name = `${run.tool} ${run.status} ${when}`;
  return (
    <li data-run-status={run.status} data-pinned={run.pinned} aria-current={props.isOpen}>
      <input
        type="checkbox"
        aria-label={`Choose ${name}`}
        checked={props.isChosen}
        onChange={(e) => props.onChoose(e.target.checked)}
      />
      <button
        type="button"
        className="history-open"
        aria-label={`Open ${name}`}
        onClick={() => void openPastRun(skillKey, props.isOpen ? undefined : run.id)}
      >
        <span className="history-tool">{run.tool}</span>{' '}
        <span className={`status status-${run.status}`}>{run.status}</span>{' '}
        <time className="muted" dateTime={new Date(run.startedAt).toISOString()}>
          {when}
        </time>
        {run.instance !== 'default' && <span className="muted"> · {run.instance}</span>}
      </button>
      <button
        type="button"
        aria-pressed={run.pinned}
        aria-label={`Pin ${name}`}
        onClick={() => void pinRun(skillKey, run.id, !run.pinned)}
      >
        {run.pinned ? 'Pinned' : 'Pin'}
      </button>
      <button
        type="button"
        aria-label={`Delete ${name}`}
        onClick={() => void deleteRuns(skillKey, [run.id])}
      >
        Delete
      </button>
    </li>
  );
}

/** How many runs each skill keeps: applied on Enter or leaving the field, never mid-typing. */
function MaxRuns({ skillKey, value }: { skillKey: string; value: number }) {
  const [draft, setDraft] = useState<string | null>(null);
  const commit = () => {
    const n = Number(draft);
    if (draft !== null && Number.isInteger(n) && n >= 1) void setHistoryMaxRuns(skillKey, n);
    setDraft(null);
  };
  return (
    <label>
      Runs kept per skill{' '}
      <input
        type="number"
        min={1}
        value={draft ?? String(value)}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
        }}
      />
    </label>
  );
}
