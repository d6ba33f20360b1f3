import { useMemo, useState } from 'react';
import { skillSpecFromSkillMd, skillSpecJson, type SkillMd } from '../../bundle';
import { CopyButton } from '../elements/CopyButton';
import { formatBytes } from '../format';

/** Past this many characters the JSON is cut where it is shown; Copy and Download give it all. */
const SHOWN_JSON_CHARS = 64 * 1024;

/** The skill as awaken's SkillSpec record, to read, copy or download as JSON. */
export function SkillSpecPanel({ skillMd, name }: { skillMd: SkillMd; name: string }) {
  // Built only once opened: the record holds the whole body, megabytes for a long SKILL.md.
  const [open, setOpen] = useState(false);
  return (
    <details className="skillspec" onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
      <summary>As an awaken SkillSpec</summary>
      <p className="muted">
        awaken, an agent runtime, keeps a skill as one JSON record, a SkillSpec: this is the record
        it would keep for this skill, to copy, download, or check before importing it there.
      </p>
      {open && skillMd.frontmatter && (
        <SkillSpecRecord frontmatter={skillMd.frontmatter} body={skillMd.body} name={name} />
      )}
    </details>
  );
}

function SkillSpecRecord({
  frontmatter,
  body,
  name,
}: {
  frontmatter: Record<string, unknown>;
  body: string;
  name: string;
}) {
  const { json, problems } = useMemo(() => {
    const { spec, problems } = skillSpecFromSkillMd(frontmatter, body);
    return { json: skillSpecJson(spec), problems };
  }, [frontmatter, body]);
  const download = () => {
    const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
    const link = Object.assign(document.createElement('a'), {
      href: url,
      download: `${name}.skillspec.json`,
    });
    link.click();
    URL.revokeObjectURL(url);
  };
  const cut = json.length > SHOWN_JSON_CHARS;
  return (
    <>
      {problems.length > 0 && (
        <ul className="skillspec-problems" aria-label="SkillSpec problems">
          {problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      )}
      <div className="output-bar">
        <span className="muted">
          JSON
          {cut &&
            `, showing the first ${formatBytes(SHOWN_JSON_CHARS)} of ${formatBytes(json.length)}`}
        </span>
        <CopyButton text={() => json} ariaLabel="Copy the SkillSpec JSON" />
        <button type="button" onClick={download}>
          Download JSON
        </button>
      </div>
      <pre data-testid="skillspec-json">{cut ? `${json.slice(0, SHOWN_JSON_CHARS)}…` : json}</pre>
    </>
  );
}
