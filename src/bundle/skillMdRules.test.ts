import { describe, expect, it } from 'vitest';
import { parseSkillMd } from './skillMd';
import { checkFrontmatterKeys, compatibility, type ValidationMode } from './skillMdRules';

function rules(yaml: string, mode: ValidationMode = 'permissive', body = '') {
  const text = `---\nname: demo\ndescription: A demo.\n${yaml}\n---\n${body}`;
  const md = parseSkillMd(text);
  expect(md.diagnostics).toEqual([]);
  return checkFrontmatterKeys(md.frontmatter!, { text, body: md.body, mode }).map(
    (d) => `${d.severity}:${d.rule}`,
  );
}

function compat(yaml: string, folder = 'demo') {
  const md = parseSkillMd(`---\nname: demo\ndescription: A demo.\n${yaml}\n---\n`);
  return Object.fromEntries(
    compatibility(md.frontmatter, folder).map((c) => [c.target, c.accepts]),
  );
}

describe('frontmatter keys', () => {
  it.each([
    [
      'license: MIT\ncompatibility: Needs Python 3.11\nmetadata:\n  author: me\nallowed-tools: Read Grep',
      [],
    ],
    ['compatibility: ""', ['error:compatibility-empty']],
    [`compatibility: ${'x'.repeat(501)}`, ['error:compatibility-length']],
    ['compatibility:\n  min_version: "1.0"', ['info:compatibility-object']],
    ['metadata:\n  version: 2', ['warning:metadata-values']],
    ['metadata: plain', ['error:metadata-type']],
    ['allowed-tools: [Read, Grep]', ['warning:allowed-tools-list']],
    ['license: 3', ['error:license-type']],
    ['when_to_use: When asked', ['warning:key-not-in-spec']],
    ['when-to-use: ""', ['warning:key-not-in-spec', 'error:when-to-use-type']],
    [
      'disable-model-invocation: "yes"',
      ['warning:key-not-in-spec', 'error:disable-model-invocation-type'],
    ],
    ['user-invocable: false', ['warning:key-not-in-spec']],
    ['context: thread', ['warning:key-not-in-spec', 'error:context-value']],
    ['context: fork\nagent: Explore', ['warning:key-not-in-spec', 'warning:key-not-in-spec']],
    ['arguments:\n  - name: file\n    required: true', ['warning:key-not-in-spec']],
    ['arguments: file mode', ['warning:key-not-in-spec', 'info:arguments-string']],
    ['arguments: 3', ['warning:key-not-in-spec', 'error:arguments-type']],
    ['hooks: run-me', ['warning:key-not-in-spec', 'error:hooks-type']],
    ['requires:\n  bins: [git]', ['warning:key-not-in-spec']],
    ['paths: "src/**"', ['warning:key-not-in-spec']],
    ['colour: blue', ['warning:key-unknown']],
  ])('permissive: %j gives %j', (yaml, expected) => {
    expect(rules(yaml)).toEqual(expected);
  });

  it('warns about each extension key in permissive mode, naming who reads it and where it is', () => {
    const text = '---\nname: demo\ndescription: A demo.\ncontext: fork\nagent: Explore\n---\n';
    const md = parseSkillMd(text);
    const found = checkFrontmatterKeys(md.frontmatter!, {
      text,
      body: md.body,
      mode: 'permissive',
    });
    expect(found).toEqual([
      {
        file: 'SKILL.md',
        line: 4,
        column: 1,
        rule: 'key-not-in-spec',
        severity: 'warning',
        message:
          '"context" is an extension (Claude Code, awaken, OpenSkills), not part of the Agent Skills spec: systems that follow only the spec ignore or refuse it.',
      },
      {
        file: 'SKILL.md',
        line: 5,
        column: 1,
        rule: 'key-not-in-spec',
        severity: 'warning',
        message:
          '"agent" is an extension (Claude Code, OpenSkills), not part of the Agent Skills spec: systems that follow only the spec ignore or refuse it.',
      },
    ]);
  });

  it('refuses every key outside the spec in spec mode, naming who reads extensions', () => {
    expect(rules('when_to_use: When asked\ncolour: blue', 'spec')).toEqual([
      'error:key-not-in-spec',
      'error:key-unknown',
    ]);
    expect(rules('allowed-tools: [Read]\nmetadata:\n  n: 1', 'spec')).toEqual([
      'error:metadata-values',
      'error:allowed-tools-list',
    ]);
  });

  it('warns about the platform rules: reserved words, angle brackets, long bodies', () => {
    const text = '---\nname: claude-helper\ndescription: Use <b>this</b>\n---\n';
    const md = parseSkillMd(text);
    const found = checkFrontmatterKeys(md.frontmatter!, {
      text,
      body: 'x\n'.repeat(501),
      mode: 'permissive',
    }).map((d) => d.rule);
    expect(found).toEqual(['name-reserved-word', 'angle-brackets', 'body-length']);
  });

  it('counts the body as wc -l does: 500 lines ending in a newline are within the limit', () => {
    const lengthWarnings = (body: string) =>
      checkFrontmatterKeys(
        { name: 'demo', description: 'd' },
        { text: '', body, mode: 'permissive' },
      )
        .filter((d) => d.rule === 'body-length')
        .map((d) => d.message);
    expect(lengthWarnings('x\n'.repeat(500))).toEqual([]);
    expect(lengthWarnings('x\n'.repeat(501))).toEqual([
      'The body is 501 lines; keep SKILL.md under 500 lines and move detail into referenced files.',
    ]);
    expect(lengthWarnings(`${'x\n'.repeat(500)}x`)).toHaveLength(1);
  });
});

describe('compatibility per system', () => {
  it('accepts a spec skill everywhere', () => {
    expect(compat('license: MIT')).toEqual({
      'Agent Skills spec': true,
      Claude: true,
      OpenSkills: true,
      awaken: true,
      'skill-engine': true,
    });
  });

  it('says where a list-valued allowed-tools is refused', () => {
    expect(compat('allowed-tools: [Read, Grep]')).toMatchObject({
      'Agent Skills spec': false,
      OpenSkills: true,
      awaken: false,
      'skill-engine': false,
    });
  });

  it('models the skill systems that disagree on compatibility, arguments and reserved names', () => {
    expect(compat('compatibility:\n  platforms: [linux]')).toMatchObject({
      'Agent Skills spec': false,
      OpenSkills: true,
      awaken: false,
    });
    expect(compat('arguments: file')).toMatchObject({ awaken: false, Claude: true });
    expect(compat('context: inline')).toMatchObject({ OpenSkills: false, awaken: true });
  });

  it('refuses a name that differs from its folder where the spec and awaken do, not in OpenSkills', () => {
    const result = compatibility(
      parseSkillMd('---\nname: demo\ndescription: d\n---\n').frontmatter,
      'other',
    );
    expect(result.map((c) => [c.target, c.accepts])).toEqual([
      ['Agent Skills spec', false],
      ['Claude', true],
      ['OpenSkills', true],
      ['awaken', false],
      ['skill-engine', true],
    ]);
    expect(result[2]!.reasons[0]).toContain('replaced by the folder name');
  });
});
