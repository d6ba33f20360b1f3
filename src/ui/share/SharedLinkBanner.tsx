import type { LinkArg, LinkedSkill } from '../../share';
import { acceptSharedLink, dismissSharedLink, usePlayground } from '../../store';
import './share.css';

/**
 * What a share link brought, shown before anything of it runs: where the skill came from (and
 * whether it changed since the link was made), the tool, the arguments, the configuration and
 * limits. Everything is shown as text: a link's values never become markup.
 */
export function SharedLinkBanner() {
  const shared = usePlayground((s) => s.sharedLink);
  const name = usePlayground((s) => s.skills.find((skill) => skill.key === shared?.key)?.name);
  if (!shared) return null;
  const { link, changed } = shared;
  const args = Object.entries(link.args ?? {});
  return (
    <section className="shared-link" aria-label="Shared link" data-testid="shared-link">
      <h2>Opened from a share link</h2>
      <dl>
        <dt>Skill</dt>
        <dd>
          {name ?? shared.key} · {originText(link.skill)}
        </dd>
        {link.skill.from === 'url' && (
          <>
            <dt>Version</dt>
            <dd>
              {changed ? (
                <span className="warning" data-testid="skill-changed">
                  The skill at this URL changed since this link was made: the link was made for
                  SHA-256 {changed.linkSha256.slice(0, 12)}…, the URL now serves{' '}
                  {changed.nowSha256.slice(0, 12)}…. What runs is what the URL serves now.
                </span>
              ) : (
                <span data-testid="skill-unchanged">
                  The same files the link was made from (SHA-256 {link.skill.sha256.slice(0, 12)}…).
                </span>
              )}
            </dd>
          </>
        )}
        <dt>Tool</dt>
        <dd data-testid="shared-tool">
          {link.tool ?? (args.length > 0 ? 'the instructions' : 'the first the skill offers')}
        </dd>
        <dt>Arguments</dt>
        <dd>
          {args.length === 0 ? (
            'none (the form’s defaults)'
          ) : (
            <ul className="values" aria-label="Shared arguments">
              {args.map(([key, value]) => (
                <li key={key}>
                  <code>{key}</code> = <code>{argText(value)}</code>
                </li>
              ))}
            </ul>
          )}
        </dd>
        {link.config && link.config.length > 0 && (
          <>
            <dt>Configuration</dt>
            <dd>
              <ul className="values" aria-label="Shared configuration">
                {link.config.map(({ key, value }) => (
                  <li key={key}>
                    <code>{key}</code> = <code>{value}</code>
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
        {link.limits && Object.keys(link.limits).length > 0 && (
          <>
            <dt>Limits</dt>
            <dd>
              {Object.entries(link.limits)
                .map(([key, value]) => `${key} ${value.toLocaleString('en')}`)
                .join(' · ')}
            </dd>
          </>
        )}
        {link.view?.file && (
          <>
            <dt>Open file</dt>
            <dd>
              <code>{link.view.file}</code>
            </dd>
          </>
        )}
      </dl>
      <p>
        Nothing of this skill has run, not even to list its tools. A link never sets secrets,
        permissions or network grants: yours stay as they are.
      </p>
      <div className="actions">
        <button type="button" className="primary" onClick={() => void acceptSharedLink(true)}>
          Load and run
        </button>
        <button type="button" onClick={() => void acceptSharedLink(false)}>
          Load
        </button>
        <button type="button" onClick={dismissSharedLink}>
          Dismiss
        </button>
      </div>
    </section>
  );
}

function originText(skill: LinkedSkill): string {
  switch (skill.from) {
    case 'example':
      return 'a built-in example';
    case 'inline':
      return `carried inside the link (${Object.keys(skill.files).length} text files)`;
    case 'url':
      return `fetched from ${skill.url}`;
  }
}

function argText(value: LinkArg): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}
