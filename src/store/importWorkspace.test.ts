import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { bundleDigest } from '../bundle';
import type { WorkspaceContents } from '../packaging';
import { MemoryTranspileCache } from '../runtime';
import { historyFile, RunHistory, type HistoryRun, type StoredInstance } from '../storage';
import { fakeWorkers } from '../test/fakeWorker';
import { importWorkspace } from './importWorkspace';
import { initialState, usePlayground } from './playgroundStore';
import { setServices } from './services';
import type { SkillEntry } from './types';
import { freshInstanceList } from '../storage';

// What an imported workspace file may claim, and what the import takes from the files instead.

const state = () => usePlayground.getState();
const files = new Map([['SKILL.md', new TextEncoder().encode('---\nname: notes\n---\nHi.\n')]]);

const contents = (): WorkspaceContents => ({
  exportedAt: '2026-05-01T10:00:00.000Z',
  secretsIncluded: false,
  skills: [
    {
      // A forged digest: the import must name the skill by the digest of its files.
      source: { kind: 'link', name: 'notes', sha256: 'f'.repeat(64) },
      rootName: 'notes',
      name: 'notes',
      description: '',
      files,
      instance: {
        name: 'default',
        config: [{ key: 'UNITS', value: 'metric', secret: false }],
        withheldSecrets: ['API_TOKEN'],
        grants: { read: true, write: true, hosts: ['evil.test'] },
      },
      history: [{ tool: 'render', status: 'ok', output: 'done', stdout: '', stderr: '' }],
    },
  ],
});

describe('importing a workspace file', () => {
  let db = 0;
  let saved: Array<[string, StoredInstance]>;
  beforeEach(() => {
    usePlayground.setState(initialState(), true);
    saved = [];
    setServices({
      createWorker: fakeWorkers().create,
      transpileCache: new MemoryTranspileCache(),
      readInstance: async () => ({ value: { version: 1, name: 'default', config: [] } }),
      readInstanceList: async () => ({ value: freshInstanceList() }),
      saveInstance: async (key, instance) => void saved.push([key, instance]),
      readWorkspace: async () => ({ value: new Map() }),
      saveWorkspace: async () => {},
      saveSkill: async () => {},
      readFileEdits: async () => ({ value: new Map() }),
      saveFileEdits: async () => {},
      storageUse: async () => undefined,
      removeSkill: async () => {},
      tellOtherTabs: () => {},
      history: RunHistory.named(`import-history-${++db}`),
    });
  });

  const existing = (): SkillEntry => ({
    key: 'local:mine',
    source: { kind: 'folder', name: 'mine', path: '' },
    name: 'mine',
    description: '',
    stored: true,
    needsConsent: false,
    status: 'listed',
  });

  it('merges beside what is here, or replaces it, saying how many were removed', async () => {
    usePlayground.setState({ skills: [existing()] });
    const merged = await importWorkspace(contents(), { mode: 'merge', grants: false });
    expect(merged.removed).toBe(0);
    expect(state().skills.map((s) => s.name)).toEqual(['mine', 'notes']);

    usePlayground.setState({ skills: [existing()] });
    const replaced = await importWorkspace(contents(), { mode: 'replace', grants: false });
    expect(replaced.removed).toBe(1);
    expect(state().skills.map((s) => s.name)).toEqual(['notes']);
  });

  it('keys a skill by the digest of its files, not the one the file claims', async () => {
    const summary = await importWorkspace(contents(), { mode: 'merge', grants: false });
    const key = `link:${await bundleDigest(files)}#notes`;
    expect(state().skills.map((s) => s.key)).toEqual([key]);
    expect(summary).toMatchObject({
      skills: ['notes'],
      runs: 1,
      withheldSecrets: ['notes: API_TOKEN'],
    });
    expect(state().runs[key]?.render).toMatchObject({
      status: 'ok',
      output: 'done',
      toolName: 'render',
    });
  });

  it('brings the kept History in, under the key the skill is imported as', async () => {
    const kept: HistoryRun[] = [1, 2, 3].map((n) => ({
      version: 1,
      id: `run-${n}`,
      skillKey: 'somewhere-else',
      instance: 'default',
      tool: 'render',
      arguments: { n },
      status: 'ok',
      output: `out ${n}`,
      stdout: '',
      stderr: '',
      startedAt: 1_000 * n,
      endedAt: 1_000 * n + 5,
      pinned: n === 1,
    }));
    const withHistory = contents();
    withHistory.skills[0]!.keptHistory = JSON.stringify(historyFile('notes', kept));
    const summary = await importWorkspace(withHistory, { mode: 'merge', grants: false });
    const key = `link:${await bundleDigest(files)}#notes`;
    expect(summary.runs).toBe(3);
    const history = RunHistory.named(`import-history-${db}`);
    const { runs } = await history.list(key);
    expect(runs.map((run) => [run.id, run.pinned])).toEqual([
      ['run-3', false],
      ['run-2', false],
      ['run-1', true],
    ]);
  });

  it("adds the skill's other named instances beside its chosen one, with their own settings", async () => {
    const lists: Array<[string, string[]]> = [];
    const workspaces: Array<[string, string, string[]]> = [];
    setServices({
      saveInstanceList: async (key, list) => void lists.push([key, list.names]),
      saveWorkspace: async (key, files, name = 'default') =>
        void workspaces.push([key, name, [...files.keys()]]),
    });
    const withOthers = contents();
    withOthers.skills[0]!.otherInstances = [
      {
        name: 'staging',
        config: [{ key: 'UNITS', value: 'imperial', secret: false }],
        withheldSecrets: ['API_TOKEN'],
        timeoutMs: 9000,
        workspace: new Map([['out/staged.txt', new TextEncoder().encode('staged')]]),
      },
      // A name this playground refuses (":" separates storage keys) is skipped.
      { name: 'bad:name', config: [], withheldSecrets: [] },
    ];
    const summary = await importWorkspace(withOthers, { mode: 'merge', grants: false });
    const key = `link:${await bundleDigest(files)}#notes`;
    expect(summary.instances).toBe(2);
    expect(summary.withheldSecrets).toEqual(['notes: API_TOKEN', 'notes (staging): API_TOKEN']);
    const staging = saved.find(([, instance]) => instance.name === 'staging');
    expect(staging).toEqual([
      key,
      {
        version: 1,
        name: 'staging',
        config: [{ key: 'UNITS', value: 'imperial', secret: false }],
        timeoutMs: 9000,
      },
    ]);
    expect(lists).toEqual([[key, ['default', 'staging']]]);
    // Its /workspace goes to it, not to the chosen instance.
    expect(workspaces).toEqual([[key, 'staging', ['out/staged.txt']]]);
    expect(summary.workspaceFiles).toBe(1);
    expect(state().instanceLists[key]?.names).toEqual(['default', 'staging']);
  });

  it('restores grants only when asked', async () => {
    await importWorkspace(contents(), { mode: 'merge', grants: false });
    expect(saved.at(-1)![1].grants).toBeUndefined();
    expect(saved.at(-1)![1].config).toEqual([{ key: 'UNITS', value: 'metric', secret: false }]);
    await importWorkspace(contents(), { mode: 'merge', grants: true });
    expect(saved.at(-1)![1].grants).toEqual({ read: true, write: true, hosts: ['evil.test'] });
  });
});
