import { describe, expect, it } from 'vitest';
import { parseSkillMd } from './skillMd';
import { skillMdFromSkillSpec, skillSpecJson, type SkillSpec } from './skillSpec';
import { skillSpecFromSkillMd } from './skillSpecFromSkillMd';

const fromText = (text: string) => {
  const { frontmatter, body, diagnostics } = parseSkillMd(text);
  expect(diagnostics).toEqual([]);
  return skillSpecFromSkillMd(frontmatter!, body);
};

const MINIMAL: SkillSpec = {
  id: 'db-management',
  name: 'db-management',
  description: 'Helps with database operations',
  instructions_md: 'Inspect schema before writing queries.\n',
  allowed_tools: [],
  arguments: [],
  user_invocable: true,
  model_invocable: true,
  context: 'inline',
  paths: [],
};

describe('skillSpecJson', () => {
  it('omits empty arrays and absent options, and keeps the defaults', () => {
    expect(JSON.parse(skillSpecJson(MINIMAL))).toEqual({
      id: 'db-management',
      name: 'db-management',
      description: 'Helps with database operations',
      instructions_md: 'Inspect schema before writing queries.\n',
      user_invocable: true,
      model_invocable: true,
      context: 'inline',
    });
  });

  it('writes awaken field order with two-space indentation', () => {
    const spec: SkillSpec = {
      ...MINIMAL,
      paths: ['a'],
      model_override: 'fast',
      arguments: [{ required: true, name: 'x' }],
      allowed_tools: ['db_query'],
    };
    expect(skillSpecJson(spec)).toBe(
      [
        '{',
        '  "id": "db-management",',
        '  "name": "db-management",',
        '  "description": "Helps with database operations",',
        '  "instructions_md": "Inspect schema before writing queries.\\n",',
        '  "allowed_tools": [',
        '    "db_query"',
        '  ],',
        '  "arguments": [',
        '    {',
        '      "name": "x",',
        '      "required": true',
        '    }',
        '  ],',
        '  "user_invocable": true,',
        '  "model_invocable": true,',
        '  "model_override": "fast",',
        '  "context": "inline",',
        '  "paths": [',
        '    "a"',
        '  ]',
        '}',
      ].join('\n'),
    );
  });
});

describe('skillMdFromSkillSpec', () => {
  it('synthesizes the frontmatter awaken writes', () => {
    expect(skillMdFromSkillSpec({ ...MINIMAL, allowed_tools: ['db_query', 'read_file'] })).toBe(
      [
        '---',
        'name: db-management',
        'description: Helps with database operations',
        'allowed-tools: db_query read_file',
        'user-invocable: true',
        'disable-model-invocation: false',
        'context: inline',
        '---',
        'Inspect schema before writing queries.',
        '',
      ].join('\n'),
    );
  });

  it.each([
    ['a minimal spec', MINIMAL],
    [
      'a spec with every field',
      {
        id: 'db-management',
        name: 'db-management',
        description: 'Helps: with "database" operations #1',
        instructions_md: '# Title\n\n---\n\nUse ${dialect}.\n',
        allowed_tools: ['db_query', 'mcp__db__*', 'Bash(command: "git status")'],
        when_to_use: 'yes',
        arguments: [
          { name: 'dialect', description: 'SQL: dialect', required: true },
          { name: 'table', required: false },
        ],
        argument_hint: '[dialect]',
        user_invocable: false,
        model_invocable: false,
        model_override: '1.0',
        context: 'fork',
        paths: ['migrations/**', 'schema.sql'],
      } satisfies SkillSpec,
    ],
    [
      'a spec with Unicode and tricky strings',
      {
        ...MINIMAL,
        id: '技能',
        name: '技能',
        description: '  leading spaces, then: a colon\nand a second line',
        instructions_md: '',
        when_to_use: 'null',
      },
    ],
  ])('round-trips %s through SKILL.md', (_name, spec) => {
    const { spec: back, problems } = fromText(skillMdFromSkillSpec(spec));
    expect(problems).toEqual([]);
    expect(back).toEqual(spec);
  });
});
