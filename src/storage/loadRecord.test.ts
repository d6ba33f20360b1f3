import { describe, expect, it } from 'vitest';
import { fileEditsFormat } from './fileEdits';
import { loadRecord } from './readRecord';
import { workspaceFormat } from './workspaceFiles';

const files = [['notes.txt', new TextEncoder().encode('hello')]];

describe('loadRecord', () => {
  it('gives the record when it reads', async () => {
    const loaded = await loadRecord(async () => ({ version: 1, files }), workspaceFormat);
    expect(loaded).toEqual({ value: { version: 1, files } });
  });

  it('gives nothing, and no complaint, when nothing is stored', async () => {
    expect(await loadRecord(async () => undefined, workspaceFormat)).toEqual({ value: undefined });
  });

  it('says why when the record is refused', async () => {
    const loaded = await loadRecord(async () => ({ version: 1, files: 'notes' }), fileEditsFormat);
    expect(loaded).toEqual({
      value: undefined,
      unreadable: 'The record (version 1) does not have the fields this version expects.',
    });
  });

  it('says why when the storage fails to read', async () => {
    const loaded = await loadRecord(async () => {
      throw new DOMException('Internal error opening backing store.', 'UnknownError');
    }, workspaceFormat);
    expect(loaded).toEqual({
      value: undefined,
      unreadable:
        "The browser's storage failed to read the record: Internal error opening backing store.",
    });
  });
});
