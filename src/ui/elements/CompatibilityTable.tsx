import type { Compatibility } from '../../bundle';

/** Which skill systems would load this skill, and the reasons where they would not. */
export function CompatibilityTable({ lines }: { lines: Compatibility[] }) {
  return (
    <section aria-label="Compatibility" className="compatibility">
      <h3>Compatibility</h3>
      <table>
        <tbody>
          {lines.map((line) => (
            <tr key={line.target} data-accepts={line.accepts}>
              <th scope="row">{line.target}</th>
              <td className={line.accepts ? 'accepts' : 'refuses'}>
                {line.accepts ? 'accepts' : 'refuses'}
              </td>
              <td>{line.reasons.join(' ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
