import { useMemo, useState, type FormEvent } from 'react';
import { argumentsOf, renderInstructions, type SkillMd } from '../../bundle';
import { CopyButton } from '../elements/CopyButton';

/** An instructions-only skill: a form from its arguments, and its body with them filled in. */
export function InstructionsPanel({ skillMd }: { skillMd: SkillMd }) {
  const specs = useMemo(() => argumentsOf(skillMd.frontmatter), [skillMd]);
  const fields =
    specs.length > 0
      ? specs
      : [{ name: 'arguments', description: 'What $ARGUMENTS stands for', required: false }];
  const [values, setValues] = useState<Record<string, string>>({});
  const [missing, setMissing] = useState<string[]>([]);
  const [rendered, setRendered] = useState<string | null>(null);

  const render = (event: FormEvent) => {
    event.preventDefault();
    const absent = fields.filter((f) => f.required && !values[f.name]?.trim()).map((f) => f.name);
    setMissing(absent);
    if (absent.length > 0) return;
    setRendered(
      renderInstructions(
        skillMd.body.trim(),
        fields.map((f) => ({ name: f.name, value: values[f.name] ?? '' })),
      ),
    );
  };
  return (
    <section aria-label="Instructions" className="instructions">
      <h3>Render the instructions</h3>
      <form aria-label="Arguments" onSubmit={render}>
        {fields.map((field) => (
          <div className="field" key={field.name}>
            <label htmlFor={`arg-${field.name}`}>{field.name}</label>
            {field.required && (
              <span className="required" aria-hidden="true">
                {' '}
                *
              </span>
            )}
            {field.description && <p className="field-description">{field.description}</p>}
            <input
              id={`arg-${field.name}`}
              type="text"
              aria-required={field.required || undefined}
              aria-invalid={missing.includes(field.name) || undefined}
              value={values[field.name] ?? ''}
              onChange={(e) => setValues((v) => ({ ...v, [field.name]: e.target.value }))}
            />
            {missing.includes(field.name) && (
              <p className="field-error" role="alert">
                Required.
              </p>
            )}
          </div>
        ))}
        <button type="submit" className="primary">
          Render
        </button>
      </form>
      {rendered !== null && (
        <div className="output">
          <div className="output-bar">
            <span className="muted">expanded instructions</span>
            <CopyButton text={() => rendered} ariaLabel="Copy the expanded instructions" />
          </div>
          <pre data-testid="rendered-instructions">{rendered}</pre>
        </div>
      )}
    </section>
  );
}
