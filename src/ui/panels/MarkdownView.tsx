import { useEffect, useMemo, useState } from 'react';
import Markdown, { type Components } from 'react-markdown';
import type { FileMap } from '../../vfs';
import { errorMessage } from '../../errors';
import { bundleImageUrl } from '../bundleImage';

interface Props {
  markdown: string;
  /** The bundle's files, so relative images show from the skill itself. */
  files?: FileMap;
}

/**
 * SKILL.md as Markdown. Raw HTML is dropped (never rendered), link schemes are react-markdown's
 * safe defaults, links open in a new tab without a referrer, the bundle's images are shown as
 * pictures that run nothing (see bundleImage.ts), and a remote image is fetched only after the
 * reader asks for it: an image URL can tell its host who is reading.
 */
export default function MarkdownView({ markdown, files }: Props) {
  const components = useMemo<Components>(
    () => ({
      a: ({ href, children }) => (
        <a href={href} target="_blank" rel="noopener noreferrer nofollow">
          {children}
        </a>
      ),
      img: ({ src, alt }) => (
        <SkillImage src={typeof src === 'string' ? src : ''} alt={alt ?? ''} files={files} />
      ),
    }),
    [files],
  );
  return (
    <div className="markdown" data-testid="skill-markdown">
      <Markdown skipHtml components={components}>
        {markdown}
      </Markdown>
    </div>
  );
}

function SkillImage({ src, alt, files }: { src: string; alt: string; files?: FileMap }) {
  const [allowed, setAllowed] = useState(false);
  const path = src.replace(/^\.\//, '');
  const bytes = files?.get(path);
  if (bytes) return <BundleImage path={path} bytes={bytes} alt={alt} />;
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

/** One of the bundle's images, from a URL made for it and revoked when it goes. */
function BundleImage({ path, bytes, alt }: { path: string; bytes: Uint8Array; alt: string }) {
  const [shown, setShown] = useState<{ bytes: Uint8Array; url?: string; problem?: string }>();
  useEffect(() => {
    let live = true;
    let made: string | undefined;
    bundleImageUrl(path, bytes).then(
      (url) => {
        made = url;
        if (live) setShown({ bytes, url });
        else URL.revokeObjectURL(url);
      },
      (error: unknown) => live && setShown({ bytes, problem: errorMessage(error) }),
    );
    return () => {
      live = false;
      if (made) URL.revokeObjectURL(made);
    };
  }, [path, bytes]);
  // What was made for other bytes is never shown for these.
  const current = shown?.bytes === bytes ? shown : undefined;
  if (current?.url) return <img src={current.url} alt={alt} />;
  return (
    <span className="muted">
      [image {alt || path}
      {current?.problem ? `: ${current.problem}` : ''}]
    </span>
  );
}

/** The URL, or null where `new URL` would throw (`https://[oops`): a bad address is text. */
function parseUrl(src: string): URL | null {
  try {
    return new URL(src);
  } catch {
    return null;
  }
}
