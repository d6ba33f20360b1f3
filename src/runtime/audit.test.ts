import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildAuditRecord } from './audit';

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

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
    });
    expect(record).toMatchObject({
      version: 1,
      inputHash: sha('{"name":"Ada"}'),
      outputHash: sha('Hello, Ada.'),
      startTime: '2026-11-22T12:00:00.000Z',
      durationMs: 12.3,
      permissionsUsed: ['tool:greet', 'env:token'],
      stdoutBytes: 6,
      stderrBytes: 0,
    });
    expect(JSON.stringify(record)).not.toContain('secret');
  });
});
