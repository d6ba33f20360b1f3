import { beforeEach, describe, expect, it, vi } from 'vitest';
import { MemoryTranspileCache } from '../runtime';
import { fakeWorkers, finishOk, type FakeWorker } from '../test/fakeWorker';
import { initialState, usePlayground } from './playgroundStore';
import { removeSkill, undoRemoval } from './removal';
import { cancelRun, runTool } from './runs';
import { setServices } from './services';
import { addPicked } from './importSkills';
import { setDraft } from './toolForms';
import { openFile, setPaneCollapsed } from './workbench';
import { freshInstanceList } from '../storage';

// A command with two tools from its sidecar manifest (the fake worker never reads the wasm).
const tools = {
  version: 1,
  tools: ['first', 'second'].map((name) => ({
    name,
    inputSchema: { type: 'object', properties: { text: { type: 'string' } } },
  })),
};
const dropped = [
  { path: 'two/SKILL.md', file: new Blob(['---\nname: two\ndescription: Two tools.\n---\n']) },
  { path: 'two/skill-tools.json', file: new Blob([JSON.stringify(tools)]) },
  { path: 'two/skill.wasm', file: new Blob([new Uint8Array([0, 97, 115, 109, 13, 0, 1, 0])]) },
];
const COMMAND_INFO = {
  imports: [],
  exports: [['wasi:cli/run@0.2.0', 'instance']] as Array<[string, string]>,
  wrapped: false,
  stubbed: [],
};
const state = () => usePlayground.getState();

describe('the workbench in the store', () => {
  let workers: ReturnType<typeof fakeWorkers>;
  let stored: Map<string, unknown>;
  beforeEach(() => {
    usePlayground.setState(initialState(), true);
    workers = fakeWorkers();
    stored = new Map();
    setServices({
      createWorker: workers.create,
      transpileCache: new MemoryTranspileCache(),
      readInstance: async () => ({ value: { version: 1, name: 'default', config: [] } }),
      readInstanceList: async () => ({ value: freshInstanceList() }),
      saveInstance: async () => {},
      readWorkspace: async () => ({ value: new Map() }),
      saveWorkspace: async () => {},
      saveSkill: async (meta) => void stored.set(meta.key, meta),
      removeSkill: async (key) => void stored.delete(key),
      readSkillFiles: async () => ({ value: undefined }),
      readFileEdits: async () => ({ value: new Map() }),
      saveFileEdits: async () => {},
      storageUse: async () => undefined,
    });
  });

  async function worker(commands: number): Promise<FakeWorker> {
    await vi.waitFor(() => expect(workers.made[0]?.commands.length).toBe(commands));
    return workers.made[0]!;
  }

  async function openTwo(): Promise<{ key: string; worker: FakeWorker }> {
    const opening = addPicked(dropped);
    const probe = await worker(1);
    probe.emit({ kind: 'stage', runId: probe.lastRunId, stage: 'transpiling' });
    expect(state().skills[0]).toMatchObject({ status: 'loading', loadStage: 'transpiling' });
    probe.emit({ kind: 'stage', runId: probe.lastRunId, stage: 'compiling' });
    expect(state().skills[0]).toMatchObject({ status: 'loading', loadStage: 'compiling' });
    finishOk(probe, [], { info: COMMAND_INFO });
    await opening;
    const skill = state().skills[0]!;
    expect(skill.status).toBe('ready');
    return { key: skill.key, worker: probe };
  }

  it('says each stage of a load as the worker reaches it', async () => {
    const seen: unknown[] = [];
    const unsubscribe = usePlayground.subscribe((s) => {
      const skill = s.skills[0];
      if (skill?.status === 'loading' && seen.at(-1) !== skill.loadStage)
        seen.push(skill.loadStage);
    });
    await openTwo();
    unsubscribe();
    expect(seen).toEqual(['fetching', 'cache', 'transpiling', 'compiling']);
  });

  it("keeps each tool's own last run, and runs one tool of a skill at a time", async () => {
    const { key, worker: w } = await openTwo();
    const tool = (name: string) =>
      (state().skills[0] as { tools: Array<{ name: string }> }).tools.find((t) => t.name === name)!;
    setDraft(key, tool('first') as never, 'text', 'one');
    const first = runTool(key, 'first');
    await worker(2);
    // While the first runs, the second waits its turn rather than queue behind it.
    await runTool(key, 'second');
    expect(w.commands).toHaveLength(2);
    w.emit({ kind: 'output', runId: w.lastRunId, stream: 'stdout', text: 'from first' });
    finishOk(w, [], { exitCode: 0, workspace: new Map() });
    await first;

    const second = runTool(key, 'second');
    await worker(3);
    w.emit({ kind: 'output', runId: w.lastRunId, stream: 'stdout', text: 'from second' });
    finishOk(w, [], { exitCode: 0, workspace: new Map() });
    await second;
    expect(state().runs[key]?.first?.output).toBe('from first');
    expect(state().runs[key]?.second?.output).toBe('from second');
    expect(state().runs[key]?.first?.timeoutMs).toBe(10_000);
  });

  it('announces a cancelled run assertively', async () => {
    const { key } = await openTwo();
    const running = runTool(key, 'first');
    await worker(2);
    cancelRun(key);
    await running;
    expect(state().runs[key]?.first?.status).toBe('cancelled');
    expect(state().announcement).toEqual({
      id: state().runs[key]!.first!.runId,
      tone: 'assertive',
      text: 'first was cancelled.',
    });
  });

  it('takes a removed skill back, in its place and stored again, when asked in time', async () => {
    const { key } = await openTwo();
    await vi.waitFor(() => expect(stored.has(key)).toBe(true));
    await removeSkill(key);
    expect(state().skills.map((s) => s.key)).not.toContain(key);
    expect(stored.has(key)).toBe(false);
    expect(state().removal?.entry.key).toBe(key);

    await undoRemoval();
    expect(state().skills[0]?.key).toBe(key);
    expect(state().removal).toBeUndefined();
    expect(stored.has(key)).toBe(true);
    expect(state().selectedKey).toBe(key);
  });

  it('lets the time to undo a removal run out', async () => {
    vi.useFakeTimers();
    try {
      usePlayground.setState({
        skills: [
          {
            key: 'folder:gone',
            source: { kind: 'folder', name: 'gone', path: '' },
            name: 'gone',
            description: '',
            status: 'listed',
            stored: false,
            needsConsent: false,
          },
        ],
      });
      await removeSkill('folder:gone');
      expect(state().removal).toBeDefined();
      vi.advanceTimersByTime(10_000);
      expect(state().removal).toBeUndefined();
      await undoRemoval();
      expect(state().skills).toEqual([]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('never collapses both of a skill’s panes, and opening a file shows the Files pane', () => {
    setPaneCollapsed('run', true);
    setPaneCollapsed('files', true);
    expect(state().prefs.collapsed).toMatchObject({ files: true, run: false });
    openFile('folder:x', 'SKILL.md', { line: 3 });
    expect(state().prefs.collapsed.files).toBe(false);
    expect(state().openFiles['folder:x']).toMatchObject({
      path: 'SKILL.md',
      mode: 'edit',
      line: 3,
    });
    expect(state().phoneTab).toBe('files');
  });
});
