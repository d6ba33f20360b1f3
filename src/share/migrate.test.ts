import { describe, expect, it } from 'vitest';
import { decodeShareLink } from './codec';
import { SHARE_LINK_VERSION } from './linkFormat';
import { migrateShareLink } from './migrate';

// One test per link format ever written: a link made with that format, kept here as it was made,
// must open in this build as the same state. A new format adds a test; none is ever removed.

/** A version 1 link, made when version 1 was current (deflated by zlib, as any deflate-raw). */
const VERSION_1_LINK =
  'v=1&s=pVC7bsMwDPyXm1nbCJoO_IOgaZa0U5CBdelEsFQZEp0-DP17IQ9F93K4hffCLcij8x68YEgxgDEnD1qRcTWbMrftysmNfkqYvDam2dqgkuekd6Oz5ttNIKQYDYw_DxDyVTbbBzDkn4dCsBhrrdyLVxAkXXJtfhM_Kxj3IAzSW0xgbGq4Jdcb2NKsBJNKP0FAeMW5EPr4PrgL-LRg1C8wXg675yPo1zFodUA5E7wLztY4c0HjbE8ZvO26rhBuTj_WCZ2vquPjbr9vwhtK-QE';

describe('link formats', () => {
  it('opens a version 1 link as the state it was made with', async () => {
    await expect(decodeShareLink(`#${VERSION_1_LINK}`)).resolves.toEqual({
      skill: {
        from: 'url',
        url: 'https://skills.example.test/measure-kit.zip',
        root: 'measure-kit',
        sha256: 'a'.repeat(64),
      },
      tool: 'scale',
      args: { value: '4', factor: '2', strict: true, tags: ['a', 'b'] },
      config: [{ key: 'UNITS', value: 'metric' }],
      limits: { timeoutMs: 5000 },
      view: { file: 'SKILL.md' },
    });
  });

  it('checks version 1 data against the version 1 shape', () => {
    expect(() =>
      migrateShareLink(1, { skill: { from: 'example', id: 'text-tools' } }),
    ).not.toThrow();
    expect(() => migrateShareLink(1, { skill: { from: 'example' } })).toThrow(/example id/);
  });

  it('refuses a version newer than this build, saying so', () => {
    expect(() => migrateShareLink(SHARE_LINK_VERSION + 1, {})).toThrow(/newer Skill Playground/);
  });

  it('refuses a version that never existed', () => {
    expect(() => migrateShareLink(0, {})).toThrow(/never existed/);
  });
});
