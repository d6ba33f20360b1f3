import { describe, expect, it } from 'vitest';
import { filesystemOf } from '../audit';
import { preopensFor } from './preopens';

const mounts = { skill: { dir: {} }, workspace: { dir: {} } };
const shape = (grants: { read: boolean; write: boolean }) =>
  Object.fromEntries(
    Object.entries(preopensFor(mounts, grants)).map(([path, p]) => [path, p.readOnly]),
  );

describe('preopens from grants', () => {
  it('gives /skill read-only and /workspace writable with both', () => {
    expect(shape({ read: true, write: true })).toEqual({ '/skill': true, '/workspace': false });
  });
  it('gives both read-only with read alone', () => {
    expect(shape({ read: true, write: false })).toEqual({ '/skill': true, '/workspace': true });
  });
  it('gives only /workspace, writable, with write alone', () => {
    expect(shape({ read: false, write: true })).toEqual({ '/workspace': false });
  });
  it('gives no filesystem at all without either', () => {
    expect(shape({ read: false, write: false })).toEqual({});
  });

  it('are what the audit record describes, for every grant', () => {
    const mounts = { skill: { dir: {} }, workspace: { dir: {} } };
    for (const read of [false, true]) {
      for (const write of [false, true]) {
        const worker = Object.entries(preopensFor(mounts, { read, write })).map(
          ([path, preopen]) => [path, preopen.readOnly ? 'read' : 'read-write'],
        );
        expect(filesystemOf({ read, write, hosts: [] })).toEqual(worker);
      }
    }
  });
});
