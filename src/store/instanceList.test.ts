import { beforeEach, describe, expect, it } from 'vitest';
import { freshInstanceList, type StoredInstance, type StoredInstanceList } from '../storage';
import type { FileMap } from '../vfs';
import { activeInstanceName, editConfig, ensureInstance, flushConfig } from './instances';
import {
  chooseInstance,
  createInstance,
  deleteInstance,
  duplicateInstance,
  followInstanceList,
  renameInstance,
} from './instanceList';
import { initialState, usePlayground } from './playgroundStore';
import { setServices } from './services';
import { ensureWorkspace } from './workspace';

const KEY = 'folder:text-tools';
const state = () => usePlayground.getState();
const entry = (key: string, value: string) => ({ key, value, secret: false });

describe('named instances of a skill', () => {
  // What IndexedDB would hold: instances and workspaces by "skill/instance", the list by skill.
  let instances: Map<string, StoredInstance>;
  let workspaces: Map<string, FileMap>;
  let lists: Map<string, StoredInstanceList>;

  beforeEach(() => {
    usePlayground.setState(initialState(), true);
    instances = new Map();
    workspaces = new Map();
    lists = new Map();
    setServices({
      readInstanceList: async (key) => ({ value: lists.get(key) ?? freshInstanceList() }),
      saveInstanceList: async (key, list) => void lists.set(key, list),
      readInstance: async (key, name = 'default') => ({
        value: instances.get(`${key}/${name}`) ?? { version: 1, name, config: [] },
      }),
      saveInstance: async (key, instance) =>
        void instances.set(`${key}/${instance.name}`, instance),
      readWorkspace: async (key, name = 'default') => ({
        value: workspaces.get(`${key}/${name}`) ?? new Map(),
      }),
      saveWorkspace: async (key, files, name = 'default') =>
        void workspaces.set(`${key}/${name}`, files),
      copyInstanceData: async (key, from, to) => {
        const settings = instances.get(`${key}/${from}`) ?? { version: 1, name: from, config: [] };
        instances.set(`${key}/${to}`, { ...settings, name: to });
        const files = workspaces.get(`${key}/${from}`);
        if (files) workspaces.set(`${key}/${to}`, files);
      },
      deleteInstanceData: async (key, name) => {
        instances.delete(`${key}/${name}`);
        workspaces.delete(`${key}/${name}`);
      },
      tellOtherTabs: () => {},
    });
  });

  it('starts with "default", which a skill stored before instances had names keeps', async () => {
    instances.set(`${KEY}/default`, {
      version: 1,
      name: 'default',
      config: [entry('greeting', 'Ahoy')],
    });
    expect((await ensureInstance(KEY)).config).toEqual([entry('greeting', 'Ahoy')]);
    expect(activeInstanceName(KEY)).toBe('default');
    expect(state().instanceLists[KEY]).toEqual(freshInstanceList());
  });

  it('keeps each instance its own configuration and /workspace, and remembers the chosen one', async () => {
    await ensureInstance(KEY);
    editConfig(KEY, [entry('greeting', 'Ahoy')]);
    await flushConfig(KEY);
    workspaces.set(`${KEY}/default`, new Map([['notes.txt', new Uint8Array([1])]]));

    expect(await createInstance(KEY, 'formal')).toEqual({ ok: true });
    expect(activeInstanceName(KEY)).toBe('formal');
    expect(state().instances[KEY]?.config).toEqual([]);
    expect((await ensureWorkspace(KEY)).size).toBe(0);
    editConfig(KEY, [entry('greeting', 'Good day')]);
    await flushConfig(KEY);

    await chooseInstance(KEY, 'default');
    expect(state().instances[KEY]?.config).toEqual([entry('greeting', 'Ahoy')]);
    expect([...(await ensureWorkspace(KEY)).keys()]).toEqual(['notes.txt']);
    expect(instances.get(`${KEY}/formal`)?.config).toEqual([entry('greeting', 'Good day')]);
    expect(lists.get(KEY)).toEqual({ version: 1, names: ['default', 'formal'], active: 'default' });
  });

  it('shows an edit at once and saves it only after the pause, or when flushed', async () => {
    await ensureInstance(KEY);
    editConfig(KEY, [entry('greeting', 'Yo')]);
    expect(state().instances[KEY]?.config).toEqual([entry('greeting', 'Yo')]);
    expect(instances.get(`${KEY}/default`)).toBeUndefined();
    await flushConfig(KEY);
    expect(instances.get(`${KEY}/default`)?.config).toEqual([entry('greeting', 'Yo')]);
  });

  it('duplicates, renames and deletes an instance with its records', async () => {
    await ensureInstance(KEY);
    editConfig(KEY, [entry('greeting', 'Hey')]);
    expect(await duplicateInstance(KEY, 'default', 'copy')).toEqual({ ok: true });
    expect(state().instances[KEY]?.config).toEqual([entry('greeting', 'Hey')]);

    expect(await renameInstance(KEY, 'copy', 'casual')).toEqual({ ok: true });
    expect(state().instanceLists[KEY]).toEqual({
      version: 1,
      names: ['default', 'casual'],
      active: 'casual',
    });
    expect(instances.has(`${KEY}/copy`)).toBe(false);
    expect(instances.get(`${KEY}/casual`)?.name).toBe('casual');

    expect(await deleteInstance(KEY, 'casual')).toEqual({ ok: true });
    expect(state().instanceLists[KEY]).toEqual(freshInstanceList());
    expect(instances.has(`${KEY}/casual`)).toBe(false);
  });

  it('refuses what would lose or confuse an instance, with a sentence', async () => {
    await ensureInstance(KEY);
    expect(await renameInstance(KEY, 'default', 'main')).toEqual({
      ok: false,
      message: 'The default instance keeps its name.',
    });
    expect(await deleteInstance(KEY, 'default')).toEqual({
      ok: false,
      message: 'The default instance cannot be deleted.',
    });
    expect(await createInstance(KEY, 'default')).toEqual({
      ok: false,
      message: 'There is an instance named default already.',
    });
    expect(await createInstance(KEY, 'a:b')).toMatchObject({ ok: false });
    expect(await createInstance(KEY, ' ')).toEqual({
      ok: false,
      message: 'Give the instance a name.',
    });
    expect(state().instanceLists[KEY]).toEqual(freshInstanceList());
  });

  it('follows another tab: takes its new names, keeps its own choice, and leaves an instance that went', async () => {
    const told: unknown[] = [];
    setServices({ tellOtherTabs: (message) => void told.push(message) });
    await createInstance(KEY, 'formal');
    expect(told).toContainEqual({ kind: 'instance-list-saved', skillKey: KEY });

    // The other tab made "casual" and chose it: this tab shows it and stays on "formal".
    lists.set(KEY, { version: 1, names: ['default', 'formal', 'casual'], active: 'casual' });
    await followInstanceList(KEY);
    expect(state().instanceLists[KEY]).toEqual({
      version: 1,
      names: ['default', 'formal', 'casual'],
      active: 'formal',
    });

    // Then it deleted "formal", which this tab was using, with an edit not saved yet.
    editConfig(KEY, [entry('greeting', 'unsaved')]);
    instances.delete(`${KEY}/formal`);
    lists.set(KEY, { version: 1, names: ['default', 'casual'], active: 'casual' });
    await followInstanceList(KEY);
    expect(activeInstanceName(KEY)).toBe('casual');
    expect(instances.has(`${KEY}/formal`)).toBe(false);
    expect(state().notices.at(-1)?.message).toBe(
      'Instance formal of folder:text-tools was renamed or deleted in another tab: this tab now uses casual.',
    );
  });
});
