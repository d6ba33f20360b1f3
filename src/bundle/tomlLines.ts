// Where things are in a TOML file. TOML parsers keep no positions, so findings about a parsed
// document find their line again by scanning the text for table headers and keys.

interface Section {
  path: string[];
  /** 1-based line of the header; 0 for the header-less root section. */
  line: number;
  /** 1-based line after the section's last line. */
  end: number;
}

/**
 * The 1-based line where a TOML table (or the `index`-th entry of an array of tables) is written,
 * or the line of `key` inside it. When a table has no header of its own (`[env] KEY = {...}`,
 * dotted or inline tables), it falls back to the line of the key in the parent table. Undefined
 * when nothing matches.
 */
export function findTomlLine(
  text: string,
  table: readonly string[],
  options: { index?: number; key?: string } = {},
): number | undefined {
  const lines = text.split(/\r\n?|\n/);
  const sections = scanSections(lines);
  const { index = 0, key } = options;
  const same = sections.filter((s) => samePath(s.path, table));
  const section = same[index];
  if (section) {
    // The entry runs until the next header for the same table: sub-tables in between belong to it.
    const entryEnd = same[index + 1]?.line ?? lines.length + 1;
    if (key !== undefined) {
      const keyLine = findKey(lines, section, key);
      if (keyLine) return keyLine;
      const sub = sections.find(
        (s) => s.line > section.line && s.line < entryEnd && samePath(s.path, [...table, key]),
      );
      if (sub) return sub.line;
    }
    return section.line > 0 ? section.line : undefined;
  }
  if (index === 0) {
    const nested = sections.find(
      (s) => s.path.length > table.length && samePath(s.path.slice(0, table.length), table),
    );
    if (nested) return nested.line;
  }
  if (table.length === 0) return undefined;
  return findTomlLine(text, table.slice(0, -1), { key: table[table.length - 1] });
}

function scanSections(lines: string[]): Section[] {
  const sections: Section[] = [{ path: [], line: 0, end: lines.length + 1 }];
  let inString: string | null = null;
  lines.forEach((line, i) => {
    // Lines inside a multi-line string are text, never headers.
    if (inString) {
      if (count(line, inString) % 2 === 1) inString = null;
      return;
    }
    const delimiter = ['"""', "'''"].find((d) => count(line, d) % 2 === 1);
    if (delimiter) {
      inString = delimiter;
      return;
    }
    const path = headerPath(line);
    if (!path) return;
    sections[sections.length - 1]!.end = i + 1;
    sections.push({ path, line: i + 1, end: lines.length + 1 });
  });
  return sections;
}

/** The dotted key of a `[table]` or `[[table]]` header line, or null when it is no header. */
function headerPath(line: string): string[] | null {
  const match = /^\s*\[\[?(.*?)\]\]?\s*(?:#.*)?$/.exec(line);
  if (!match) return null;
  const parts: string[] = [];
  for (const raw of splitDotted(match[1]!)) {
    const part = raw.trim();
    if (/^[A-Za-z0-9_-]+$/.test(part)) parts.push(part);
    else if (/^"(?:[^"\\]|\\.)*"$/.test(part) || /^'[^']*'$/.test(part))
      parts.push(part.slice(1, -1));
    else return null;
  }
  return parts;
}

/** Splits `a."b.c".d` on the dots outside quotes. */
function splitDotted(key: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quote: string | null = null;
  for (const ch of key) {
    if (quote) {
      if (ch === quote) quote = null;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '.') {
      parts.push(current);
      current = '';
      continue;
    }
    current += ch;
  }
  parts.push(current);
  return parts;
}

function findKey(lines: string[], section: Section, key: string): number | undefined {
  const escaped = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`^\\s*(?:${escaped}|"${escaped}"|'${escaped}')\\s*[=.]`);
  for (let line = Math.max(section.line + 1, 1); line < section.end; line++) {
    if (pattern.test(lines[line - 1]!)) return line;
  }
  return undefined;
}

const samePath = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((part, i) => part === b[i]);

const count = (line: string, needle: string) => line.split(needle).length - 1;
