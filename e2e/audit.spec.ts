import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { BUILT_FIXTURES, Playground } from './playground';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

test('each run has an audit record that can be read and downloaded', async ({ page }) => {
  const app = new Playground(page);
  await app.open();
  await app.openFixture('c-command', 'echo');
  await app.field('echo', 'message').fill('audited');
  await app.run('echo');
  await app.expectStatus('ok');

  await app.result.getByText('Run details').click();
  const shown = JSON.parse((await app.result.getByTestId('audit-record').textContent()) ?? '{}');
  const component = readFileSync(path.join(BUILT_FIXTURES, 'c-command/skill.wasm'));
  expect(shown).toMatchObject({
    version: 1,
    skillName: 'c-command',
    tool: 'echo',
    componentSha256: createHash('sha256').update(component).digest('hex'),
    inputHash: sha256('{"message":"audited","exit":0}'),
    exitStatus: { kind: 'success' },
    exitCode: 0,
    permissionsUsed: ['tool:echo', 'fs:/skill:read', 'fs:/workspace:read-write'],
    grants: { read: true, write: true, hosts: [] },
    sandbox:
      'web-worker; /skill read-only, /workspace read-write; no network; env: instance config only',
    loadedFrom: 'worker',
  });
  expect(shown.stdoutBytes).toBeGreaterThan(40);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    app.result.getByRole('button', { name: 'Download audit JSON' }).click(),
  ]);
  const saved = JSON.parse(readFileSync(await download.path(), 'utf8'));
  expect(saved).toEqual(shown);
});
