import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { readCapsuleKv, saveCapsuleKv } from './capsuleKv';
import { copyInstanceData, deleteInstanceData } from './instanceData';

// A capsule's key-value store belongs to one instance of one skill, as its configuration does.

const SKILL = 'local:notes-capsule/';
const bytes = (text: string) => new TextEncoder().encode(text);
const text = (entries: Array<[string, Uint8Array]>) =>
  entries.map(([key, value]) => [key, new TextDecoder().decode(value)]);

describe("a capsule's key-value store, per instance", () => {
  it('keeps each instance its own store, and another skill of the same instance name none', async () => {
    await saveCapsuleKv(SKILL, [['count', bytes('2')]], 'default');
    await saveCapsuleKv(SKILL, [['count', bytes('7')]], 'staging');
    expect(text((await readCapsuleKv(SKILL, 'default')).value)).toEqual([['count', '2']]);
    expect(text((await readCapsuleKv(SKILL, 'staging')).value)).toEqual([['count', '7']]);
    expect((await readCapsuleKv('https://other.example/notes-capsule/', 'default')).value).toEqual(
      [],
    );
  });

  it('goes with a copy of its instance, and away with its deletion', async () => {
    await saveCapsuleKv(SKILL, [['count', bytes('3')]], 'work');
    await copyInstanceData(SKILL, 'work', 'work copy');
    expect(text((await readCapsuleKv(SKILL, 'work copy')).value)).toEqual([['count', '3']]);

    await deleteInstanceData(SKILL, 'work');
    expect((await readCapsuleKv(SKILL, 'work')).value).toEqual([]);
    expect(text((await readCapsuleKv(SKILL, 'work copy')).value)).toEqual([['count', '3']]);
  });
});
