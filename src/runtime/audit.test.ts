import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildAuditRecord, describeSandbox } from './audit';

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

const baseInput = {
  skillId: 'folder:demo',
  skillName: 'demo',
  tool: 'greet',
  componentSha256: 'abc',
  input: {},
  output: '',
  startedAt: 0,
  durationMs: 1,
  exitStatus: { kind: 'success' } as const,
  configKeys: [],
  stdout: '',
  stderr: '',
  loadedFrom: 'worker',
};

describe('buildAuditRecord', () => {
  it('hashes input and output, counts output bytes, and names config keys but never their values', async () => {
    const record = await buildAuditRecord({
      skillId: 'folder:demo',
      skillName: 'demo',
      tool: 'greet',
      componentSha256: 'abc',
      input: { name: 'Ada' },
      output: 'Hello, Ada.',
      startedAt: Date.UTC(2026, 10, 22, 12),
      durationMs: 12.345,
      exitStatus: { kind: 'success' },
      configKeys: ['token'],
      stdout: 'héllo',
      stderr: '',
      loadedFrom: 'cache',
      grants: { read: true, write: true, hosts: [] },
    });
    expect(record).toMatchObject({
      version: 1,
      inputHash: sha('{"name":"Ada"}'),
      outputHash: sha('Hello, Ada.'),
      startTime: '2026-11-22T12:00:00.000Z',
      durationMs: 12.3,
      permissionsUsed: ['tool:greet', 'env:token', 'fs:/skill:read', 'fs:/workspace:read-write'],
      stdoutBytes: 6,
      stderrBytes: 0,
    });
    expect(JSON.stringify(record)).not.toContain('secret');
  });

  it('says what the run could touch, from its grants', async () => {
    expect(describeSandbox({ read: true, write: true, hosts: [] })).toBe(
      'web-worker; /skill read-only, /workspace read-write; no network; env: instance config only',
    );
    expect(describeSandbox({ read: false, write: false, hosts: ['api.example.com'] })).toBe(
      'web-worker; no filesystem; network: api.example.com only; env: instance config only',
    );
  });

  it('names the granted paths and hosts among the permissions', async () => {
    const record = await buildAuditRecord({
      ...baseInput,
      grants: { read: true, write: false, hosts: ['*.example.com'] },
    });
    expect(record.permissionsUsed).toEqual([
      'tool:greet',
      'fs:/skill:read',
      'fs:/workspace:read',
      'net:*.example.com',
    ]);
    expect(record.grants).toEqual({ read: true, write: false, hosts: ['*.example.com'] });
    expect(record.sandbox).not.toContain('no preopens');
  });
  it("lists the host functions a capsule's run was refused", async () => {
    const refused = [
      { function: 'astrid_ipc_publish', reason: 'unavailable' as const, detail: 'event bus' },
    ];
    const record = await buildAuditRecord({
      ...baseInput,
      grants: { read: false, write: false, hosts: [] },
      refused,
    });
    expect(record.hostFunctionsRefused).toEqual(refused);
    const plain = await buildAuditRecord({
      ...baseInput,
      grants: { read: false, write: false, hosts: [] },
    });
    expect(plain.hostFunctionsRefused).toEqual([]);
  });
});
