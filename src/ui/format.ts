import type { Severity } from '../bundle';

/** A size as people read it: bytes, KiB or MiB. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * The heading over a skill's findings: how many there are, then how many of each severity, so
 * the count always matches the list below it ("3 findings: 1 error, 2 warnings").
 */
export function findingsHeading(severities: readonly Severity[]): string {
  const of = (severity: string) => severities.filter((s) => s === severity).length;
  const parts = [
    [of('error'), 'error'],
    [of('warning'), 'warning'],
    [of('info'), 'note'],
  ] as const;
  const breakdown = parts.filter(([n]) => n > 0).map(([n, word]) => plural(n, word));
  return `${plural(severities.length, 'finding')} in this skill: ${breakdown.join(', ')}`;
}
