import { describe, expect, it, vi } from 'vitest';
import { MemoryTranspileCache, RuntimeHost } from '../runtime';
import { fakeWorkers, finishOk, type FakeWorker } from '../test/fakeWorker';
import { callTool, type CallToolOptions } from './callTool';
import { schemaFromSkillParameters } from './skillEngineTools';
import type { Tool } from './tool';

const component = { id: 'c0ffee', name: 'demo', bytes: new Uint8Array([0, 97, 115, 109]) };
const options: CallToolOptions = {
  component,
  files: new Map(),
  env: [['greeting', 'Hi']],
  timeoutMs: 1000,
  maxOutputBytes: 1024,
};

function setUp() {
  const workers = fakeWorkers();
  const host = new RuntimeHost(workers.create, new MemoryTranspileCache());
  /** The worker, once the host has sent it the run. */
  const sent = async (): Promise<FakeWorker> => {
    await vi.waitFor(() => expect(workers.made.at(-1)?.commands.length).toBeGreaterThan(0));
    return workers.made.at(-1)!;
  };
  return { host, sent };
}

const skillEngineTool: Tool = {
  name: 'greet',
  description: '',
  schema: schemaFromSkillParameters([
    { name: 'name', paramType: 'string', description: '', required: true },
    { name: 'times', paramType: 'number', description: '', required: false },
  ]),
  call: { kind: 'skill-engine' },
  origin: 'get-tools',
};

describe('callTool', () => {
  it('calls a skill-engine tool with every argument as a string and reads its ok result', async () => {
    const { host, sent } = setUp();
    const run = callTool(host, skillEngineTool, { value: { name: 'Ada', times: 2 } }, options);
    const worker = await sent();
    expect(worker.lastCommand.calls).toEqual([
      { exportName: 'execute-tool', args: ['greet', '{"name":"Ada","times":"2"}'] },
    ]);
    finishOk(worker, ['{"ok":{"success":true,"output":"Hello, Ada","errorMessage":null}}']);
    await expect(run).resolves.toMatchObject({ status: 'ok', output: 'Hello, Ada' });
  });

  it('a tool that fails after a request was refused fails with PermissionDenied, naming the host', async () => {
    const { host, sent } = setUp();
    const run = callTool(host, skillEngineTool, { value: { name: 'x' } }, options);
    const worker = await sent();
    const network = { requests: 0, denied: ['api.example.com'] };
    finishOk(
      worker,
      ['{"ok":{"success":false,"output":"","errorMessage":"HTTP-request-denied"}}'],
      {
        network,
      },
    );
    const outcome = await run;
    expect(outcome).toMatchObject({ status: 'error', errorCode: 'PermissionDenied', network });
    expect(outcome.errorMessage).toBe(
      "The component was refused network access to api.example.com, which the instance's allowed hosts do not include, and then failed (HTTP-request-denied).",
    );
    // Without a refusal, the tool's own failure is what it was.
    const plain = callTool(host, skillEngineTool, { value: { name: 'x' } }, options);
    await vi.waitFor(() => expect(worker.commands).toHaveLength(2));
    finishOk(worker, ['{"ok":{"success":false,"output":"","errorMessage":"no"}}']);
    await expect(plain).resolves.toMatchObject({ errorCode: 'ToolFailed', errorMessage: 'no' });
  });

  it('sends the grants and gives them back with the outcome, for its audit record', async () => {
    const { host, sent } = setUp();
    const grants = { read: true, write: false, hosts: ['api.example.com'] };
    const run = callTool(host, skillEngineTool, { value: { name: 'x' } }, { ...options, grants });
    const worker = await sent();
    expect(worker.lastCommand.grants).toEqual(grants);
    finishOk(worker, ['{"ok":{"success":true,"output":"ok"}}']);
    await expect(run).resolves.toMatchObject({ status: 'ok', grants });
    // Without grants a run reads and writes its own files and has no network.
    const plain = callTool(host, skillEngineTool, { value: { name: 'x' } }, options);
    await vi.waitFor(() => expect(worker.commands).toHaveLength(2));
    finishOk(worker, ['{"ok":{"success":true,"output":"ok"}}']);
    await expect(plain).resolves.toMatchObject({
      grants: { read: true, write: true, hosts: [] },
    });
  });

  it('gives a skill-engine err as the tool failing, with its message', async () => {
    const { host, sent } = setUp();
    const run = callTool(host, skillEngineTool, { value: { name: 'x' } }, options);
    finishOk(await sent(), ['{"err":"no such user"}']);
    await expect(run).resolves.toMatchObject({
      status: 'error',
      errorCode: 'ToolFailed',
      errorMessage: 'no such user',
    });
  });

  it("prints a WIT function's value in WAVE and asks for a result as a value", async () => {
    const { host, sent } = setUp();
    const tool: Tool = {
      name: 'checked-div',
      description: '',
      schema: { type: 'object', properties: {}, required: [] },
      call: {
        kind: 'wit',
        exportName: 'checked-div',
        func: {
          params: [],
          result: { kind: 'result', ok: { kind: 'u32' }, err: { kind: 'string' } },
          async: false,
        },
      },
      origin: 'wit',
    };
    const run = callTool(host, tool, { value: {}, args: [7, 0] }, options);
    const worker = await sent();
    expect(worker.lastCommand.calls).toEqual([
      { exportName: 'checked-div', args: [7, 0], returnsResult: true },
    ]);
    finishOk(worker, [{ tag: 'err', val: 'division by zero' }]);
    await expect(run).resolves.toMatchObject({
      status: 'ok',
      output: 'err("division by zero")',
      outputFormat: 'wave',
    });
  });

  it('runs a command with its input on stdin and in SKILL_INPUT, and reads stdout', async () => {
    const { host, sent } = setUp();
    const tool: Tool = {
      name: 'run',
      description: '',
      schema: { type: 'object', properties: {}, required: [] },
      call: { kind: 'command', protocol: 'json-stdio' },
      origin: 'default',
    };
    const run = callTool(host, tool, { value: { n: 1 } }, options);
    const worker = await sent();
    const command = worker.lastCommand;
    expect(new TextDecoder().decode(command.stdin)).toBe('{"n":1}');
    expect(command.env).toContainEqual(['SKILL_INPUT', '{"n":1}']);
    expect(command.env).toContainEqual(['greeting', 'Hi']);
    worker.emit({ kind: 'output', runId: command.runId, stream: 'stdout', text: '{ "sum": 3 }\n' });
    worker.emit({ kind: 'output', runId: command.runId, stream: 'stderr', text: 'warn\n' });
    finishOk(worker, [], { exitCode: 2 });
    await expect(run).resolves.toMatchObject({
      status: 'error',
      errorCode: 'ExecutionFailure',
      errorMessage: 'The command exited with status 2.',
      output: '{"sum":3}',
      exitCode: 2,
      stdout: '{ "sum": 3 }\n',
      stderr: 'warn\n',
    });
  });

  it("passes the worker's failure through with its code", async () => {
    const { host, sent } = setUp();
    const run = callTool(host, skillEngineTool, { value: { name: 'x' } }, options);
    const worker = await sent();
    worker.emit({
      kind: 'finished',
      runId: worker.lastRunId,
      outcome: { ok: false, error: { code: 'MemoryLimit', message: 'grew past 1 MiB' } },
      timings: { wrapMs: 0, transpileMs: 0, compileMs: 0, instantiateMs: 0, callMs: 0 },
    });
    await expect(run).resolves.toMatchObject({
      status: 'error',
      errorCode: 'MemoryLimit',
      errorMessage: 'grew past 1 MiB',
    });
  });

  it('keeps how long a run the host stopped had run', async () => {
    const { host, sent } = setUp();
    const run = callTool(host, skillEngineTool, { value: { name: 'x' } }, options);
    const worker = await sent();
    worker.emit({ kind: 'stage', runId: worker.lastRunId, stage: 'instantiating' });
    host.cancel();
    const outcome = await run;
    expect(outcome).toMatchObject({ status: 'cancelled', errorCode: 'Cancelled' });
    expect(outcome.stoppedAfterMs).toBeGreaterThanOrEqual(0);
  });

  it('never throws: a command naming wasm the skill does not hold is a failed outcome', async () => {
    const { host } = setUp();
    const tool: Tool = {
      name: 'other',
      description: '',
      schema: { type: 'object', properties: {}, required: [] },
      call: { kind: 'command', protocol: 'line-text', entry: 'bin/missing.wasm' },
      origin: 'sidecar',
    };
    await expect(callTool(host, tool, { value: {} }, options)).resolves.toMatchObject({
      status: 'error',
      errorCode: 'ExecutionFailure',
      errorMessage: 'bin/missing.wasm is not a file of this skill.',
    });
  });
  it("calls a capsule tool's astrid_tool_call with astrid's request, config and store, and decodes a string", async () => {
    const { host, sent } = setUp();
    const plugin = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]);
    const tool: Tool = {
      name: 'greet',
      description: '',
      schema: { type: 'object', properties: {}, required: [] },
      call: { kind: 'capsule', entry: 'bin/notes.wasm', toolName: 'greet' },
      origin: 'capsule',
    };
    const kv: Array<[string, Uint8Array]> = [['count', new TextEncoder().encode('2')]];
    const run = callTool(
      host,
      tool,
      { value: { who: 'Ada' } },
      {
        ...options,
        config: [['owner', 'Ada']],
        files: new Map([['bin/notes.wasm', plugin]]),
        filesystem: {
          skillId: 'b1',
          skillFiles: new Map([['Capsule.toml', plugin]]),
          workspace: new Map(),
        },
        capsule: { env: [{ key: 'owner', type: 'string' }], kv },
      },
    );
    const worker = await sent();
    const command = worker.lastCommand;
    expect(command.calls).toEqual([
      {
        exportName: 'astrid_tool_call',
        args: [
          JSON.stringify({
            name: 'greet',
            arguments: [...new TextEncoder().encode('{"who":"Ada"}')],
          }),
        ],
      },
    ]);
    expect(command.plugin).toEqual({ config: [['owner', '"Ada"']], kv });
    // The plugin reads /workspace only: the bundle is not sent.
    expect(command.filesystem?.skill.files).toEqual(new Map());
    const refused = [{ function: 'astrid_log', reason: 'denied' as const, detail: 'x' }];
    finishOk(worker, [new TextEncoder().encode('"Hello, Ada"')], {
      kv: [['count', new TextEncoder().encode('3')]],
      refused,
    });
    await expect(run).resolves.toMatchObject({
      status: 'ok',
      output: 'Hello, Ada',
      rawOutput: '"Hello, Ada"',
      kv: [['count', new TextEncoder().encode('3')]],
      refused,
    });
  });
});
