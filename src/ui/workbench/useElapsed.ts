import { useEffect, useState } from 'react';

/** Milliseconds since `since` (performance.now()), ticking while `active`; a small re-render each tick. */
export function useElapsed(since: number | undefined, active: boolean, tickMs = 100): number {
  const [now, setNow] = useState(() => performance.now());
  useEffect(() => {
    if (!active || since === undefined) return;
    const timer = setInterval(() => setNow(performance.now()), tickMs);
    return () => clearInterval(timer);
  }, [since, active, tickMs]);
  return since === undefined ? 0 : Math.max(0, now - since);
}

/** A duration as people read it: "240 ms", "1.2 s". */
export function formatElapsed(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** A limit as people set it: whole seconds as "10 s", else as a duration. */
export function formatLimit(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : formatElapsed(ms);
}
