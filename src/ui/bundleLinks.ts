// What a link or image address in a skill's Markdown points at. A relative address names one of
// the skill's own files (as on GitHub, where a README's `references/guide.md` opens that file):
// the playground shows it in the Files panel instead of sending the browser to a page of the
// app's own origin that does not exist.

/** Where an address in the Markdown leads. */
export type BundleLink =
  /** Leaves the skill: a scheme (`https:`, `mailto:`), a `//host` address, or an emptied one. */
  | { kind: 'external'; href: string }
  /** A place in the same document (`#usage`). */
  | { kind: 'fragment'; href: string }
  /** One of the skill's files, by its path in the bundle. */
  | { kind: 'file'; path: string }
  /** Relative, but no file of the skill is there (or it climbs out of the skill). */
  | { kind: 'missing'; path: string };

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/**
 * Resolves `href` as written in the Markdown file at `from` (a bundle path, `SKILL.md` by
 * default) against the skill's files: `./`, `../` and percent-escapes as a browser would, a
 * leading `/` from the skill's root, and `?query` or `#fragment` ignored.
 */
export function resolveBundleLink(
  href: string,
  has: (path: string) => boolean,
  from = 'SKILL.md',
): BundleLink {
  // react-markdown empties unsafe addresses (javascript:, data:); they stay as they are.
  if (href === '' || SCHEME.test(href) || href.startsWith('//')) return { kind: 'external', href };
  if (href.startsWith('#')) return { kind: 'fragment', href };
  const address = href.replace(/[?#].*$/s, '');
  let decoded: string;
  try {
    decoded = decodeURIComponent(address);
  } catch {
    decoded = address;
  }
  const segments = decoded.startsWith('/') ? [] : from.split('/').slice(0, -1);
  let escapes = false;
  for (const segment of decoded.split(/[/\\]/)) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (segments.length === 0) escapes = true;
      else segments.pop();
    } else segments.push(segment);
  }
  const path = segments.join('/');
  return !escapes && path !== '' && has(path) ? { kind: 'file', path } : { kind: 'missing', path };
}
