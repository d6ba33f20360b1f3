import { useState } from 'react';
import { DEFAULT_TIMEOUT_MS } from '../../runtime';
import { selectInstance, setTimeoutMs, usePlayground } from '../../store';

const MIN_TIMEOUT_MS = 100;
const MAX_TIMEOUT_MS = 10 * 60 * 1000;

/** Per-instance limits of a run; kept with the instance. */
export function RunLimits({ skillKey }: { skillKey: string }) {
  const instance = usePlayground(selectInstance(skillKey));
  const current = instance?.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  return <TimeoutInput key={current} skillKey={skillKey} current={current} />;
}

function TimeoutInput({ skillKey, current }: { skillKey: string; current: number }) {
  const [text, setText] = useState(String(current));
  const [error, setError] = useState<string | null>(null);

  const commit = () => {
    const value = Number(text);
    if (!Number.isInteger(value) || value < MIN_TIMEOUT_MS || value > MAX_TIMEOUT_MS) {
      setError(`Enter a whole number of milliseconds from ${MIN_TIMEOUT_MS} to ${MAX_TIMEOUT_MS}.`);
      return;
    }
    setError(null);
    if (value !== current) void setTimeoutMs(skillKey, value);
  };
  return (
    <div className="run-limits" role="group" aria-label="Run limits">
      <label htmlFor={`timeout-${skillKey}`}>Timeout (ms)</label>
      <input
        id={`timeout-${skillKey}`}
        type="text"
        inputMode="numeric"
        value={text}
        aria-invalid={error ? true : undefined}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => e.key === 'Enter' && (e.preventDefault(), commit())}
      />
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
