import type { LoadStage, SkillEntry } from '../../store';
import { formatElapsed, useElapsed } from './useElapsed';

/** Each stage of a load, the step it counts as (of four), and what it says. */
const STAGES: Record<LoadStage, { step: number; text: string }> = {
  fetching: { step: 1, text: 'Fetching its files…' },
  cache: { step: 2, text: 'Looking in the transpile cache…' },
  wrapping: { step: 2, text: 'Wrapping the WASI preview1 module into a component…' },
  transpiling: { step: 2, text: 'Transpiling the component with jco…' },
  compiling: { step: 3, text: 'Compiling…' },
  instantiating: { step: 3, text: 'Instantiating…' },
  tools: { step: 4, text: 'Asking the skill for its tools…' },
};
const STEPS = 4;

/** While a skill loads: its stage (fetch, transpile or cache, compile, tools), a bar, the time. */
export function LoadProgress({ skill }: { skill: SkillEntry }) {
  const loading = skill.status === 'loading';
  const stage = loading ? skill.loadStage : undefined;
  const since = loading ? skill.loadStartedAt : undefined;
  const elapsed = useElapsed(since, loading);
  if (!loading) return null;
  const { step, text } = STAGES[stage ?? 'fetching'];
  return (
    <div role="status" className="load-progress" data-load-stage={stage ?? 'fetching'}>
      <progress max={STEPS} value={step - 0.5} aria-label={`Loading, step ${step} of ${STEPS}`} />{' '}
      <span>
        Step {step} of {STEPS}: {text}
      </span>{' '}
      <span className="muted">{formatElapsed(elapsed)}</span>
    </div>
  );
}
