import { useState } from 'react';
import {
  DEFAULT_MAX_MEMORY_BYTES,
  DEFAULT_MAX_OUTPUT_BYTES,
  DEFAULT_TIMEOUT_MS,
} from '../../runtime';
import { selectInstance, setKeepWarm, setLimit, usePlayground, type LimitName } from '../../store';

interface LimitSpec {
  name: LimitName;
  label: string;
  /** Bytes or milliseconds per unit shown. */
  unit: number;
  fallback: number;
  min: number;
  max: number;
}

const LIMITS: LimitSpec[] = [
  {
    name: 'timeoutMs',
    label: 'Timeout (ms)',
    unit: 1,
    fallback: DEFAULT_TIMEOUT_MS,
    min: 100,
    max: 600_000,
  },
  {
    name: 'maxOutputBytes',
    label: 'Output (KiB)',
    unit: 1024,
    fallback: DEFAULT_MAX_OUTPUT_BYTES,
    min: 1,
    max: 64 * 1024,
  },
  {
    name: 'maxMemoryBytes',
    label: 'Memory (MiB)',
    unit: 1024 * 1024,
    fallback: DEFAULT_MAX_MEMORY_BYTES,
    min: 1,
    max: 4096,
  },
];

/** Per-instance overrides of the run limits, kept with the instance. */
export function RunLimits({ skillKey }: { skillKey: string }) {
  const instance = usePlayground(selectInstance(skillKey));
  return (
    <div className="run-limits" role="group" aria-label="Run limits">
      {LIMITS.map((spec) => {
        const current = Math.round((instance?.[spec.name] ?? spec.fallback) / spec.unit);
        return (
          <LimitInput
            key={`${spec.name}:${current}`}
            skillKey={skillKey}
            spec={spec}
            current={current}
          />
        );
      })}
      <label className="inline" title="Reuse one instance (its memory and /workspace) between runs">
        <input
          type="checkbox"
          checked={instance?.keepWarm === true}
          onChange={(e) => void setKeepWarm(skillKey, e.target.checked)}
        />
        Keep warm
      </label>
    </div>
  );
}

function LimitInput({
  skillKey,
  spec,
  current,
}: {
  skillKey: string;
  spec: LimitSpec;
  current: number;
}) {
  const [text, setText] = useState(String(current));
  const [error, setError] = useState<string | null>(null);
  const id = `${spec.name}-${skillKey}`;
  const commit = () => {
    const value = Number(text);
    if (!Number.isInteger(value) || value < spec.min || value > spec.max) {
      setError(`${spec.label}: enter a whole number from ${spec.min} to ${spec.max}.`);
      return;
    }
    setError(null);
    if (value !== current) {
      const bytes = value * spec.unit;
      void setLimit(skillKey, spec.name, bytes === spec.fallback ? undefined : bytes);
    }
  };
  return (
    <span className="limit">
      <label htmlFor={id}>{spec.label}</label>
      <input
        id={id}
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
    </span>
  );
}
