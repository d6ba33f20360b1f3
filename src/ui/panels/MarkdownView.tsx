import { useEffect, useMemo, useState } from 'react';
import Markdown, { type Components } from 'react-markdown';
import type { FileMap } from '../../vfs';

interface Props {
  markdown: string;
  /** The bundle's files, so relative images show from the skill itself. */
  files?: FileMap;
}

/**
 * SKILL.md as Markdown. Raw HTML is dropped (never rendered), link schemes are react-markdown's
 * safe defaults, links open in a new tab without a referrer, and a remote image is fetched only
 * after the reader asks for it: an image URL can tell its host who is reading.
 */
export default function MarkdownView({ markdown, files }: Props) {
  // Object URLs for the bundle's images, revoked when the files change or the view goes.
  const blobUrls = useMemo(() => {
    const urls = new Map<string, string>();
    for (const [path, bytes] of files ?? []) {
      if (/\.(png|jpe?g|gif|webp|svg)$/i.test(path)) {
        const type = path.endsWith('.svg') ? 'image/svg+xml' : '';
        urls.set(path, URL.createObjectURL(new Blob([bytes as BlobPart], type ? { type } : {})));
      }
    }
    return urls;
  }, [files]);
  useEffect(() => () => blobUrls.forEach((url) => URL.revokeObjectURL(url)), [blobUrls]);

  const components = useMemo<Components>(
    () => ({
      a: ({ href, children }) => (
        <a href={href} target="_blank" rel="noopener noreferrer nofollow">
          {children}
        </a>
      ),
      img: ({ src, alt }) => (
        <SkillImage src={typeof src === 'string' ? src : ''} alt={alt ?? ''} local={blobUrls} />
      ),
    }),
    [blobUrls],
  );
  return (
    <div className="markdown" data-testid="skill-markdown">
      <Markdown skipHtml components={components}>
        {markdown}
      </Markdown>
    </div>
  );
}

function SkillImage({ src, alt, local }: { src: string; alt: string; local: Map<string, string> }) {
  const [allowed, setAllowed] = useState(false);
  const path = src.replace(/^\.\//, '');
  const blob = local.get(path);
  if (blob) return <img src={blob} alt={alt} />;
  if (!/^https?:\/\//i.test(src))
    return <span className="muted">[image {alt || src} not in the skill]</span>;
  const remote = parseUrl(src);
  if (!remote) return <span className="muted">[image {alt || src}: not a valid address]</span>;
  if (!allowed) {
    return (
      <button type="button" className="image-consent" onClick={() => setAllowed(true)}>
        Load image from {remote.host}
        {alt ? ` (${alt})` : ''}
      </button>
    );
  }
  return <img src={remote.href} alt={alt} referrerPolicy="no-referrer" />;
}

/** The URL, or null where `new URL` would throw (`https://[oops`): a bad address is text. */
function parseUrl(src: string): URL | null {
  try {
    return new URL(src);
  } catch {
    return null;
  }
}
