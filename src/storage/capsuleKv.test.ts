import { describe, expect, it } from 'vitest';
import { capsuleKvFormat } from './capsuleKv';
import { readRecord } from './readRecord';

describe("a capsule's key-value store record", () => {
  it('reads keys with their bytes', () => {
    const record = { version: 1, entries: [['count', new Uint8Array([50])]] };
    expect(readRecord(record, capsuleKvFormat)).toEqual({
      ok: true,
      value: record,
      migrated: false,
    });
  });

  it('refuses a record whose values are not bytes, and one from a newer playground', () => {
    expect(readRecord({ version: 1, entries: [['count', '2']] }, capsuleKvFormat).ok).toBe(false);
    expect(readRecord({ version: 2, entries: [] }, capsuleKvFormat)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('newer Skill Playground'),
    });
  });
});
