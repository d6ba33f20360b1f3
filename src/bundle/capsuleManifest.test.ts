import { describe, expect, it } from 'vitest';
import { parseCapsuleManifest } from './capsuleManifest';

const FILES = new Set(['bin/github_agent.wasm', 'capsule.wasm', 'lib/helper.wasm', 'notes.txt']);
const PACKAGE = '[package]\nname = "demo"\nversion = "0.1.0"\n';

const rules = (text: string, files: ReadonlySet<string> = FILES) =>
  parseCapsuleManifest(text, files).diagnostics.map((d) => `${d.severity}:${d.rule}`);

// The example from crates/astrid-capsule/README.md, as quoted in skill-formats.md 3.1.
const README_EXAMPLE = `[package]
name = "github-agent"
version = "1.0.0"
astrid-version = ">=0.1.0"
[component]
entrypoint = "bin/github_agent.wasm"
[capabilities]
net = ["api.github.com"]
fs_read = ["workspace://"]
[env]
github_token = { type = "secret", request = "Please enter your GitHub API token" }
default_repo = { type = "string", default = "astralis/astrid", request = "Default repo?" }
[[tool]]   # shape from crates/astrid-capsule-shell/Capsule.toml @84543603
name = "run_shell_command"
description = "Execute a bash command in the sandbox"
input_schema = { type = "object", properties = { command = { type = "string" } }, required = ["command"] }
`;

describe('parseCapsuleManifest', () => {
  it('reads the README example into a manifest without findings', () => {
    const { manifest, diagnostics } = parseCapsuleManifest(README_EXAMPLE, FILES);
    expect(diagnostics).toEqual([]);
    expect(manifest).toEqual({
      name: 'github-agent',
      version: '1.0.0',
      components: [{ file: 'bin/github_agent.wasm' }],
      capabilities: { net: ['api.github.com'], fs_read: ['workspace://'] },
      env: [
        { key: 'github_token', type: 'secret', request: 'Please enter your GitHub API token' },
        {
          key: 'default_repo',
          type: 'string',
          default: 'astralis/astrid',
          request: 'Default repo?',
        },
      ],
      tools: [
        {
          name: 'run_shell_command',
          description: 'Execute a bash command in the sandbox',
          inputSchema: {
            type: 'object',
            properties: { command: { type: 'string' } },
            required: ['command'],
          },
        },
      ],
    });
  });

  it('reads the later [[component]] form, with the entrypoint alias and ./ paths', () => {
    const text = `${PACKAGE}
[[component]]
id = "main"
file = "./capsule.wasm"
hash = "sha256:abc"
type = "executable"
link = ["helper"]

[[component]]
id = "helper"
entrypoint = "lib/helper.wasm"
type = "library"

[env.API_KEY]
type = "secret"
description = "Key for the API"
`;
    const { manifest, diagnostics } = parseCapsuleManifest(text, FILES);
    expect(diagnostics).toEqual([]);
    expect(manifest?.components).toEqual([
      { id: 'main', file: 'capsule.wasm', hash: 'sha256:abc', type: 'executable' },
      { id: 'helper', file: 'lib/helper.wasm', type: 'library' },
    ]);
    expect(manifest?.env).toEqual([
      { key: 'API_KEY', type: 'secret', description: 'Key for the API' },
    ]);
  });

  it('accepts a static-only capsule without any component', () => {
    expect(rules(PACKAGE)).toEqual([]);
  });

  it.each([
    [
      'no [package]',
      '[component]\nentrypoint = "capsule.wasm"\n',
      ['error:capsule-package-missing'],
    ],
    ['package not a table', 'package = "demo"\n', ['error:capsule-package-missing']],
    ['no name', '[package]\nversion = "1.0.0"\n', ['error:capsule-package-name']],
    [
      'name not a string',
      '[package]\nname = 3\nversion = "1.0.0"\n',
      ['error:capsule-package-name'],
    ],
    ['no version', '[package]\nname = "demo"\n', ['error:capsule-package-version']],
    [
      'version not a string',
      '[package]\nname = "demo"\nversion = 1.0\n',
      ['error:capsule-package-version'],
    ],
    [
      '[component] without entrypoint',
      `${PACKAGE}[component]\nhash = "x"\n`,
      ['error:capsule-component-file'],
    ],
    [
      'entrypoint not a string',
      `${PACKAGE}[component]\nentrypoint = 1\n`,
      ['error:capsule-component-file'],
    ],
    [
      'file and entrypoint both',
      `${PACKAGE}[[component]]\nfile = "capsule.wasm"\nentrypoint = "capsule.wasm"\n`,
      ['error:capsule-component-file'],
    ],
    [
      'component neither table nor array of tables',
      `component = "capsule.wasm"\n${PACKAGE}`,
      ['error:capsule-component-shape'],
    ],
    [
      'hash not a string',
      `${PACKAGE}[component]\nentrypoint = "capsule.wasm"\nhash = 5\n`,
      ['error:capsule-component-field'],
    ],
    [
      'link not a list of strings',
      `${PACKAGE}[[component]]\nfile = "capsule.wasm"\nlink = "helper"\n`,
      ['error:capsule-component-field'],
    ],
    [
      'unknown component type',
      `${PACKAGE}[[component]]\nfile = "capsule.wasm"\ntype = "plugin"\n`,
      ['error:capsule-component-type'],
    ],
    [
      'component file missing from the bundle',
      `${PACKAGE}[component]\nentrypoint = "bin/other.wasm"\n`,
      ['error:capsule-component-missing'],
    ],
    [
      'component not a .wasm',
      `${PACKAGE}[[component]]\nfile = "notes.txt"\n`,
      ['warning:capsule-component-not-wasm'],
    ],
    [
      'capability not a list',
      `${PACKAGE}[capabilities]\nnet = "api.github.com"\n`,
      ['error:capsule-capabilities'],
    ],
    [
      'capability list of numbers',
      `${PACKAGE}[capabilities]\nkv = [1]\n`,
      ['error:capsule-capabilities'],
    ],
    [
      'capabilities not a table',
      `capabilities = ["net"]\n${PACKAGE}`,
      ['error:capsule-capabilities'],
    ],
    [
      'unknown capability',
      `${PACKAGE}[capabilities]\nipc = ["x"]\n`,
      ['warning:capsule-capability-unknown'],
    ],
    ['env without type', `${PACKAGE}[env.TOKEN]\nrequest = "Token?"\n`, ['error:capsule-env-type']],
    [
      'env with another type',
      `${PACKAGE}[env]\nTOKEN = { type = "number" }\n`,
      ['error:capsule-env-type'],
    ],
    ['env entry not a table', `${PACKAGE}[env]\nTOKEN = "x"\n`, ['error:capsule-env-type']],
    [
      'env request not a string',
      `${PACKAGE}[env.TOKEN]\ntype = "secret"\nrequest = 1\n`,
      ['error:capsule-env-field'],
    ],
    ['tool without name', `${PACKAGE}[[tool]]\ndescription = "d"\n`, ['error:capsule-tool-name']],
    [
      'tool with empty name',
      `${PACKAGE}[[tool]]\nname = ""\ndescription = "d"\n`,
      ['error:capsule-tool-name'],
    ],
    [
      'tool without description',
      `${PACKAGE}[[tool]]\nname = "t"\n`,
      ['error:capsule-tool-description'],
    ],
    [
      'schema not an object schema',
      `${PACKAGE}[[tool]]\nname = "t"\ndescription = "d"\ninput_schema = { type = "string" }\n`,
      ['error:capsule-tool-schema'],
    ],
    [
      'schema not a table',
      `${PACKAGE}[[tool]]\nname = "t"\ndescription = "d"\ninput_schema = "object"\n`,
      ['error:capsule-tool-schema'],
    ],
    [
      'duplicate tool',
      `${PACKAGE}[[tool]]\nname = "t"\ndescription = "d"\n[[tool]]\nname = "t"\ndescription = "e"\n`,
      ['error:capsule-tool-duplicate'],
    ],
    [
      'single [tool] table',
      `${PACKAGE}[tool]\nname = "t"\ndescription = "d"\n`,
      ['error:capsule-tool-shape'],
    ],
    ['unknown table', `${PACKAGE}[pakage]\nname = "x"\n`, ['warning:capsule-key-unknown']],
    ['unknown top-level key', `entry = "x"\n${PACKAGE}`, ['warning:capsule-key-unknown']],
    ['syntax error', '[package\nname = "x"\n', ['error:toml-syntax']],
  ])('%s', (_name, text, expected) => {
    expect(rules(text)).toEqual(expected);
  });

  it('reports a syntax error where smol-toml found it, with no manifest', () => {
    const { manifest, diagnostics } = parseCapsuleManifest(
      '[package]\nname = \nversion = "1"\n',
      FILES,
    );
    expect(manifest).toBeNull();
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ file: 'Capsule.toml', line: 2, rule: 'toml-syntax' });
    expect(diagnostics[0]!.column).toBeGreaterThan(1);
    expect(diagnostics[0]!.message).toMatch(/^Capsule\.toml is not valid TOML: .+\.$/);
  });

  it('keeps valid tools, first of duplicates, and gives schemaless tools an empty object schema', () => {
    const text = `${PACKAGE}[[tool]]\nname = "a"\ndescription = "first"\n[[tool]]\nname = "a"\ndescription = "second"\n[[tool]]\nname = "b"\n`;
    const { manifest } = parseCapsuleManifest(text, FILES);
    expect(manifest?.tools).toEqual([
      { name: 'a', description: 'first', inputSchema: { type: 'object', properties: {} } },
      { name: 'b', description: '', inputSchema: { type: 'object', properties: {} } },
    ]);
  });

  it('turns TOML dates in defaults into ISO strings', () => {
    const text = `${PACKAGE}[env.SINCE]\ntype = "string"\ndefault = 2024-01-02\n`;
    expect(parseCapsuleManifest(text, FILES).manifest?.env[0]?.default).toBe('2024-01-02');
  });

  it('uses the file name it is given', () => {
    const [d] = parseCapsuleManifest('x = 1\n', FILES, 'capsule/Capsule.toml').diagnostics;
    expect(d?.file).toBe('capsule/Capsule.toml');
  });

  describe('messages', () => {
    const messages = (text: string) =>
      parseCapsuleManifest(text, FILES).diagnostics.map((d) => `${d.line}: ${d.message}`);

    it.each([
      [
        '[package]\nname = 3\nversion = "1"\n',
        '2: package.name must be a string, not a number (3), e.g. name = "my-capsule".',
      ],
      ['[package]\nname = "demo"\n', '1: [package] needs version, e.g. version = "0.1.0".'],
      [
        `${PACKAGE}[env]\nTOKEN = { type = "number" }\n`,
        '5: env.TOKEN.type must be "secret" or "string" ("number").',
      ],
      [
        `${PACKAGE}[[tool]]\nname = "t"\ndescription = "d"\ninput_schema = { type = "string" }\n`,
        '7: Tool "t" input_schema.type must be "object" ("string").',
      ],
      [
        `${PACKAGE}[capabilities]\nkv = ["a", 1]\n`,
        '5: capabilities.kv[1] must be a string, not a number (1).',
      ],
    ])('words a schema finding in TOML terms: %j', (text, expected) => {
      expect(messages(text)).toEqual([expected]);
    });

    it('names the capabilities astrid knows once, however many unknown ones there are', () => {
      expect(messages(`${PACKAGE}[capabilities]\nipc = ["x"]\nbus = ["y"]\n`)).toEqual([
        '5: capabilities.ipc is not known to astrid 0.1.1; it knows net, kv, fs_read, fs_write, host_process.',
        '6: capabilities.bus is not known to astrid 0.1.1.',
      ]);
    });

    it('lists findings in line order', () => {
      const text = `[package]\nname = "demo"\n[[tool]]\nname = "t"\n[capabilities]\nnet = "x"\n`;
      expect(messages(text).map((m) => m.split(':')[0])).toEqual(['1', '3', '6']);
    });
  });

  describe('positions', () => {
    const at = (text: string, rule: string) =>
      parseCapsuleManifest(text, FILES).diagnostics.find((d) => d.rule === rule);

    it('points at the key inside its table', () => {
      const text = `${PACKAGE}\n[component]\n# the module\nentrypoint = "missing.wasm"\n`;
      expect(at(text, 'capsule-component-missing')).toMatchObject({ line: 7, column: 1 });
    });

    it('points at the n-th [[tool]] entry', () => {
      const text = `${PACKAGE}[[tool]]\nname = "t"\ndescription = "d"\n\n[[tool]]\ndescription = "e"\nname = "t"\n`;
      expect(at(text, 'capsule-tool-duplicate')).toMatchObject({ line: 10 });
    });

    it('points at an inline [env] entry', () => {
      const text = `${PACKAGE}[env]\nOK = { type = "secret" }\nBAD = { type = "int" }\n`;
      expect(at(text, 'capsule-env-type')).toMatchObject({ line: 6 });
    });

    it('points at the [package] name line and falls back to line 1 without [package]', () => {
      expect(at('[package]\nname = 1\nversion = "1"\n', 'capsule-package-name')).toMatchObject({
        line: 2,
      });
      expect(at('[capabilities]\n', 'capsule-package-missing')).toMatchObject({ line: 1 });
    });
  });
});
