import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { PickedFile } from '../bundle';
import { addPicked } from './importSkills';
import { editFile, revertFile } from './fileEdits';
import { initialState, usePlayground } from './playgroundStore';
import { setServices } from './services';
import { freshInstanceList } from '../storage';

const picked: PickedFile[] = [
  {
    path: 'tidy/SKILL.md',
    file: new Blob(['---\nname: tidy\ndescription: A test skill.\n---\nBody']),
  },
];
const text = (bytes: Uint8Array | undefined) => new TextDecoder().decode(bytes);
const skill = () => usePlayground.getState().skills[0]!;

describe('editing files', () => {
  let saved: Array<Map<string, Uint8Array>>;
  beforeEach(async () => {
    usePlayground.setState(initialState(), true);
    saved = [];
    setServices({
      createWorker: () => {
        throw new Error('no worker in this test');
      },
      readInstance: async () => ({ value: { version: 1, name: 'default', config: [] } }),
      readInstanceList: async () => ({ value: freshInstanceList() }),
      saveInstance: async () => {},
      saveSkill: async () => {},
      storageUse: async () => undefined,
      saveFileEdits: vi.fn(async (_key: string, files: Map<string, Uint8Array>) => {
        saved.push(new Map(files));
      }),
    });
    await addPicked(picked);
    saved = [];
  });

  it('re-reads SKILL.md with each edit, and saves the edits after a pause in typing', async () => {
    editFile(skill().key, 'SKILL.md', '---\nname: Tidy\ndescription: A test skill.\n---\nBody');
    expect(skill().analysis!.diagnostics.map((d) => d.rule)).toContain('name-lowercase');
    editFile(skill().key, 'SKILL.md', '---\nname: tidy\ndescription: Edited.\n---\nBody');
    expect(skill().analysis!.diagnostics.map((d) => d.rule)).not.toContain('name-lowercase');
    expect(skill().description).toBe('Edited.');
    expect(saved).toEqual([]);
    await vi.waitFor(() => expect(saved).toHaveLength(1));
    expect([...saved[0]!.keys()]).toEqual(['SKILL.md']);
    expect(text(saved[0]!.get('SKILL.md'))).toContain('Edited.');
  });

  it('forgets an edit on Revert, and when the text is typed back as it was', async () => {
    const original = text(skill().bundle!.files.get('SKILL.md'));
    editFile(skill().key, 'SKILL.md', original + '\nmore');
    expect(skill().originals?.has('SKILL.md')).toBe(true);
    revertFile(skill().key, 'SKILL.md');
    expect(text(skill().bundle!.files.get('SKILL.md'))).toBe(original);
    expect(skill().originals?.size).toBe(0);

    editFile(skill().key, 'SKILL.md', original + 'x');
    editFile(skill().key, 'SKILL.md', original);
    expect(skill().originals?.size).toBe(0);
    await vi.waitFor(() => expect(saved.at(-1)?.size).toBe(0));
  });
});
