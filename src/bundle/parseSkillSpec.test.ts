import { describe, expect, it } from 'vitest';
import { parseSkillSpec } from './parseSkillSpec';
import { skillSpecJson, type SkillSpec } from './skillSpec';

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
      ['arguments[0]: must be an object with name, description and required, not a string ("q")'],
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

describe('parseSkillSpec on JSON that is not a SkillSpec', () => {
  const PACKAGE_JSON = {
    name: 'weather-dashboard',
    version: '1.4.2',
    description: 'A dashboard for local weather',
    private: true,
    type: 'module',
    main: 'dist/index.js',
    scripts: { dev: 'vite', build: 'tsc -b && vite build', test: 'vitest run' },
    dependencies: { react: '^19.1.0', 'react-dom': '^19.1.0' },
    devDependencies: { typescript: '~5.8.3', vite: '^6.3.5', vitest: '^3.2.4' },
    engines: { node: '>=20' },
    license: 'MIT',
    author: 'Jane Doe <jane@example.com>',
    repository: { type: 'git', url: 'https://github.com/jane/weather-dashboard.git' },
  };
  const TSCONFIG_JSON = {
    compilerOptions: { target: 'ES2022', module: 'ESNext', strict: true, jsx: 'react-jsx' },
    include: ['src'],
    exclude: ['node_modules', 'dist'],
  };

  it('says in one sentence that a package.json is not one', () => {
    expect(parseSkillSpec(JSON.stringify(PACKAGE_JSON, null, 2))).toEqual({
      ok: false,
      isOtherJson: true,
      errors: [
        'a SkillSpec needs `id`, `name`, `description` and `instructions_md`, and this file has only `name` and `description`',
      ],
    });
  });

  it('says in one sentence that a tsconfig.json is not one', () => {
    expect(parseSkillSpec(JSON.stringify(TSCONFIG_JSON))).toEqual({
      ok: false,
      isOtherJson: true,
      errors: [
        'a SkillSpec needs `id`, `name`, `description` and `instructions_md`, and this file has none of them',
      ],
    });
  });

  it('still lists every mistake of a record that has a key only a SkillSpec has', () => {
    const result = parseSkillSpec(JSON.stringify({ id: 'x', title: 'X', body: 'b', tools: [] }));
    expect(result).toEqual({
      ok: false,
      isOtherJson: false,
      errors: [
        'title, body, tools: unknown fields; the allowed fields are id, name, description, instructions_md, allowed_tools, when_to_use, arguments, argument_hint, user_invocable, model_invocable, model_override, context, paths',
        'name: required',
        'description: required',
        'instructions_md: required',
      ],
    });
  });

  it('gives the allowed fields once however many unknown fields there are', () => {
    const spec = {
      id: 'search',
      name: 'Search',
      description: 'd',
      instructions_md: 'i',
      arguments: [
        { name: 'a', type: 'string' },
        { name: 'b', default: 1 },
      ],
    };
    const result = parseSkillSpec(JSON.stringify(spec));
    expect(result.ok ? [] : result.errors).toEqual([
      'arguments[0].type, arguments[1].default: unknown fields; the allowed fields are name, description, required',
    ]);
  });
});
