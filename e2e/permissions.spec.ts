import path from 'node:path';
import { expect, test } from '@playwright/test';
import { BUILT_FIXTURES, Playground, readFolder } from './playground';

const C_COMMAND = path.join(BUILT_FIXTURES, 'c-command');

test('file grants are enforced in the WASI layer, shown before a run, and kept', async ({
  page,
}) => {
  const app = new Playground(page);
  await app.open();
  await app.dropFiles(readFolder(C_COMMAND));
  await app.tab('note').click();
  const permissions = page.getByRole('form', { name: 'Permissions' });
  const runMay = page.getByTestId('run-may');
  // The fixture declares nothing: its own files, no network.
  await expect(permissions).toContainText('declares no permissions');
  await expect(runMay).toHaveText(
    'A run may read /skill and /workspace, write /workspace; reach no network.',
  );

  // Without write, /workspace is read-only for the guest: the note cannot be written.
  await permissions.getByLabel('Write files').uncheck();
  await expect(runMay).toHaveText(
    'A run may read /skill and /workspace, write nothing; reach no network.',
  );
  await app.field('note', 'name').fill('denied');
  await app.field('note', 'text').fill('x');
  await app.run('note');
  await app.expectStatus('error');
  await expect(page.getByRole('region', { name: 'stderr' })).toContainText(
    'cannot write /workspace/notes/denied.txt',
  );

  // Write without read: /workspace only, and /skill is not there at all.
  await permissions.getByLabel('Write files').check();
  await permissions.getByLabel('Read files').uncheck();
  await expect(runMay).toHaveText('A run may read and write /workspace only; reach no network.');
  await app.field('note', 'name').fill('allowed');
  await app.run('note');
  await app.expectStatus('ok');
  // No preopen covers /skill: wasi-libc finds no capability for the path.
  await expect(app.output).toContainText('"skillMd": "(Capabilities insufficient)"');

  // The choice is the instance's: it comes back after a reload.
  await page.reload();
  await app.dropFiles(readFolder(C_COMMAND));
  await app.tab('note').click();
  await expect(runMay).toHaveText('A run may read and write /workspace only; reach no network.');
  await expect(permissions.getByLabel('Read files')).not.toBeChecked();
});

test('allowed hosts are read one a line and refused with a sentence when they are not hosts', async ({
  page,
}) => {
  const app = new Playground(page);
  await app.open();
  await app.dropFiles(readFolder(C_COMMAND));
  const permissions = page.getByRole('form', { name: 'Permissions' });
  await permissions.getByLabel('Allowed hosts').fill('api.example.com\nhttps://evil.example/x');
  await expect(permissions.getByRole('alert')).toContainText(
    'write the host alone, without its scheme or path',
  );
  await expect(page.getByTestId('run-may')).toContainText('reach api.example.com only');
});
