import type { Compatibility } from '../../bundle';
import { CompatibilityTable } from './CompatibilityTable';

const COUNT = ['none', 'one', 'both', 'all three', 'all four', 'all five', 'all six'];

/** The verdict in a line: "accepted by all five", or the first refusal and its reason. */
export function compatibilitySummary(lines: Compatibility[]): string {
  const refused = lines.filter((line) => !line.accepts);
  if (refused.length === 0) return `accepted by ${COUNT[lines.length] ?? `all ${lines.length}`}`;
  const [first] = refused;
  const reason = first!.reasons[0]?.replace(/\.$/, '');
  const more = refused.length > 1 ? ` (and ${refused.length - 1} more)` : '';
  return `refused by ${first!.target}${reason ? `: ${reason}` : ''}${more}`;
}

/** Which skill systems would load this skill, in a line that opens to the table. */
export function CompatibilityLine({ lines }: { lines: Compatibility[] }) {
  const refused = lines.some((line) => !line.accepts);
  return (
    <details className="compat-line" data-refused={refused || undefined}>
      <summary>
        <span className="compat-label">Compatibility:</span> {compatibilitySummary(lines)}
      </summary>
      <CompatibilityTable lines={lines} />
    </details>
  );
}
