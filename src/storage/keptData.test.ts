import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { saveCapsuleKv } from './capsuleKv';
import { saveInstance } from './instanceConfig';
import { saveInstanceList } from './instanceList';
import { eraseEverything, forgetSkills, keptForUnlisted } from './keptData';
import { RememberedInputs } from './rememberedInputs';
import { RunHistory } from './runHistory';
import { readWorkspace, saveWorkspace } from './workspaceFiles';

// Skill keys hold ":" and "#" (a URL, a digest): each store's key is read back to its skill.
const GONE = 'https://skills.example/a:b/measure-kit.zip#measure-kit';
const KEPT = 'local:notes';

async function keepSomething(skill: string) {
  await saveInstance(skill, { version: 1, name: 'default', config: [] });
  await saveInstanceList(skill, { version: 1, names: ['default', 'staging'], active: 'default' });
  await saveInstance(skill, { version: 1, name: 'staging', config: [] });
  await saveWorkspace(skill, new Map([['a.txt', new Uint8Array([1])]]), 'staging');
  await saveCapsuleKv(skill, [['n', new Uint8Array([2])]], 'default');
  await new RememberedInputs().saveDrafts(skill, 'default', 'greet', { name: 'Ada' });
  await new RememberedInputs().saveView(skill, { tool: 'greet' });
  await new RunHistory().add(
    {
      version: 1,
      id: `run-${skill.length}`,
      skillKey: skill,
      instance: 'default',
      tool: 'greet',
      arguments: {},
      status: 'ok',
      output: 'hi',
      stdout: '',
      stderr: '',
      startedAt: 1,
      endedAt: 2,
      pinned: false,
    },
    { maxRuns: 10, maxBytes: 1e6 },
  );
}

describe('what this browser keeps for each skill', () => {
  it('finds what is kept for skills no longer listed, and forgets it without touching the others', async () => {
    await keepSomething(GONE);
    await keepSomething(KEPT);
    await new RunHistory().saveMaxRuns(50);

    const unlisted = await keptForUnlisted(new Set([KEPT]));
    // Two instances and the list, a /workspace, a store, a form and a view, a run and its summary.
    expect([...unlisted]).toEqual([[GONE, 9]]);

    expect(await forgetSkills(new Set(unlisted.keys()))).toBe(9);
    expect(await keptForUnlisted(new Set([KEPT]))).toEqual(new Map());
    expect((await keptForUnlisted(new Set())).get(KEPT)).toBe(9);
    expect((await readWorkspace(KEPT, 'staging')).value.size).toBe(1);
    expect(await new RunHistory().readMaxRuns()).toBe(50);
  });

  afterEach(() => vi.unstubAllGlobals());

  it('erases everything, settings included', async () => {
    await keepSomething(KEPT);
    const items = new Map([
      ['skill-playground:settings', '{}'],
      ['someone-else', 'kept'],
    ]);
    vi.stubGlobal('localStorage', { removeItem: (key: string) => items.delete(key) });
    await eraseEverything();
    expect(await keptForUnlisted(new Set())).toEqual(new Map());
    expect([...items.keys()]).toEqual(['someone-else']);
  });
});
