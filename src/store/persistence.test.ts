import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { PickedFile } from '../bundle';
import { addPicked } from './importSkills';
import { initialState, usePlayground } from './playgroundStore';
import { getServices, setServices } from './services';
import { freshInstanceList } from '../storage';

const skillFolder = (name: string): PickedFile[] => [
  {
    path: `${name}/SKILL.md`,
    file: new Blob([`---\nname: ${name}\ndescription: A test skill.\n---\nBody`]),
  },
];

function fakeServices(saveSkill: () => Promise<void>) {
  setServices({
    createWorker: () => {
      throw new Error('no worker in this test');
    },
    readInstance: async () => ({ value: { version: 1, name: 'default', config: [] } }),
    readInstanceList: async () => ({ value: freshInstanceList() }),
    saveInstance: async () => {},
    saveSkill: vi.fn(saveSkill),
    readFileEdits: async () => ({ value: new Map() }),
    storageUse: async () => undefined,
  });
}

describe('keeping dropped skills', () => {
  beforeEach(() => usePlayground.setState(initialState(), true));

  it('marks a skill stored once IndexedDB has it', async () => {
    fakeServices(async () => {});
    await addPicked(skillFolder('kept'));
    await vi.waitFor(() => expect(usePlayground.getState().skills[0]?.stored).toBe(true));
    expect(usePlayground.getState().notices.map((n) => [n.tone, n.message])).toEqual([
      ['info', '1 skill found in kept.'],
    ]);
  });

  it("keeps a dropped skill from the drop's own files, which the page does not read", async () => {
    fakeServices(async () => {});
    const picked = skillFolder('kept');
    await addPicked(picked);
    const save = vi.mocked(getServices().saveSkill);
    await vi.waitFor(() => expect(save).toHaveBeenCalledTimes(1));
    const [meta, files] = save.mock.calls[0]!;
    expect(files.get('SKILL.md')).toBe(picked[0]!.file);
    expect(meta.bytes).toBe(picked[0]!.file.size);
  });

  it('says when the disk is full, and keeps the skill open for the page', async () => {
    fakeServices(async () => {
      throw new DOMException('quota', 'QuotaExceededError');
    });
    await addPicked(skillFolder('too-big'));
    await vi.waitFor(() => expect(usePlayground.getState().notices).toHaveLength(2));
    const state = usePlayground.getState();
    expect(state.notices[1]!.message).toContain(
      'The browser storage is full: too-big is open for this page only',
    );
    expect(state.skills.map((s) => [s.name, s.stored ?? false])).toEqual([['too-big', false]]);
    expect(state.selectedKey).toBe('local:too-big');
  });
});
