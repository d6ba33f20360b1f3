import { describe, expect, it } from 'vitest';
import { commandTools } from './commandTools';

const enc = new TextEncoder();
const files = (entries: Record<string, string>) =>
  new Map(Object.entries(entries).map(([p, t]) => [p, enc.encode(t)]));

describe('commandTools', () => {
  it('gives a command with no manifest one run tool whose form is a JSON editor', () => {
    const { tools, diagnostics } = commandTools(files({ 'skill.wasm': '' }), null);
    expect(diagnostics).toEqual([]);
    expect(tools).toMatchObject([
      { name: 'run', origin: 'default', call: { kind: 'command', stdinField: 'input' } },
    ]);
    expect(tools[0]!.schema.properties.input).toMatchObject({
      contentMediaType: 'application/json',
    });
  });

  it('reads the sidecar manifest: schema, protocol, entry and limits', () => {
    const sidecar = JSON.stringify({
      version: 1,
      tools: [
        {
          name: 'count',
          description: 'Count',
          inputSchema: {
            type: 'object',
            properties: { text: { type: 'string' } },
            required: ['text'],
          },
          protocol: 'line-text',
          entry: 'bin/count.wasm',
          limits: { timeoutMs: 2000, maxOutputBytes: -1 },
        },
      ],
    });
    const { tools } = commandTools(
      files({ 'skill-tools.json': sidecar, 'bin/count.wasm': '' }),
      null,
    );
    expect(tools).toEqual([
      {
        name: 'count',
        description: 'Count',
        schema: { type: 'object', properties: { text: { type: 'string' } }, required: ['text'] },
        call: { kind: 'command', protocol: 'line-text', entry: 'bin/count.wasm' },
        limits: { timeoutMs: 2000 },
        origin: 'sidecar',
      },
    ]);
  });

  it('says what is wrong with a sidecar manifest and falls back', () => {
    const bad = commandTools(
      files({ 'skill-tools.json': '{"version":1,"tools":[{"name":"x","protocol":"grpc"}]}' }),
      null,
    );
    expect(bad.diagnostics[0]!.message).toContain('protocol must be json-stdio or line-text');
    expect(bad.tools.map((t) => t.name)).toEqual(['run']);
    const notJson = commandTools(files({ 'skill-tools.json': '{' }), null);
    expect(notJson.diagnostics[0]!.rule).toBe('sidecar-json');
  });

  it('turns OpenSkills wasm actions into tools with their required and optional inputs', () => {
    const actions = [
      {
        id: 'init',
        description: 'Create',
        target: { type: 'wasm', path: 'wasm/skill.wasm' },
        input: { required: ['name'], optional: ['dir'] },
      },
      { id: 'lint', target: { type: 'script', path: 'scripts/lint.sh' } },
    ];
    const { tools, diagnostics } = commandTools(files({ 'wasm/skill.wasm': '' }), { actions });
    expect(tools).toMatchObject([
      {
        name: 'init',
        schema: {
          properties: { name: { type: 'string' }, dir: { type: 'string' } },
          required: ['name'],
          additionalProperties: false,
        },
        call: { kind: 'command', protocol: 'json-stdio', entry: 'wasm/skill.wasm' },
        origin: 'openskills-actions',
      },
    ]);
    expect(diagnostics).toMatchObject([
      { severity: 'info', message: expect.stringContaining('only wasm actions run') },
    ]);
  });
});
