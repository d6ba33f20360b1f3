import { useMemo, type MouseEvent } from 'react';
import {
  openSkill,
  sameNameSkills,
  selectSkills,
  setValidationMode,
  usePlayground,
} from '../../store';
import { sourcePlace } from '../sourceLabel';

export const skillHref = (key: string) => `#skill=${encodeURIComponent(key)}`;

/** The Skills navigation: one link per skill, named by the skill's name. */
export function SkillList() {
  const skills = usePlayground(selectSkills);
  const selectedKey = usePlayground((s) => s.selectedKey);
  const examplesLoaded = usePlayground((s) => s.examplesLoaded);
  const mode = usePlayground((s) => s.validationMode);
  const sameName = useMemo(() => sameNameSkills(skills), [skills]);
  const open = (event: MouseEvent, key: string) => {
    // The address follows (ui/workbench/useViewFragment): a new entry, so Back returns here.
    event.preventDefault();
    void openSkill(key);
  };
  return (
    <nav aria-label="Skills" className="skill-list">
      <h2>Skills</h2>
      <label className="mode">
        Validation{' '}
        <select
          value={mode}
          onChange={(e) => setValidationMode(e.target.value as 'spec' | 'permissive')}
        >
          <option value="permissive">permissive (spec and known extensions)</option>
          <option value="spec">spec (Agent Skills spec only)</option>
        </select>
      </label>
      {!examplesLoaded && skills.length === 0 && <p className="muted">Loading examples…</p>}
      <ul>
        {skills.map((skill) => (
          <li key={skill.key} className={skill.key === selectedKey ? 'selected' : undefined}>
            <a
              href={skillHref(skill.key)}
              aria-current={skill.key === selectedKey ? 'page' : undefined}
              onClick={(event) => open(event, skill.key)}
            >
              {skill.name}
            </a>
            <span className="source-tag">{skill.source.kind}</span>
            {skill.source.kind !== 'example' && (
              <span className="skill-source" data-testid="skill-source">
                {sourcePlace(skill.source)}
              </span>
            )}
            {skill.description && <p className="skill-description">{skill.description}</p>}
            {sameName.has(skill.key) && (
              <p className="skill-same-name" data-testid="same-name">
                Another skill is named {skill.name} too:{' '}
                {sameName
                  .get(skill.key)!
                  .map((other) => sourcePlace(other.source))
                  .join('; ')}
                .
              </p>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}
