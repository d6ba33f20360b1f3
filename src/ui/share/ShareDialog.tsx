import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { LINK_LIMITS } from '../../share';
import { appBaseUrl, exportSkill, makeShareLink, type MadeLink } from '../../store';
import { downloadBytes } from './download';
import './share.css';

/** Whether the key press is the Share shortcut: Ctrl+Shift+S, or Cmd+Shift+S on a Mac. */
const isShareShortcut = (event: KeyboardEvent) =>
  (event.ctrlKey || event.metaKey) && event.shiftKey && event.key.toLowerCase() === 's';

/**
 * The Share button and its dialog: a link to the skill as the page shows it, in a field named
 * "Share link", copied, with its length. A skill that cannot travel in a link says why, and
 * offers an export or the URL where it is published.
 */
export function ShareDialog({ skillKey }: { skillKey: string }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [made, setMade] = useState<MadeLink | null>(null);
  const [copied, setCopied] = useState<boolean | null>(null);
  const [publishedUrl, setPublishedUrl] = useState('');

  const make = useCallback(
    async (options: { publishedUrl?: string } = {}) => {
      setMade(null);
      setCopied(null);
      const result = await makeShareLink(skillKey, options);
      setMade(result);
      if (result.ok) {
        // The clipboard may be refused (no focus, no permission): the field is there to copy from.
        navigator.clipboard?.writeText(result.url).then(
          () => setCopied(true),
          () => setCopied(false),
        );
      }
    },
    [skillKey],
  );
  const share = useCallback(() => {
    if (!dialog.current?.open) dialog.current?.showModal();
    void make();
  }, [make]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!isShareShortcut(event)) return;
      event.preventDefault();
      share();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [share]);

  const usePublished = (event: FormEvent) => {
    event.preventDefault();
    void make({ publishedUrl });
  };
  const exportIt = async () => {
    const file = await exportSkill(skillKey, 'skill');
    if (file.ok) downloadBytes(file.fileName, file.bytes);
  };

  return (
    <>
      <button type="button" onClick={share} title="Share (Ctrl+Shift+S)">
        Share
      </button>
      <dialog ref={dialog} aria-label="Share" className="url-dialog share-dialog">
        {made === null && <p role="status">Making the link…</p>}
        {made?.ok && <MadeLinkView made={made} copied={copied} />}
        {made && !made.ok && (
          <div>
            <p role="alert">{made.reason}</p>
            {made.exportable && (
              <>
                <p>
                  Send it as a file instead, or publish it (see Publish) and share the URL where it
                  is: the link then names that URL, and whoever opens it is told if what is there
                  differs from your copy.
                </p>
                <button type="button" onClick={() => void exportIt()}>
                  Export as .skill
                </button>
                <form onSubmit={usePublished}>
                  <label htmlFor="published-url">Published at</label>
                  <input
                    id="published-url"
                    type="text"
                    placeholder="https://example.com/.well-known/agent-skills/my-skill.zip"
                    value={publishedUrl}
                    onChange={(e) => setPublishedUrl(e.target.value)}
                  />
                  <button type="submit" disabled={publishedUrl.trim() === ''}>
                    Make a link to it
                  </button>
                </form>
              </>
            )}
          </div>
        )}
        <div className="actions">
          <button type="button" onClick={() => dialog.current?.close()}>
            Close
          </button>
        </div>
      </dialog>
    </>
  );
}

function MadeLinkView({
  made,
  copied,
}: {
  made: Extract<MadeLink, { ok: true }>;
  copied: boolean | null;
}) {
  const long = made.url.length > LINK_LIMITS.warnChars;
  return (
    <div>
      <label htmlFor="share-link">Share link</label>
      <input
        id="share-link"
        type="text"
        readOnly
        value={made.url}
        onFocus={(e) => e.target.select()}
      />
      <p className="muted" data-testid="share-link-length">
        {made.url.length.toLocaleString('en')} characters
        {copied === true && ' · copied to the clipboard'}
        {copied === false && ' · select it and copy it'}
      </p>
      {long && (
        <p className="warning" role="status">
          This link is longer than {LINK_LIMITS.warnChars.toLocaleString('en')} characters: some
          chat apps cut links that long. Export the skill, or share the URL where it is published.
        </p>
      )}
      <p className="muted">
        Opening it shows the skill, the tool and the arguments; nothing runs until the person who
        opens it clicks. It never carries secrets, permissions or grants.
      </p>
      {made.notes.length > 0 && (
        <ul>
          {made.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
      {made.skill.from === 'url' && <OpenInPlayground url={made.skill.url} />}
    </div>
  );
}

/** A README badge that opens a published skill in the playground. */
export function OpenInPlayground({ url }: { url: string }) {
  const base = appBaseUrl();
  const markdown = `[![Open in Skill Playground](${new URL('open-in-skill-playground.svg', base).href})](${base}?skill=${encodeURIComponent(url)})`;
  return (
    <div>
      <label htmlFor="playground-badge">Badge for a README</label>
      <textarea id="playground-badge" readOnly value={markdown} />
    </div>
  );
}
