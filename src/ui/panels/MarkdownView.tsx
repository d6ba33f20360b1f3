import type { Root } from 'hast';
import { memo, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Components } from 'react-markdown';
import type { FileMap } from '../../vfs';
import { errorMessage } from '../../errors';
import { bundleImageUrl } from '../bundleImage';
import { resolveBundleLink } from '../bundleLinks';
import { hastToReact } from '../markdown/hastToReact';
import { parseMarkdown } from '../markdown/markdownParser';
import { chunkEnds, FIRST_CHUNK, MARKDOWN_CHUNK, PIECES_PER_PAGE } from '../markdownChunks';

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

/** The pieces of one text parsed so far, in order: a tree, or why a piece has none. */
interface Parsed {
  markdown: string;
  pieces: Array<Root | { failed: string; text: string }>;
}

/**
 * SKILL.md as GitHub-flavoured Markdown, parsed in a worker (ui/markdown/) and drawn here. Raw
 * HTML is dropped (never rendered), link schemes are react-markdown's safe defaults, links open in a new tab without a referrer, a relative link to
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
  // A long body is shown a piece at a time (see markdownChunks.ts), each parsed in the worker
  // after the one before, up to a page of pieces; then the reader asks for more. The page only
  // draws each finished piece, so it answers throughout.
  const [wanted, setWanted] = useState(PIECES_PER_PAGE);
  const ends = useMemo(
    () => chunkEnds(markdown, wanted, MARKDOWN_CHUNK, FIRST_CHUNK),
    [markdown, wanted],
  );
  const [parsed, setParsed] = useState<Parsed>({ markdown, pieces: [] });
  const current = parsed.markdown === markdown;
  const done = current ? parsed.pieces.length : 0;
  const busy = done < ends.length;
  useEffect(() => {
    if (!busy) return;
    let live = true;
    const piece = (result: Parsed['pieces'][number]) =>
      live &&
      setParsed((before) =>
        before.markdown === markdown
          ? { markdown, pieces: [...before.pieces, result] }
          : { markdown, pieces: [result] },
      );
    const text = markdown.slice(ends[done - 1] ?? 0, ends[done]);
    parseMarkdown(text).then(piece, (error: unknown) =>
      piece({ failed: errorMessage(error), text }),
    );
    return () => {
      live = false;
    };
  }, [busy, markdown, ends, done]);
  // An edited text keeps the last one's pieces on screen until its own first piece is ready.
  const shown = parsed.pieces;
  const shownEnd = ends[done - 1] ?? 0;
  return (
    <div className="markdown" data-testid="skill-markdown" aria-busy={busy}>
      {shown.length === 0 ? (
        // Until the first piece is parsed: its text, as the loading fallback shows it.
        <pre className="markdown-pending">{markdown.slice(0, ends[0])}</pre>
      ) : (
        shown.map((piece, i) =>
          'failed' in piece ? (
            <pre key={i} title={`This part could not be shown as Markdown: ${piece.failed}`}>
              {piece.text}
            </pre>
          ) : (
            <MarkdownPiece key={i} tree={piece} components={components} />
          ),
        )
      )}
      {current && done > 0 && shownEnd < markdown.length && (
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

/** One parsed piece; pieces already shown are not drawn again when one is added. */
const MarkdownPiece = memo(function MarkdownPiece({
  tree,
  components,
}: {
  tree: Root;
  components: Components;
}) {
  return hastToReact(tree, components);
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

// One formatter for every count: toLocaleString makes one per call, at a cost of milliseconds.
const COUNT_FORMAT = new Intl.NumberFormat('en');
const count = (n: number) => COUNT_FORMAT.format(n);

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
