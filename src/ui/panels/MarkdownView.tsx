import { memo, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import Markdown, { type Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';
import type { FileMap } from '../../vfs';
import { errorMessage } from '../../errors';
import { bundleImageUrl } from '../bundleImage';
import { resolveBundleLink } from '../bundleLinks';
import { chunkEnds, MARKDOWN_CHUNK, PIECES_PER_PAGE } from '../markdownChunks';

interface Props {
  markdown: string;
  /** The bundle's files, so relative images show from the skill itself. */
  files?: FileMap;
  /** Called with a bundle path when the reader follows a relative link to one of its files. */
  onOpenFile?: (path: string) => void;
  /**
   * The level a `#` heading takes, so the Markdown's headings continue the page's outline
   * (under a level-3 heading, 4): the rest follow it.
   */
  headingLevel?: number;
}

const HEADINGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'] as const;

/** GitHub-flavoured Markdown: tables, task lists, strikethrough, autolinks, footnotes. */
const REMARK_PLUGINS = [remarkGfm];

/**
 * SKILL.md as GitHub-flavoured Markdown. Raw HTML is dropped (never rendered), link schemes are
 * react-markdown's safe defaults, links open in a new tab without a referrer, a relative link to
 * one of the skill's files opens it in the Files panel, the bundle's images are shown as pictures
 * that run nothing (see bundleImage.ts), and a remote image is fetched only after the reader asks
 * for it: an image URL can tell its host who is reading.
 */
export default function MarkdownView({ markdown, files, onOpenFile, headingLevel = 1 }: Props) {
  // Held in a ref so that a new callback does not make every piece parse again.
  const openFile = useRef(onOpenFile);
  useEffect(() => {
    openFile.current = onOpenFile;
  }, [onOpenFile]);
  const components = useMemo<Components>(() => {
    const has = (path: string) => files?.has(path) ?? false;
    return {
      ...shiftedHeadings(headingLevel),
      a: ({ href, children }) => {
        const link = resolveBundleLink(href ?? '', has);
        if (link.kind === 'file') {
          return (
            <button
              type="button"
              className="file-link"
              title={`Open ${link.path} in Files`}
              onClick={() => openFile.current?.(link.path)}
            >
              {children}
            </button>
          );
        }
        if (link.kind === 'missing') {
          return (
            <span className="missing-link" title={`${link.path} is not a file of this skill`}>
              {children}
            </span>
          );
        }
        return (
          <a href={href} target="_blank" rel="noopener noreferrer nofollow">
            {children}
          </a>
        );
      },
      img: ({ src, alt }) => (
        <SkillImage src={typeof src === 'string' ? src : ''} alt={alt ?? ''} files={files} />
      ),
    };
  }, [files, headingLevel]);
  // A long body is shown a piece at a time (see markdownChunks.ts), one piece per task so the
  // page answers between them, up to a page of pieces; then the reader asks for more.
  const [wanted, setWanted] = useState(PIECES_PER_PAGE);
  const [rendered, setRendered] = useState(1);
  const ends = useMemo(() => chunkEnds(markdown, rendered), [markdown, rendered]);
  const shownEnd = ends.at(-1)!;
  const busy = rendered < wanted && shownEnd < markdown.length;
  useEffect(() => {
    if (!busy) return;
    // After the next paint, so each piece shows as soon as it is parsed.
    let next: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      next = setTimeout(() => setRendered((n) => n + 1));
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(next);
    };
  }, [busy, rendered]);
  return (
    <div className="markdown" data-testid="skill-markdown" aria-busy={busy}>
      {ends.map((end, i) => (
        <MarkdownPiece
          key={i}
          text={markdown.slice(ends[i - 1] ?? 0, end)}
          components={components}
        />
      ))}
      {shownEnd < markdown.length && (
        <p role="note" className="markdown-more">
          Showing the first {count(shownEnd)} of {count(markdown.length)} characters.{' '}
          <button type="button" onClick={() => setWanted((n) => n + PIECES_PER_PAGE)}>
            Show the next {count(MARKDOWN_CHUNK * PIECES_PER_PAGE)}
          </button>
        </p>
      )}
    </div>
  );
}

/** One piece, parsed on its own; pieces already shown are not parsed again when one is added. */
const MarkdownPiece = memo(function MarkdownPiece({
  text,
  components,
}: {
  text: string;
  components: Components;
}) {
  return (
    <Markdown skipHtml remarkPlugins={REMARK_PLUGINS} components={components}>
      {text}
    </Markdown>
  );
});

function SkillImage({ src, alt, files }: { src: string; alt: string; files?: FileMap }) {
  const [allowed, setAllowed] = useState(false);
  const link = resolveBundleLink(src, (path) => files?.has(path) ?? false);
  if (link.kind === 'file')
    return <BundleImage path={link.path} bytes={files!.get(link.path)!} alt={alt} />;
  if (!/^https?:\/\//i.test(src))
    return <span className="muted">[image {alt || src} not in the skill]</span>;
  const remote = parseUrl(src);
  if (!remote) return <span className="muted">[image {alt || src}: not a valid address]</span>;
  // The page's Content-Security-Policy loads remote images over https only.
  if (remote.protocol !== 'https:')
    return <span className="muted">[image {alt || src}: only https images are loaded]</span>;
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

const count = (n: number) => n.toLocaleString('en');

/** Headings one to six drawn `level - 1` levels deeper, never past six. */
function shiftedHeadings(level: number): Components {
  if (level <= 1) return {};
  return Object.fromEntries(
    HEADINGS.map((tag, i) => {
      const Tag = HEADINGS[Math.min(5, i + level - 1)]!;
      return [tag, ({ children }: { children?: ReactNode }) => <Tag>{children}</Tag>];
    }),
  ) as Components;
}

/** The URL, or null where `new URL` would throw (`https://[oops`): a bad address is text. */
function parseUrl(src: string): URL | null {
  try {
    return new URL(src);
  } catch {
    return null;
  }
}
