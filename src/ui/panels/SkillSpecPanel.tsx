import { useMemo } from 'react';
import { skillSpecFromSkillMd, skillSpecJson, type SkillMd } from '../../bundle';

/** The skill as awaken's SkillSpec record, to read, copy or download as JSON. */
export function SkillSpecPanel({
  skillMd,
  name,
}: {
  skillMd: SkillMd & { frontmatter: Record<string, unknown> };
  name: string;
}) {
  const { json, problems } = useMemo(() => {
    const { spec, problems } = skillSpecFromSkillMd(skillMd.frontmatter, skillMd.body);
    return { json: skillSpecJson(spec), problems };
  }, [skillMd]);
  const download = () => {
    const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
    const link = Object.assign(document.createElement('a'), {
      href: url,
      download: `${name}.skillspec.json`,
    });
    link.click();
    URL.revokeObjectURL(url);
  };
  return (
    <details className="skillspec">
      <summary>As an awaken SkillSpec</summary>
      {problems.length > 0 && (
        <ul className="skillspec-problems" aria-label="SkillSpec problems">
          {problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      )}
      <div className="output-bar">
        <span className="muted">JSON</span>
        <button type="button" onClick={() => void navigator.clipboard?.writeText(json)}>
          Copy
        </button>
        <button type="button" onClick={download}>
          Download JSON
        </button>
      </div>
      <pre data-testid="skillspec-json">{json}</pre>
    </details>
  );
}
