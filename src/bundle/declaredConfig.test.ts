import { describe, expect, it } from 'vitest';
import {
  declaredConfigOf,
  declaredInCapsuleEnv,
  declaredInFrontmatter,
  declaredInMetadata,
  declaredInSkillConfigToml,
  declaredInSkillYaml,
  looksSecret,
  mergeDeclarations,
} from './declaredConfig';
import { parseSkillMd } from './skillMd';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('secret-looking key names', () => {
  it.each([
    'github_token',
    'API_KEY',
    'apiKey',
    'aws_secret_access_key',
    'password',
    'db-passwd',
    'credentials',
    'auth',
    'authorization_header',
    'SLACK_BOT_TOKENS',
  ])('takes %s for a secret', (key) => {
    expect(looksSecret(key)).toBe(true);
  });

  it.each(['greeting', 'author', 'monkey', 'keyboard_layout', 'max_items', 'region', 'tokenizer'])(
    'takes %s for a plain value',
    (key) => {
      expect(looksSecret(key)).toBe(false);
    },
  );
});

describe('skill.config.toml', () => {
  it('reads bare [config] values as keys with their defaults', () => {
    const keys = declaredInSkillConfigToml(
      '[config]\ngithub_token = ""\ngithub_username = "octocat"\n\n[metadata]\nskill_name = "github-skill"\n',
    );
    expect(keys).toEqual([
      { key: 'github_token', required: false, secret: true, source: 'skill.config.toml' },
      {
        key: 'github_username',
        required: false,
        secret: false,
        default: 'octocat',
        source: 'skill.config.toml',
      },
    ]);
  });

  it('reads [config.KEY] tables with description, default, required and secret', () => {
    const keys = declaredInSkillConfigToml(
      '[config.greeting]\ntype = "string"\ndescription = "The word before the name"\ndefault = "Hello"\nrequired = true\n\n[config.region]\nsecret = true\n',
    );
    expect(keys).toEqual([
      {
        key: 'greeting',
        type: 'string',
        description: 'The word before the name',
        default: 'Hello',
        required: true,
        secret: false,
        source: 'skill.config.toml',
      },
      { key: 'region', required: false, secret: true, source: 'skill.config.toml' },
    ]);
  });

  it('lets a declaration say a secret-looking key is not secret', () => {
    expect(declaredInSkillConfigToml('[config.token_count]\nsecret = false\n')[0]!.secret).toBe(
      false,
    );
  });
});

describe('skill.yaml', () => {
  it('reads the config mapping with types and defaults', () => {
    const keys = declaredInSkillYaml(
      [
        'name: python-skill',
        'config:',
        '  greeting_prefix:',
        '    type: string',
        '    description: What greetings start with',
        '    default: Hello',
        '  max_items:',
        '    type: integer',
        '    default: 100',
      ].join('\n'),
    );
    expect(keys).toEqual([
      expect.objectContaining({
        key: 'greeting_prefix',
        type: 'string',
        description: 'What greetings start with',
        default: 'Hello',
        source: 'skill.yaml',
      }),
      expect.objectContaining({ key: 'max_items', type: 'integer', default: '100' }),
    ]);
  });

  it('gives nothing for a skill.yaml without config', () => {
    expect(declaredInSkillYaml('name: x\n')).toEqual([]);
  });
});

describe('get-metadata', () => {
  it('reads a config list whose entries carry their names', () => {
    expect(
      declaredInMetadata([{ name: 'api_key', description: 'The key', required: true }]),
    ).toEqual([
      {
        key: 'api_key',
        description: 'The key',
        required: true,
        secret: true,
        source: 'get-metadata',
      },
    ]);
  });

  it('gives nothing when get-metadata says nothing of config', () => {
    expect(declaredInMetadata(undefined)).toEqual([]);
  });
});

describe('Capsule.toml [env.KEY]', () => {
  it('keeps type, request, description and default', () => {
    expect(
      declaredInCapsuleEnv([
        { key: 'api_token', type: 'secret', request: 'Your token', description: 'For the API' },
        { key: 'limit', type: 'string', default: 10 },
      ]),
    ).toEqual([
      {
        key: 'api_token',
        type: 'secret',
        secret: true,
        required: false,
        prompt: 'Your token',
        description: 'For the API',
        source: 'Capsule.toml',
      },
      {
        key: 'limit',
        type: 'string',
        secret: false,
        required: false,
        default: '10',
        source: 'Capsule.toml',
      },
    ]);
  });
});

describe('SKILL.md frontmatter', () => {
  it('reads OpenSkills requires.env as required keys', () => {
    const md = parseSkillMd(
      '---\nname: x\ndescription: y\nrequires:\n  env: [OPENAI_API_KEY, REGION]\n---\nbody\n',
    );
    expect(declaredInFrontmatter(md.frontmatter)).toEqual([
      {
        key: 'OPENAI_API_KEY',
        required: true,
        secret: true,
        source: 'SKILL.md requires.env',
      },
      { key: 'REGION', required: true, secret: false, source: 'SKILL.md requires.env' },
    ]);
  });

  it('reads keys a skill lists in metadata, as text or as a mapping', () => {
    const listed = parseSkillMd(
      '---\nname: x\ndescription: y\nmetadata:\n  config: "greeting, api_token"\n---\n',
    );
    expect(declaredInFrontmatter(listed.frontmatter).map((d) => [d.key, d.secret])).toEqual([
      ['greeting', false],
      ['api_token', true],
    ]);
    const mapped = parseSkillMd(
      '---\nname: x\ndescription: y\nmetadata:\n  config:\n    greeting: {description: Said first}\n---\n',
    );
    expect(declaredInFrontmatter(mapped.frontmatter)).toEqual([
      expect.objectContaining({ key: 'greeting', description: 'Said first' }),
    ]);
  });
});

describe('all the declarations of a bundle', () => {
  it('merges one key declared in several places, the first filling each field', () => {
    const merged = mergeDeclarations(
      [{ key: 'greeting', required: false, secret: false, source: 'skill.config.toml' }],
      [
        {
          key: 'greeting',
          description: 'Said first',
          required: true,
          secret: false,
          source: 'get-metadata',
        },
      ],
    );
    expect(merged).toEqual([
      {
        key: 'greeting',
        description: 'Said first',
        required: true,
        secret: false,
        source: 'skill.config.toml',
      },
    ]);
  });

  it('reads the files, and says which one could not be read', () => {
    const files = new Map([
      ['skill.config.toml', bytes('[config.greeting]\ndescription = "Said first"\n')],
      ['skill.yaml', bytes('config: [unclosed\n')],
    ]);
    const md = parseSkillMd('---\nname: x\ndescription: y\nrequires:\n  env: [TOKEN]\n---\n');
    const declared = declaredConfigOf(files, { skillMd: md }, { region: 'eu' });
    expect(declared.keys.map((d) => [d.key, d.source])).toEqual([
      ['greeting', 'skill.config.toml'],
      ['region', 'get-metadata'],
      ['TOKEN', 'SKILL.md requires.env'],
    ]);
    expect(declared.problems).toEqual([expect.stringContaining('skill.yaml could not be read')]);
  });
});
