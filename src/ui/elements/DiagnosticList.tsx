import type { Diagnostic } from '../../bundle';
import { findingsHeading } from '../format';

/** Findings about a skill's files, each with where it is and which rule it breaks. */
export function DiagnosticList({ diagnostics }: { diagnostics: Diagnostic[] }) {
  if (diagnostics.length === 0) return null;
  return (
    <section aria-label="Diagnostics" className="diagnostics">
      <h3>{findingsHeading(diagnostics.map((d) => d.severity))}</h3>
      <ul>
        {diagnostics.map((d, i) => (
          <li key={i} className={`diagnostic ${d.severity}`} data-rule={d.rule}>
            <span className="where">
              {d.file}
              {d.line ? `:${d.line}` : ''}
              {d.line && d.column ? `:${d.column}` : ''}
            </span>{' '}
            <span className="severity">{d.severity}</span> {d.message}{' '}
            <code className="rule">{d.rule}</code>
          </li>
        ))}
      </ul>
    </section>
  );
}
