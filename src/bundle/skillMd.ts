import { LineCounter, isAlias, isMap, parseDocument, visit, type Document } from 'yaml';
import type { Diagnostic } from './types';

/** SKILL.md split into its YAML frontmatter and Markdown body. */
export interface SkillMd {
  /** The frontmatter as plain data, or null when it is missing or not a mapping. */
  frontmatter: Record<string, unknown> | null;
  body: string;
  /** 1-based line of the body's first line in the file, to map body positions back. */
  bodyLine: number;
  diagnostics: Diagnostic[];
}

const FENCE = /^---[ \t]*$/;
/** The closing fence, searched from the second line on without splitting the file into lines. */
const CLOSING_FENCE = /^---[ \t]*$/gm;

/**
 * Frontmatter past this many characters is not parsed: real frontmatter is a few hundred bytes,
 * and YAML parsing on the main thread grows with its size.
 */
export const MAX_FRONTMATTER_CHARS = 64 * 1024;

/**
 * Parses SKILL.md the way the Agent Skills reference parser does: a `---` line, YAML, a closing
 * `---` line, then the body. CRLF is accepted (awaken normalises it). YAML errors keep their
 * position in the file, not in the frontmatter. The body is only sliced off, never split into
 * lines: a SKILL.md of megabytes costs a few passes over its text.
 */
export function parseSkillMd(text: string, file = 'SKILL.md'): SkillMd {
  const source = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const diagnostics: Diagnostic[] = [];
  const problem = (rule: string, message: string, line = 1, column = 1) =>
    diagnostics.push({ file, line, column, rule, severity: 'error', message });

  const firstEnd = source.indexOf('\n');
  if (!FENCE.test(firstEnd < 0 ? source : source.slice(0, firstEnd))) {
    problem(
      'frontmatter-missing',
      'SKILL.md must start with a line "---", then YAML frontmatter with name and description, then "---".',
    );
    return { frontmatter: null, body: source, bodyLine: 1, diagnostics };
  }
  CLOSING_FENCE.lastIndex = firstEnd + 1;
  const closing = firstEnd < 0 ? null : CLOSING_FENCE.exec(source);
  if (!closing) {
    const lines = countLines(source);
    problem(
      'frontmatter-unclosed',
      'The frontmatter is never closed: add a line "---" after the YAML.',
      lines,
    );
    return { frontmatter: null, body: '', bodyLine: lines + 1, diagnostics };
  }

  // Without the newline before the closing fence, as the lines between the fences joined.
  const yamlText = source.slice(firstEnd + 1, Math.max(firstEnd + 1, closing.index - 1));
  const closingEnd = source.indexOf('\n', closing.index);
  const body = closingEnd < 0 ? '' : source.slice(closingEnd + 1);
  const bodyLine = countLines(source.slice(0, closing.index)) + 1;
  if (yamlText.length > MAX_FRONTMATTER_CHARS) {
    problem(
      'frontmatter-too-large',
      `The frontmatter is ${yamlText.length} characters; the playground reads at most ${MAX_FRONTMATTER_CHARS}. Move long values into files of the skill.`,
      2,
    );
    return { frontmatter: null, body, bodyLine, diagnostics };
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false, uniqueKeys: true });
  for (const error of doc.errors) {
    const pos = lineCounter.linePos(error.pos[0]);
    problem('yaml-syntax', `YAML error: ${firstLine(error.message)}`, pos.line + 1, pos.col);
  }
  if (doc.errors.length > 0) return { frontmatter: null, body, bodyLine, diagnostics };
  if (doc.contents === null) {
    problem('frontmatter-empty', 'The frontmatter is empty: add name and description.', 2);
    return { frontmatter: null, body, bodyLine, diagnostics };
  }
  if (!isMap(doc.contents)) {
    problem(
      'frontmatter-not-mapping',
      'The frontmatter must be a YAML mapping of keys to values.',
      2,
    );
    return { frontmatter: null, body, bodyLine, diagnostics };
  }
  let frontmatter: Record<string, unknown>;
  try {
    // yaml counts how far aliases expand and throws past the limit: a few lines of anchors can
    // otherwise stand for billions of values ("billion laughs").
    frontmatter = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) as Record<string, unknown>;
  } catch (error) {
    const at = lineCounter.linePos(firstAliasOffset(doc));
    const expansion = /alias count/i.test(String(error));
    problem(
      expansion ? 'yaml-alias-limit' : 'yaml-syntax',
      expansion
        ? `Its YAML aliases expand past ${MAX_ALIAS_COUNT} copies, as a "billion laughs" attack does: write the values out instead.`
        : `YAML error: ${firstLine(error instanceof Error ? error.message : String(error))}`,
      at.line + 1,
      at.col,
    );
    return { frontmatter: null, body, bodyLine, diagnostics };
  }
  return { frontmatter, body, bodyLine, diagnostics };
}

/** How many alias expansions the frontmatter may use, weighted as yaml's `maxAliasCount` does. */
export const MAX_ALIAS_COUNT = 100;

/** Offset of the first alias (`*name`) in the document, to point at; 0 when there is none. */
function firstAliasOffset(doc: Document): number {
  let offset = 0;
  visit(doc, {
    Alias(_key, node) {
      if (!isAlias(node) || !node.range) return undefined;
      offset = node.range[0];
      return visit.BREAK;
    },
  });
  return offset;
}

/**
 * The 1-based line on which a top-level frontmatter key is written, for diagnostics. Only the
 * frontmatter is read, line by line, so a long body costs nothing.
 */
export function keyLine(text: string, key: string): number | undefined {
  const line = /([^\r\n]*)(\r\n?|\n|$)/y;
  for (let number = 1; line.lastIndex < text.length; number++) {
    const match = line.exec(text);
    if (!match) return undefined;
    const content = match[1]!;
    if (number > 1) {
      if (FENCE.test(content)) return undefined;
      if (content.startsWith(`${key}:`) || content.startsWith(`"${key}":`)) return number;
    }
  }
  return undefined;
}

/**
 * The number of the line after the text's last newline (one more than its newlines), without
 * splitting it: a position, not a count of lines (see lineCount).
 */
export function countLines(text: string): number {
  let lines = 1;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) lines++;
  return lines;
}

/**
 * How many lines a text holds as `wc -l` and editors count them: a final newline ends the last
 * line rather than starting another, and an empty text has none.
 */
export function lineCount(text: string): number {
  if (text === '') return 0;
  return countLines(text) - (text.endsWith('\n') ? 1 : 0);
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}
