import { beforeEach, describe, expect, it, vi } from 'vitest';
import { MemoryTranspileCache } from '../runtime';
import { fakeWorkers, finishOk, type FakeWorker } from '../test/fakeWorker';
import { notify } from './notices';
import { openSkill } from './openSkill';
import { initialState, usePlayground } from './playgroundStore';
import { editFile } from './fileEdits';
import { runTool } from './runs';
import { setServices } from './services';
import { addPicked } from './importSkills';
import type { SkillEntry } from './types';
import { freshInstanceList } from '../storage';

// A command skill, dropped: SKILL.md and a skill.wasm (the fake worker never reads its bytes).
const dropped = [
  {
    path: 'echo/SKILL.md',
    file: new Blob(['---\nname: echo\ndescription: Says it back.\n---\nBody']),
  },
  { path: 'echo/skill.wasm', file: new Blob([new Uint8Array([0, 97, 115, 109, 13, 0, 1, 0])]) },
];
const state = () => usePlayground.getState();

// An astrid capsule, dropped: Capsule.toml and its plugin (a core module's header).
const capsule = [
  {
    path: 'notes/Capsule.toml',
    file: new Blob([
      [
        '[package]\nname = "notes"\nversion = "0.1.0"',
        '[component]\nentrypoint = "notes.wasm"',
        '[env.owner]\ntype = "string"\ndefault = "nobody"',
        '[[tool]]\nname = "count"\ndescription = "Counts."',
      ].join('\n'),
    ]),
  },
  { path: 'notes/notes.wasm', file: new Blob([new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0])]) },
];
const text = (value: string) => new TextEncoder().encode(value);

describe('the run path of the store', () => {
  let workers: ReturnType<typeof fakeWorkers>;
  let kept: Array<[string, Uint8Array]> = [];
  beforeEach(() => {
    kept = [['count', text('1')]];
    usePlayground.setState(initialState(), true);
    workers = fakeWorkers();
    setServices({
      createWorker: workers.create,
      transpileCache: new MemoryTranspileCache(),
      readInstance: async () => ({ value: { version: 1, name: 'default', config: [] } }),
      readInstanceList: async () => ({ value: freshInstanceList() }),
      saveInstance: async () => {},
      readWorkspace: async () => ({ value: new Map() }),
      saveWorkspace: async () => {},
      readCapsuleKv: async () => ({ value: kept }),
      saveCapsuleKv: async (_key, entries) => {
        kept = entries;
      },
      saveSkill: async () => {},
      readFileEdits: async () => ({ value: new Map() }),
      saveFileEdits: async () => {},
      storageUse: async () => undefined,
    });
  });

  async function nextCommand(count: number): Promise<FakeWorker> {
    await vi.waitFor(() => expect(workers.made[0]?.commands.length).toBe(count), {
      timeout: 10_000,
    });
    return workers.made[0]!;
  }

  it('opens a dropped command, lists its run tool, and shows a run from click to outcome', async () => {
    const opening = addPicked(dropped);
    const worker = await nextCommand(1);
    // The probe: loaded, nothing called; the exports say it is a command.
    expect(worker.lastCommand.calls).toEqual([]);
    finishOk(worker, [], {
      info: {
        imports: [],
        exports: [['wasi:cli/run@0.2.0', 'instance']],
        wrapped: false,
        stubbed: [],
      },
    });
    await opening;
    const skill = state().skills[0]!;
    expect(skill.status).toBe('ready');
    expect(state().selectedTool[skill.key]).toBe('run');

    const running = runTool(skill.key, 'run');
    await nextCommand(2);
    expect(state().runs[skill.key]?.run?.status).toBe('running');
    worker.emit({ kind: 'output', runId: worker.lastRunId, stream: 'stdout', text: '"hi"' });
    finishOk(worker, [], { exitCode: 0, workspace: new Map() });
    await running;
    expect(state().runs[skill.key]?.run).toMatchObject({
      status: 'ok',
      output: '"hi"',
      stdout: '"hi"',
      exitCode: 0,
    });
    await vi.waitFor(() => expect(state().runs[skill.key]?.run?.audit?.tool).toBe('run'), {
      timeout: 10_000,
    });
    expect(state().announcement).toMatchObject({
      tone: 'polite',
      text: expect.stringMatching(/^run finished in /),
    });
  });

  it("opens a capsule's tools from Capsule.toml, runs one with its store and keeps what changed; its tools follow an edit", async () => {
    const opening = addPicked(capsule);
    const worker = await nextCommand(1);
    // The probe loads the plugin and runs nothing of it.
    expect(worker.lastCommand).toMatchObject({ calls: [], plugin: { config: [], kv: [] } });
    finishOk(worker, [], {
      info: {
        imports: [],
        exports: [['astrid_tool_call', 'function']],
        wrapped: false,
        stubbed: [],
      },
    });
    await opening;
    const skill = state().skills[0]!;
    expect(skill).toMatchObject({ status: 'ready', loaded: { kind: 'capsule' } });
    expect(state().selectedTool[skill.key]).toBe('count');

    const running = runTool(skill.key, 'count');
    await nextCommand(2);
    expect(worker.lastCommand.plugin).toEqual({
      config: [['owner', '"nobody"']],
      kv: [['count', text('1')]],
    });
    finishOk(worker, [text('2')], { kv: [['count', text('2')]], workspace: new Map() });
    await running;
    expect(state().runs[skill.key]?.count).toMatchObject({ status: 'ok', output: '2' });
    expect(kept).toEqual([['count', text('2')]]);

    // Its tools follow an edit of Capsule.toml.
    const manifest = new TextDecoder().decode(skill.bundle!.files.get('Capsule.toml'));
    editFile(skill.key, 'Capsule.toml', `${manifest}\n[[tool]]\nname = "reset"\ndescription = "."`);
    const tools = (state().skills[0] as Extract<SkillEntry, { status: 'ready' }>).tools;
    expect(tools.map((t) => t.name)).toEqual(['count', 'reset']);
  });

  it('a fresh store starts its counters over', async () => {
    notify('one');
    notify('two');
    expect(state().notices.map((n) => n.id)).toEqual([1, 2]);
    usePlayground.setState(initialState(), true);
    notify('again');
    expect(state().notices.map((n) => n.id)).toEqual([1]);
    expect(state().warmRevisions).toEqual({});
    expect(state().nextRunId).toBe(1);
  });

  it('opening a skill that is not listed does nothing', async () => {
    await openSkill('folder:nothing');
    expect(state().selectedKey).toBe('folder:nothing');
    expect(workers.made).toHaveLength(0);
  });
});
