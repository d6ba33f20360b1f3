import { beforeEach, describe, expect, it, vi } from 'vitest';
import { MemoryTranspileCache } from '../runtime';
import { encodeShareLink } from '../share';
import type { StoredInstance } from '../storage';
import { fakeWorkers } from '../test/fakeWorker';
import { acceptSharedLink, openShareLink } from './openLink';
import { initialState, usePlayground } from './playgroundStore';
import { setServices } from './services';
import { freshInstanceList } from '../storage';

// Opening a share link in the store: what it may change before the click (a listed skill and a
// banner), and what the click applies (configuration never over a secret, limits only in range,
// never grants).

const state = () => usePlayground.getState();
const SKILL_MD = '---\nname: notes\ndescription: Takes notes.\n---\nNote: $ARGUMENTS\n';

describe('opening a share link', () => {
  let workers: ReturnType<typeof fakeWorkers>;
  let saved: StoredInstance[];
  let skillsSaved: number;
  const mine: StoredInstance = {
    version: 1,
    name: 'default',
    config: [{ key: 'API_TOKEN', value: 'mine', secret: true }],
    grants: { read: true, write: false, hosts: [] },
  };

  beforeEach(() => {
    usePlayground.setState(initialState(), true);
    workers = fakeWorkers();
    saved = [];
    skillsSaved = 0;
    setServices({
      createWorker: workers.create,
      transpileCache: new MemoryTranspileCache(),
      readInstance: async () => ({ value: mine }),
      readInstanceList: async () => ({ value: freshInstanceList() }),
      saveInstance: async (_key, instance) => void saved.push(instance),
      readWorkspace: async () => ({ value: new Map() }),
      saveWorkspace: async () => {},
      saveSkill: async () => void (skillsSaved += 1),
      readFileEdits: async () => ({ value: new Map() }),
      saveFileEdits: async () => {},
      storageUse: async () => undefined,
      tellOtherTabs: () => {},
    });
  });

  const link = () =>
    encodeShareLink({
      skill: { from: 'inline', root: 'notes', files: { 'SKILL.md': SKILL_MD } },
      args: { arguments: 'buy milk' },
      config: [
        { key: 'UNITS', value: 'metric' },
        { key: 'API_TOKEN', value: 'theirs' },
      ],
      limits: { timeoutMs: 5000, maxMemoryBytes: 1 },
    });

  it('lists and selects the skill, and does nothing more before the click', async () => {
    await openShareLink(`#${await link()}`);
    const skill = state().skills[0]!;
    expect(skill.key).toMatch(/^link:[0-9a-f]{64}#notes$/);
    expect(skill.status).toBe('listed');
    expect(state().selectedKey).toBe(skill.key);
    expect(state().sharedLink?.link.args).toEqual({ arguments: 'buy milk' });
    expect(workers.made).toHaveLength(0);
    expect(saved).toHaveLength(0);
    expect(state().instructions).toEqual({});
  });

  it('applies configuration on the click, never over a secret, and limits only in range', async () => {
    await openShareLink(`#${await link()}`);
    const key = state().selectedKey!;
    await acceptSharedLink(true);
    const instance = saved.at(-1)!;
    expect(instance.config).toEqual([
      { key: 'API_TOKEN', value: 'mine', secret: true },
      { key: 'UNITS', value: 'metric', secret: false },
    ]);
    expect(instance.timeoutMs).toBe(5000);
    expect(instance.maxMemoryBytes).toBeUndefined();
    expect(instance.grants).toEqual(mine.grants);
    expect(state().instructions[key]?.rendered).toBe('Note: buy milk');
    const said = state().notices.map((n) => n.message);
    expect(said).toContainEqual(expect.stringContaining('a link never replaces a secret'));
    expect(said).toContainEqual(expect.stringContaining('maxMemoryBytes is out of range'));
    expect(state().sharedLink).toBeNull();
  });

  it('refuses a broken link with a sentence and changes nothing', async () => {
    await openShareLink('#v=1&s=@@@');
    await openShareLink(`#v=1&s=${(await link()).slice(6, 30)}`);
    expect(state().skills).toEqual([]);
    expect(state().selectedKey).toBeNull();
    expect(state().sharedLink).toBeNull();
    expect(state().notices).toHaveLength(2);
    await vi.waitFor(() => expect(skillsSaved).toBe(0));
  });
});
