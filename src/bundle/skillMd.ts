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

/**
 * Parses SKILL.md the way the Agent Skills reference parser does: a `---` line, YAML, a closing
 * `---` line, then the body. CRLF is accepted (awaken normalises it). YAML errors keep their
 * position in the file, not in the frontmatter.
 */
export function parseSkillMd(text: string, file = 'SKILL.md'): SkillMd {
  const source = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const lines = source.split('\n');
  const diagnostics: Diagnostic[] = [];
  const problem = (rule: string, message: string, line = 1, column = 1) =>
    diagnostics.push({ file, line, column, rule, severity: 'error', message });

  if (!FENCE.test(lines[0] ?? '')) {
    problem(
      'frontmatter-missing',
      'SKILL.md must start with a line "---", then YAML frontmatter with name and description, then "---".',
    );
    return { frontmatter: null, body: source, bodyLine: 1, diagnostics };
  }
  const close = lines.findIndex((line, i) => i > 0 && FENCE.test(line));
  if (close < 0) {
    problem(
      'frontmatter-unclosed',
      'The frontmatter is never closed: add a line "---" after the YAML.',
      lines.length,
    );
    return { frontmatter: null, body: '', bodyLine: lines.length + 1, diagnostics };
  }

  const yamlText = lines.slice(1, close).join('\n');
  const body = lines.slice(close + 1).join('\n');
  const bodyLine = close + 2;
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

/** The 1-based line on which a top-level frontmatter key is written, for diagnostics. */
export function keyLine(text: string, key: string): number | undefined {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const index = lines.findIndex(
    (line, i) => i > 0 && (line.startsWith(`${key}:`) || line.startsWith(`"${key}":`)),
  );
  return index >= 0 ? index + 1 : undefined;
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}
