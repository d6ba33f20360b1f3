import { describe, expect, it } from 'vitest';
import { countLines, keyLine, lineCount, MAX_FRONTMATTER_CHARS, parseSkillMd } from './skillMd';

describe('parseSkillMd', () => {
  it('splits frontmatter from the body and reads YAML with a real parser', () => {
    const md = parseSkillMd(
      '---\nname: pdf\ndescription: "Reads: PDFs"\nmetadata:\n  a: b\n---\n# Body\ntext\n',
    );
    expect(md.diagnostics).toEqual([]);
    expect(md.frontmatter).toEqual({
      name: 'pdf',
      description: 'Reads: PDFs',
      metadata: { a: 'b' },
    });
    expect(md.body).toBe('# Body\ntext\n');
    expect(md.bodyLine).toBe(7);
  });

  it('accepts CRLF line endings and a byte-order mark', () => {
    const md = parseSkillMd('\uFEFF---\r\nname: x\r\ndescription: y\r\n---\r\nbody');
    expect(md.frontmatter).toEqual({ name: 'x', description: 'y' });
    expect(md.body).toBe('body');
  });

  it('reports a missing frontmatter with a sentence that says what to write', () => {
    const md = parseSkillMd('# Just a title\n');
    expect(md.frontmatter).toBeNull();
    expect(md.diagnostics).toMatchObject([
      { rule: 'frontmatter-missing', line: 1, severity: 'error' },
    ]);
    expect(md.diagnostics[0]!.message).toContain('---');
  });

  it('reports an unclosed frontmatter', () => {
    const md = parseSkillMd('---\nname: x\ndescription: y\n');
    expect(md.diagnostics).toMatchObject([{ rule: 'frontmatter-unclosed' }]);
  });

  it('places YAML syntax errors on their line in the file', () => {
    const md = parseSkillMd('---\nname: x\ndescription: [unclosed\n---\n');
    expect(md.frontmatter).toBeNull();
    expect(md.diagnostics[0]).toMatchObject({ rule: 'yaml-syntax', severity: 'error' });
    expect(md.diagnostics[0]!.line).toBeGreaterThanOrEqual(3);
  });

  it('rejects duplicate keys', () => {
    const md = parseSkillMd('---\nname: a\nname: b\ndescription: d\n---\n');
    expect(md.diagnostics[0]).toMatchObject({ rule: 'yaml-syntax', line: 3 });
  });

  it('reports a frontmatter that is not a mapping, or empty', () => {
    expect(parseSkillMd('---\n- a\n- b\n---\n').diagnostics[0]!.rule).toBe(
      'frontmatter-not-mapping',
    );
    expect(parseSkillMd('---\n---\nbody').diagnostics[0]!.rule).toBe('frontmatter-empty');
  });
});

describe('parseSkillMd against hostile YAML', () => {
  const billionLaughs = () => {
    const lines = ['---', 'name: laughs', 'description: Expands.'];
    lines.push('l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]');
    for (let i = 1; i < 10; i++)
      lines.push(
        `l${i}: &l${i} [${Array(10)
          .fill(`*l${i - 1}`)
          .join(', ')}]`,
      );
    return [...lines, '---', 'Body'].join('\n');
  };

  it('turns a billion-laughs frontmatter into its own finding instead of throwing', () => {
    const md = parseSkillMd(billionLaughs());
    expect(md.frontmatter).toBeNull();
    expect(md.body).toBe('Body');
    expect(md.diagnostics).toMatchObject([
      { rule: 'yaml-alias-limit', severity: 'error', line: 5, file: 'SKILL.md' },
    ]);
  });

  it('still reads a few ordinary aliases', () => {
    const md = parseSkillMd(
      '---\nname: x\ndescription: &d Reads things.\nmetadata:\n  summary: *d\n---\n',
    );
    expect(md.diagnostics).toEqual([]);
    expect(md.frontmatter).toMatchObject({ metadata: { summary: 'Reads things.' } });
  });
});

describe('parseSkillMd on large files', () => {
  it('slices a long body off without changing it, and knows the line it starts on', () => {
    const body = '# Big\n\n' + 'A line of text.\n'.repeat(200_000);
    const md = parseSkillMd(`---\nname: big\ndescription: d\n---\n${body}`);
    expect(md.diagnostics).toEqual([]);
    expect(md.body).toBe(body);
    expect(md.bodyLine).toBe(5);
  });

  it('does not parse a frontmatter larger than the cap', () => {
    const huge = `---\nname: x\ndescription: ${'y'.repeat(MAX_FRONTMATTER_CHARS)}\n---\nBody`;
    const md = parseSkillMd(huge);
    expect(md.frontmatter).toBeNull();
    expect(md.body).toBe('Body');
    expect(md.diagnostics).toMatchObject([{ rule: 'frontmatter-too-large', line: 2 }]);
  });
});

describe('keyLine', () => {
  it('finds a key in the frontmatter, with LF, CRLF or CR line ends', () => {
    for (const eol of ['\n', '\r\n', '\r']) {
      const text = ['---', 'name: x', 'description: y', '---', 'body'].join(eol);
      expect(keyLine(text, 'description')).toBe(3);
    }
  });

  it('never looks past the closing fence', () => {
    expect(keyLine('---\nname: x\n---\nlicense: MIT\n', 'license')).toBeUndefined();
  });
});

describe('countLines', () => {
  it('counts one more line than newlines', () => {
    expect(countLines('')).toBe(1);
    expect(countLines('a\nb\n')).toBe(3);
  });
});

describe('lineCount', () => {
  it('counts lines as wc -l does, a final newline ending the last line', () => {
    expect(lineCount('')).toBe(0);
    expect(lineCount('a')).toBe(1);
    expect(lineCount('a\n')).toBe(1);
    expect(lineCount('a\nb\n')).toBe(2);
    expect(lineCount('a\nb')).toBe(2);
    expect(lineCount('\n\n')).toBe(2);
  });
});
