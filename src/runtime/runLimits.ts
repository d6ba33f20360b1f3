// The ranges a run's limits must fall in. Values outside them are refused, not clamped: a limit
// that was meant and cannot be kept should say so rather than quietly become another one.

export interface RunLimitValues {
  timeoutMs: number;
  maxOutputBytes: number;
  maxLineBytes: number;
  maxMemoryBytes: number;
}

const MiB = 1024 * 1024;

/** The smallest limits a run may have. */
export const LIMIT_FLOORS: Readonly<RunLimitValues> = {
  timeoutMs: 1,
  maxOutputBytes: 1,
  maxLineBytes: 1,
  // One wasm page: a memory cannot be smaller.
  maxMemoryBytes: 64 * 1024,
};

/**
 * The largest limits a run may have. setTimeout overflows past 2^31-1 ms (a longer timeout
 * fires at once); 4 GiB is all a 32-bit wasm memory can address; 64 MiB of output is more than
 * the page can show without stalling.
 */
export const LIMIT_CEILINGS: Readonly<RunLimitValues> = {
  timeoutMs: 10 * 60 * 1000,
  maxOutputBytes: 64 * MiB,
  maxLineBytes: 64 * MiB,
  maxMemoryBytes: 4 * 1024 * MiB,
};

const NAMES: Record<keyof RunLimitValues, { what: string; unit: 'ms' | 'bytes' }> = {
  timeoutMs: { what: 'timeout', unit: 'ms' },
  maxOutputBytes: { what: 'output limit', unit: 'bytes' },
  maxLineBytes: { what: 'line limit', unit: 'bytes' },
  maxMemoryBytes: { what: 'memory limit', unit: 'bytes' },
};

/** Why these limits cannot be kept, in a sentence; undefined when every one is in its range. */
export function limitsProblem(limits: RunLimitValues): string | undefined {
  for (const key of Object.keys(NAMES) as Array<keyof RunLimitValues>) {
    const value = limits[key];
    const floor = LIMIT_FLOORS[key];
    const ceiling = LIMIT_CEILINGS[key];
    if (Number.isInteger(value) && value >= floor && value <= ceiling) continue;
    const { what, unit } = NAMES[key];
    const range =
      unit === 'ms'
        ? `from ${formatMs(floor)} to ${formatMs(ceiling)}`
        : `from ${formatBytes(floor)} to ${formatBytes(ceiling)}`;
    const kind = unit === 'ms' ? 'milliseconds' : 'bytes';
    return `The run's ${what} must be a whole number of ${kind} ${range}; it was ${String(value)}.`;
  }
  return undefined;
}

function formatMs(ms: number): string {
  if (ms % 60_000 === 0) return `${ms / 60_000} min`;
  if (ms % 1000 === 0) return `${ms / 1000} s`;
  return `${ms} ms`;
}

function formatBytes(bytes: number): string {
  if (bytes === 1) return '1 byte';
  if (bytes % (1024 * MiB) === 0) return `${bytes / 1024 / MiB} GiB`;
  if (bytes % MiB === 0) return `${bytes / MiB} MiB`;
  if (bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} bytes`;
}
