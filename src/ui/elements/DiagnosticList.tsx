import type { Diagnostic } from '../../bundle';
import { findingsHeading } from '../format';

/**
 * Findings about a skill's files, each with where it is and which rule it breaks. With `onOpen`,
 * a finding in a file of the skill is a button that opens that file at its line.
 */
export function DiagnosticList({
  diagnostics,
  onOpen,
  canOpen = () => true,
}: {
  diagnostics: Diagnostic[];
  onOpen?: (diagnostic: Diagnostic) => void;
  canOpen?: (diagnostic: Diagnostic) => boolean;
}) {
  if (diagnostics.length === 0) return null;
  return (
    <section aria-label="Diagnostics" className="diagnostics">
      <h3>{findingsHeading(diagnostics.map((d) => d.severity))}</h3>
      <ul>
        {diagnostics.map((d, i) => {
          const finding = (
            <>
              <span className="where">
                {d.file}
                {d.line ? `:${d.line}` : ''}
                {d.line && d.column ? `:${d.column}` : ''}
              </span>{' '}
              <span className="severity">{d.severity}</span> {d.message}{' '}
              <code className="rule">{d.rule}</code>
            </>
          );
          return (
            <li key={i} className={`diagnostic ${d.severity}`} data-rule={d.rule}>
              {onOpen && canOpen(d) ? (
                <button type="button" className="diagnostic-open" onClick={() => onOpen(d)}>
                  {finding}
                </button>
              ) : (
                finding
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
