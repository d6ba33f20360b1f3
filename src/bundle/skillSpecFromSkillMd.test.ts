import { describe, expect, it } from 'vitest';
import { parseSkillMd } from './skillMd';
import type { SkillSpec } from './skillSpec';
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

describe('skillSpecFromSkillMd', () => {
  it('maps every key of a full SKILL.md (table 5.3)', () => {
    const text = `---
name: db-management
description: Helps with database operations
license: MIT
compatibility: Needs psql on PATH
metadata:
  owner: data-team
allowed-tools: 'db_query Bash(command: "git status") read_file'
when-to-use: When the user asks about a database
when_to_use: Claude Code's spelling, which awaken ignores
arguments:
  - name: dialect
    description: SQL dialect
    required: true
  - name: table
argument-hint: dialect=postgres
user-invocable: false
disable-model-invocation: true
model: fast
context: fork
paths: |
  migrations/**, schema.sql
  **
  schema.sql,
unknown-key: ignored
---
Inspect schema before writing queries.
`;
    expect(fromText(text)).toEqual({
      problems: [],
      spec: {
        id: 'db-management',
        name: 'db-management',
        description: 'Helps with database operations',
        instructions_md: 'Inspect schema before writing queries.\n',
        allowed_tools: ['db_query', 'Bash(command: "git status")', 'read_file'],
        when_to_use: 'When the user asks about a database',
        arguments: [
          { name: 'dialect', description: 'SQL dialect', required: true },
          { name: 'table', required: false },
        ],
        argument_hint: 'dialect=postgres',
        user_invocable: false,
        model_invocable: false,
        model_override: 'fast',
        context: 'fork',
        paths: ['migrations/**', 'schema.sql'],
      },
    });
  });

  it('fills the defaults for a minimal SKILL.md and ignores Claude Code when_to_use', () => {
    const text = `---
name: db-management
description: Helps with database operations
when_to_use: Only Claude Code reads this
---
Inspect schema before writing queries.
`;
    expect(fromText(text)).toEqual({ spec: MINIMAL, problems: [] });
  });

  it('trims and NFKC-normalizes the name, and accepts Unicode letters', () => {
    const { spec, problems } = skillSpecFromSkillMd({ name: ' ｄｂ-技能 ', description: 'd' }, 'b');
    expect(problems).toEqual([]);
    expect(spec.id).toBe('db-技能');
    expect(spec.name).toBe('db-技能');
  });

  it('drops a paths entry of only ** (it adds no condition) and keeps the rest once', () => {
    const { spec } = skillSpecFromSkillMd(
      { name: 'x', description: 'd', paths: '**, src/**\nsrc/**,  ,docs/*.md' },
      '',
    );
    expect(spec.paths).toEqual(['src/**', 'docs/*.md']);
  });

  it.each([
    [
      { 'allowed-tools': ['Read', 'Bash(git:*)'] },
      ['allowed-tools: must be a space-separated string, not a list'],
      { allowed_tools: ['Read', 'Bash(git:*)'] },
    ],
    [
      { 'allowed-tools': 7 },
      ['allowed-tools: must be a space-separated string, not a number (7)'],
      {},
    ],
    [
      { 'allowed-tools': 'Read Bash(git' },
      ['allowed-tools: has a "(" that is never closed'],
      { allowed_tools: ['Read', 'Bash(git'] },
    ],
    [
      { metadata: { owner: 'me', version: 2 } },
      ['metadata: the value of "version" must be a string, not a number (2)'],
      {},
    ],
    [{ metadata: 'x' }, ['metadata: must be a mapping of keys to strings, not a string ("x")'], {}],
    [{ context: 'both' }, ['context: must be "inline" or "fork" ("both")'], { context: 'inline' }],
    [{ context: ' fork ' }, [], { context: 'fork' }],
    [
      { arguments: 'dialect table' },
      [
        'arguments: must be a list of {name, description, required} maps; the space-separated string form is Claude Code only',
      ],
      { arguments: [] },
    ],
    [
      { arguments: ['dialect', { name: 'table', required: 'yes' }] },
      [
        'arguments[0]: must be a map with name, description and required, not a string ("dialect")',
        'arguments[1].required: must be true or false, not a string ("yes")',
      ],
      { arguments: [{ name: 'table', required: false }] },
    ],
    [{ arguments: [{ description: 'd' }] }, ['arguments[0].name: required'], { arguments: [] }],
    [{ arguments: [{ name: ' ' }] }, ['arguments[0].name: must not be empty'], {}],
    [{ 'when-to-use': '  ' }, ['when-to-use: must not be empty when present'], {}],
    [
      { 'user-invocable': 'no' },
      ['user-invocable: must be true or false, not a string ("no")'],
      { user_invocable: true },
    ],
    [{ compatibility: ' ' }, ['compatibility: must not be empty when present'], {}],
    [
      { compatibility: 'c'.repeat(501) },
      ['compatibility: must be at most 500 characters (is 501)'],
      {},
    ],
    [{ license: ['MIT'] }, ['license: must be a string, not a list'], {}],
    [
      { paths: ['src/**', '**'] },
      ['paths: must be a comma- or newline-separated string, not a list'],
      { paths: ['src/**'] },
    ],
    [{ name: 'Db' }, ['name: must be lowercase ("Db")'], { id: 'Db' }],
    [{ name: 'db_x' }, ['name: may contain only letters, digits and "-" ("db_x")'], {}],
    [{ name: 'db--x' }, ['name: must not start or end with "-" or contain "--" ("db--x")'], {}],
    [{ name: undefined }, ['name: required'], { id: '' }],
    [{ name: 5 }, ['name: must be a string, not a number (5)'], { id: '' }],
    [{ description: ' ' }, ['description: must not be empty'], {}],
    [
      { description: 'd'.repeat(1025) },
      ['description: must be at most 1024 characters (is 1025)'],
      {},
    ],
  ] as [Record<string, unknown>, string[], Partial<SkillSpec>][])(
    '%j -> %j',
    (fields, problems, specPart) => {
      const result = skillSpecFromSkillMd({ name: 'db', description: 'd', ...fields }, 'Body');
      expect(result.problems).toEqual(problems);
      expect(result.spec).toMatchObject(specPart);
    },
  );
});
