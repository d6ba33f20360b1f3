import { describe, expect, it } from 'vitest';
import { parseSkillMd } from './skillMd';
import {
  parseSkillSpec,
  skillMdFromSkillSpec,
  skillSpecFromSkillMd,
  skillSpecJson,
  type SkillSpec,
} from './skillSpec';

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
    [{ 'allowed-tools': 7 }, ['allowed-tools: must be a string, not a number (7)'], {}],
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
    [{ metadata: 'x' }, ['metadata: must be a mapping of keys to strings'], {}],
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
        'arguments[0]: must be a map with name, description and required',
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

describe('parseSkillSpec', () => {
  const valid = {
    id: 'search',
    name: 'Web Search',
    description: 'Searches the web',
    instructions_md: 'Search first.',
  };
  const errorsOf = (value: unknown) => {
    const result = parseSkillSpec(typeof value === 'string' ? value : JSON.stringify(value));
    return result.ok ? [] : result.errors;
  };

  it('applies the serde defaults to a minimal record', () => {
    expect(parseSkillSpec(JSON.stringify(valid))).toEqual({
      ok: true,
      spec: {
        ...valid,
        allowed_tools: [],
        arguments: [],
        user_invocable: true,
        model_invocable: true,
        context: 'inline',
        paths: [],
      },
    });
  });

  it('reads every field of a full record, and what skillSpecJson writes', () => {
    const spec: SkillSpec = {
      ...valid,
      allowed_tools: ['db_query', 'mcp__db__*', '/^web_.*$/'],
      when_to_use: 'When searching',
      arguments: [{ name: 'query', description: 'What to find', required: true }],
      argument_hint: 'query=...',
      user_invocable: false,
      model_invocable: false,
      model_override: 'fast',
      context: 'fork',
      paths: [],
    };
    expect(parseSkillSpec(skillSpecJson(spec))).toEqual({ ok: true, spec });
  });

  it('accepts null for optional strings, as serde does', () => {
    expect(
      errorsOf({ ...valid, when_to_use: null, arguments: [{ name: 'a', description: null }] }),
    ).toEqual([]);
  });

  it('accepts Unicode lowercase ids', () => {
    expect(errorsOf({ ...valid, id: '技能-搜索' })).toEqual([]);
  });

  it.each([
    ['not JSON', '{"id": ', [/^JSON syntax error: .+/]],
    ['a list', '[]', ['spec: must be a JSON object, not a list']],
    [
      'an unknown top-level key',
      { ...valid, garbage: true },
      [
        'garbage: unknown field; the allowed fields are id, name, description, instructions_md, allowed_tools, when_to_use, arguments, argument_hint, user_invocable, model_invocable, model_override, context, paths',
      ],
    ],
    [
      'an unknown key in arguments',
      { ...valid, arguments: [{ name: 'q', type: 'string' }] },
      ['arguments[0].type: unknown field; the allowed fields are name, description, required'],
    ],
    ['missing id', { ...valid, id: undefined }, ['id: required']],
    [
      'missing everything',
      {},
      ['id: required', 'name: required', 'description: required', 'instructions_md: required'],
    ],
    ['id not a string', { ...valid, id: 3 }, ['id: must be a string, not a number (3)']],
    ['id empty', { ...valid, id: '  ' }, ['id: must not be empty']],
    [
      'id with whitespace',
      { ...valid, id: ' search' },
      ['id: must not have leading or trailing whitespace (" search")'],
    ],
    ['id uppercase', { ...valid, id: 'Search' }, ['id: must be lowercase ("Search")']],
    [
      'id too long',
      { ...valid, id: 'a'.repeat(65) },
      ['id: must be at most 64 characters (is 65)'],
    ],
    [
      'id with edge hyphen',
      { ...valid, id: 'search-' },
      ['id: must not start or end with "-" or contain "--" ("search-")'],
    ],
    [
      'id with double hyphen',
      { ...valid, id: 'web--search' },
      ['id: must not start or end with "-" or contain "--" ("web--search")'],
    ],
    [
      'id with other characters',
      { ...valid, id: 'web_search' },
      ['id: may contain only letters, digits and "-" ("web_search")'],
    ],
    ['name blank', { ...valid, name: ' ' }, ['name: must not be empty']],
    [
      'name too long',
      { ...valid, name: 'n'.repeat(129) },
      ['name: must be at most 128 characters (is 129)'],
    ],
    ['description blank', { ...valid, description: '' }, ['description: must not be empty']],
    [
      'description too long',
      { ...valid, description: 'd'.repeat(1025) },
      ['description: must be at most 1024 characters (is 1025)'],
    ],
    [
      'instructions blank',
      { ...valid, instructions_md: '\n' },
      ['instructions_md: must not be empty'],
    ],
    [
      'when_to_use blank',
      { ...valid, when_to_use: '' },
      ['when_to_use: must not be empty when present'],
    ],
    [
      'argument_hint blank',
      { ...valid, argument_hint: ' ' },
      ['argument_hint: must not be empty when present'],
    ],
    [
      'model_override blank',
      { ...valid, model_override: '' },
      ['model_override: must not be empty when present'],
    ],
    [
      'model_override not a string',
      { ...valid, model_override: 1 },
      ['model_override: must be a string, not a number (1)'],
    ],
    [
      'user_invocable null',
      { ...valid, user_invocable: null },
      ['user_invocable: must be true or false, not null'],
    ],
    [
      'model_invocable a string',
      { ...valid, model_invocable: 'false' },
      ['model_invocable: must be true or false, not a string ("false")'],
    ],
    [
      'context unknown',
      { ...valid, context: 'Fork' },
      ['context: must be "inline" or "fork" ("Fork")'],
    ],
    [
      'allowed_tools not a list',
      { ...valid, allowed_tools: 'db_query' },
      ['allowed_tools: must be a list of strings, not a string ("db_query")'],
    ],
    [
      'allowed_tools entry blank',
      { ...valid, allowed_tools: [''] },
      ['allowed_tools[0]: must not be empty'],
    ],
    [
      'allowed_tools entry padded',
      { ...valid, allowed_tools: ['db_query '] },
      ['allowed_tools[0]: must not have leading or trailing whitespace ("db_query ")'],
    ],
    [
      'allowed_tools entry with two tokens',
      { ...valid, allowed_tools: ['read write'] },
      ['allowed_tools[0]: must be exactly one tool id, without spaces ("read write")'],
    ],
    [
      'allowed_tools scoped entry',
      { ...valid, allowed_tools: ['read', 'Bash(git status)'] },
      [
        'allowed_tools[1]: scoped tokens like "Bash(git status)" are not supported for DB-managed skills; use the bare tool id ("Bash(git status)")',
      ],
    ],
    [
      'allowed_tools unbalanced',
      { ...valid, allowed_tools: ['Bash(git'] },
      ['allowed_tools[0]: has a "(" that is never closed'],
    ],
    [
      'allowed_tools bad regex',
      { ...valid, allowed_tools: ['/[invalid/'] },
      [/^allowed_tools\[0\]: invalid pattern "\/\[invalid\/": .+/],
    ],
    [
      'allowed_tools unclosed glob class',
      { ...valid, allowed_tools: ['mcp__[db'] },
      ['allowed_tools[0]: invalid pattern "mcp__[db": a "[" character class is never closed'],
    ],
    [
      'arguments not a list',
      { ...valid, arguments: { name: 'q' } },
      ['arguments: must be a list of {name, description, required} objects, not an object'],
    ],
    [
      'argument not an object',
      { ...valid, arguments: ['q'] },
      ['arguments[0]: must be an object with name, description and required'],
    ],
    ['argument without name', { ...valid, arguments: [{}] }, ['arguments[0].name: required']],
    [
      'argument name blank',
      { ...valid, arguments: [{ name: '' }] },
      ['arguments[0].name: must not be empty'],
    ],
    [
      'argument name padded',
      { ...valid, arguments: [{ name: 'q ' }] },
      ['arguments[0].name: must not have leading or trailing whitespace ("q ")'],
    ],
    [
      'argument names repeated',
      { ...valid, arguments: [{ name: 'q' }, { name: 'q', required: true }] },
      ['arguments[1].name: duplicate argument name ("q")'],
    ],
    [
      'argument description blank',
      { ...valid, arguments: [{ name: 'q', description: ' ' }] },
      ['arguments[0].description: must not be empty when present'],
    ],
    [
      'argument required not a boolean',
      { ...valid, arguments: [{ name: 'q', required: 1 }] },
      ['arguments[0].required: must be true or false, not a number (1)'],
    ],
    [
      'paths not empty',
      { ...valid, paths: ['src/**'] },
      ['paths: must be empty; awaken does not support paths for DB-managed skills'],
    ],
    ['paths null', { ...valid, paths: null }, ['paths: must be a list of strings, not null']],
  ] as [string, unknown, (string | RegExp)[]][])('rejects %s', (_name, value, expected) => {
    const errors = errorsOf(value);
    expect(errors).toHaveLength(expected.length);
    expected.forEach((e, i) =>
      typeof e === 'string' ? expect(errors[i]).toBe(e) : expect(errors[i]).toMatch(e),
    );
  });

  it('collects every error at once', () => {
    expect(errorsOf({ ...valid, id: 'Bad', name: '', extra: 1 })).toEqual([
      expect.stringMatching(/^extra: unknown field/),
      'id: must be lowercase ("Bad")',
      'name: must not be empty',
    ]);
  });
});
