import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import {
  isStoredSkillMeta,
  readSkillFiles,
  readSkillList,
  saveSkill,
  STORED_AS_BLOB_BYTES,
  skillFilesFormat,
  skillMetaFormat,
  type StoredSkillMeta,
} from './bundleStore';
import { readRecord } from './readRecord';

const meta = (key: string, addedAt: number): StoredSkillMeta => ({
  version: 2,
  key,
  source: { kind: 'folder', name: key.replace(/^local:/, ''), path: '' },
  rootName: key.replace(/^local:/, ''),
  name: key.replace(/^local:/, ''),
  description: 'A kept skill.',
  bytes: 1200,
  addedAt,
});

describe('the stored skill record', () => {
  it('reads a skill kept from a folder, an archive or a link', () => {
    expect(isStoredSkillMeta(meta('local:weather', 1))).toBe(true);
    expect(
      isStoredSkillMeta({
        ...meta('url:x', 1),
        source: { kind: 'url', url: 'https://example.com/x.zip' },
      }),
    ).toBe(true);
  });

  it('refuses a record missing what the Skills list shows', () => {
    const noDescription: Partial<StoredSkillMeta> = meta('local:a', 1);
    delete noDescription.description;
    expect(isStoredSkillMeta(noDescription)).toBe(false);
    expect(isStoredSkillMeta({ ...meta('local:a', 1), source: 'folder' })).toBe(false);
    expect(isStoredSkillMeta({ ...meta('local:a', 1), addedAt: '2026-01-01' })).toBe(false);
  });
});

describe('readSkillList', () => {
  it('lists readable skills oldest first and keeps the unreadable ones with a reason', () => {
    const list = readSkillList([
      ['local:later', meta('local:later', 20)],
      ['local:broken', { version: 2, key: 'local:broken' }],
      ['local:first', meta('local:first', 10)],
      ['local:newer', { ...meta('local:newer', 5), version: 3 }],
    ]);
    expect(list.skills.map((s) => s.key)).toEqual(['local:first', 'local:later']);
    expect(list.unreadable).toEqual([
      {
        key: 'local:broken',
        reason: 'The record (version 2) does not have the fields this version expects.',
      },
      {
        key: 'local:newer',
        reason:
          'The record has version 3, written by a newer Skill Playground; this one reads up to version 2.',
        // The name it still holds says which skill is missing.
        name: 'newer',
      },
    ]);
  });

  it('refuses a record stored under another key than the skill it names', () => {
    const list = readSkillList([['local:a', meta('local:b', 1)]]);
    expect(list.skills).toEqual([]);
    expect(list.unreadable).toEqual([
      {
        key: 'local:a',
        reason: 'The record is stored under local:a but names local:b.',
        name: 'b',
      },
    ]);
  });
});

describe('records kept before skills were found at any depth (version 1)', () => {
  const v1 = (key: string, source: object, rootName: string) => ({
    version: 1,
    key,
    source,
    rootName,
    name: rootName,
    description: 'd',
    bytes: 1,
    addedAt: 1,
  });
  const migrated = (record: object) => {
    const read = readRecord(record, skillMetaFormat);
    if (!read.ok) throw new Error(read.reason);
    return { key: read.value.key, source: read.value.source };
  };

  it('keep their key, and learn the path of the skill inside the folder it came in', () => {
    expect(migrated(v1('folder:pdf', { kind: 'folder', name: 'pdf' }, 'pdf'))).toEqual({
      key: 'folder:pdf',
      source: { kind: 'folder', name: 'pdf', path: '' },
    });
    expect(migrated(v1('folder:pdf', { kind: 'folder', name: 'skills/pdf' }, 'pdf'))).toEqual({
      key: 'folder:pdf',
      source: { kind: 'folder', name: 'skills', path: 'pdf' },
    });
  });

  it('and inside the archive: its root for a package named after it, else one level down', () => {
    expect(migrated(v1('archive:pdf', { kind: 'archive', name: 'pdf.skill' }, 'pdf'))).toEqual({
      key: 'archive:pdf',
      source: { kind: 'archive', name: 'pdf.skill', path: '' },
    });
    expect(migrated(v1('archive:a', { kind: 'archive', name: 'both.zip' }, 'a')).source).toEqual({
      kind: 'archive',
      name: 'both.zip',
      path: 'a',
    });
  });

  it('keep a link, a .wasm or a SkillSpec as they were', () => {
    const url = { kind: 'url', url: 'https://example.com/x.zip' };
    expect(migrated(v1('url:https://example.com/x.zip#x', url, 'x')).source).toEqual(url);
    const wasm = { kind: 'wasm', name: 'tool.wasm' };
    expect(migrated(v1('wasm:tool', wasm, 'tool')).source).toEqual(wasm);
  });
});

describe('the stored skill files record', () => {
  it('reads path and bytes pairs, and refuses files that are not bytes', () => {
    const files = [['weather/SKILL.md', new Uint8Array([45, 45, 45])]];
    expect(readRecord({ version: 2, files }, skillFilesFormat).ok).toBe(true);
    expect(readRecord({ version: 2, files: [['SKILL.md', '---']] }, skillFilesFormat).ok).toBe(
      false,
    );
  });

  it('holds a large file as a Blob, which IndexedDB keeps apart from the record', () => {
    const files = [['SKILL.md', new Blob(['---'])]];
    expect(readRecord({ version: 2, files }, skillFilesFormat).ok).toBe(true);
  });

  it('reads a record of version 1 (bytes only) as it was', () => {
    const files = [['SKILL.md', new Uint8Array([45])]];
    const read = readRecord({ version: 1, files }, skillFilesFormat);
    expect(read).toEqual({ ok: true, value: { version: 2, files }, migrated: true });
    const blobs = readRecord(
      { version: 1, files: [['SKILL.md', new Blob(['-'])]] },
      skillFilesFormat,
    );
    expect(blobs.ok).toBe(false);
  });
});

describe('saveSkill and readSkillFiles', () => {
  it('give back bytes, whether files were kept as bytes or as Blobs', async () => {
    const large = new Uint8Array(STORED_AS_BLOB_BYTES + 1).fill(120);
    await saveSkill(
      meta('local:kept', 1),
      new Map<string, Uint8Array | Blob>([
        ['SKILL.md', new TextEncoder().encode('---\nname: kept\n---\n')],
        ['big.txt', large],
        ['dropped.txt', new Blob(['from the drop'])],
      ]),
    );
    const { value } = await readSkillFiles('local:kept');
    expect(new TextDecoder().decode(value!.get('dropped.txt'))).toBe('from the drop');
    expect(value!.get('big.txt')).toEqual(large);
    expect(new TextDecoder().decode(value!.get('SKILL.md'))).toBe('---\nname: kept\n---\n');
  });
});
