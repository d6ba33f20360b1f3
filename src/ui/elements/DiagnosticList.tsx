import type { Diagnostic } from '../../bundle';

/** Findings about a skill's files, each with where it is and which rule it breaks. */
export function DiagnosticList({ diagnostics }: { diagnostics: Diagnostic[] }) {
  if (diagnostics.length === 0) return null;
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  return (
    <section aria-label="Diagnostics" className="diagnostics">
      <h3>{errors > 0 ? `${errors} problem${errors === 1 ? '' : 's'}` : 'Notes'} in this skill</h3>
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
