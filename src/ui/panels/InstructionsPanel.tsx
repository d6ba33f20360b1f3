import { useMemo, type FormEvent } from 'react';
import type { SkillMd } from '../../bundle';
import {
  instructionFields,
  renderSkillInstructions,
  setInstructionValue,
  usePlayground,
} from '../../store';
import { CopyButton } from '../elements/CopyButton';

/**
 * An instructions-only skill: a form from its arguments, and its body with them filled in. What
 * was typed and rendered is kept per skill in the store, so each skill shows its own.
 */
export function InstructionsPanel({ skillKey, skillMd }: { skillKey: string; skillMd: SkillMd }) {
  const fields = useMemo(() => instructionFields(skillMd), [skillMd]);
  const draft = usePlayground((s) => s.instructions[skillKey]);
  const values = draft?.values ?? {};
  const missing = draft?.missing ?? [];
  const rendered = draft?.rendered ?? null;

  const render = (event: FormEvent) => {
    event.preventDefault();
    renderSkillInstructions(skillKey, skillMd);
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
              onChange={(e) => setInstructionValue(skillKey, field.name, e.target.value)}
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
