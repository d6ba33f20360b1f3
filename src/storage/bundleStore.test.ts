import { describe, expect, it } from 'vitest';
import {
  isStoredSkillMeta,
  readSkillList,
  skillFilesFormat,
  type StoredSkillMeta,
} from './bundleStore';
import { readRecord } from './readRecord';

const meta = (key: string, addedAt: number): StoredSkillMeta => ({
  version: 1,
  key,
  source: { kind: 'folder', name: key.replace(/^folder:/, '') },
  rootName: key.replace(/^folder:/, ''),
  name: key.replace(/^folder:/, ''),
  description: 'A kept skill.',
  bytes: 1200,
  addedAt,
});

describe('the stored skill record', () => {
  it('reads a skill kept from a folder, an archive or a link', () => {
    expect(isStoredSkillMeta(meta('folder:weather', 1))).toBe(true);
    expect(
      isStoredSkillMeta({
        ...meta('url:x', 1),
        source: { kind: 'url', url: 'https://example.com/x.zip' },
      }),
    ).toBe(true);
  });

  it('refuses a record missing what the Skills list shows', () => {
    const noDescription: Partial<StoredSkillMeta> = meta('folder:a', 1);
    delete noDescription.description;
    expect(isStoredSkillMeta(noDescription)).toBe(false);
    expect(isStoredSkillMeta({ ...meta('folder:a', 1), source: 'folder' })).toBe(false);
    expect(isStoredSkillMeta({ ...meta('folder:a', 1), addedAt: '2026-01-01' })).toBe(false);
  });
});

describe('readSkillList', () => {
  it('lists readable skills oldest first and keeps the unreadable ones with a reason', () => {
    const list = readSkillList([
      ['folder:later', meta('folder:later', 20)],
      ['folder:broken', { version: 1, key: 'folder:broken' }],
      ['folder:first', meta('folder:first', 10)],
      ['folder:newer', { ...meta('folder:newer', 5), version: 2 }],
    ]);
    expect(list.skills.map((s) => s.key)).toEqual(['folder:first', 'folder:later']);
    expect(list.unreadable).toEqual([
      {
        key: 'folder:broken',
        reason: 'The record (version 1) does not have the fields this version expects.',
      },
      {
        key: 'folder:newer',
        reason:
          'The record has version 2, written by a newer Skill Playground; this one reads up to version 1.',
      },
    ]);
  });

  it('refuses a record stored under another key than the skill it names', () => {
    const list = readSkillList([['folder:a', meta('folder:b', 1)]]);
    expect(list.skills).toEqual([]);
    expect(list.unreadable).toEqual([
      { key: 'folder:a', reason: 'The record is stored under folder:a but names folder:b.' },
    ]);
  });
});

describe('the stored skill files record', () => {
  it('reads path and bytes pairs, and refuses files that are not bytes', () => {
    const files = [['weather/SKILL.md', new Uint8Array([45, 45, 45])]];
    expect(readRecord({ version: 1, files }, skillFilesFormat).ok).toBe(true);
    expect(readRecord({ version: 1, files: [['SKILL.md', '---']] }, skillFilesFormat).ok).toBe(
      false,
    );
  });
});
