import { expect, test } from '@playwright/test';
import { Playground } from './playground';

async function note(app: Playground, name: string, text: string) {
  await app.tab('note').click();
  await app.field('note', 'name').fill(name);
  await app.field('note', 'text').fill(text);
  await app.run('note');
  await app.expectStatus('ok');
}

test('a run sees /skill read-only and keeps /workspace across runs and reloads', async ({
  page,
}) => {
  const app = new Playground(page);
  await app.open();
  await app.openFixture('c-command', 'echo');
  const workspace = page.getByRole('region', { name: 'Workspace' });
  await expect(workspace).toContainText('No files yet.');

  await note(app, 'first', 'hello');
  // /skill is the bundle, read-only; paths cannot climb out of /workspace.
  await expect(app.output).toContainText('"skillMd": "---"');
  await expect(app.output).toContainText('"skillWrite": "Read-only file system"');
  await expect(app.output).toContainText('"escape": "Operation not permitted"');
  const file = (p: string) => workspace.getByRole('listitem').filter({ hasText: p });
  await expect(file('notes/first.txt')).toHaveAttribute('data-file-mark', 'new');
  await expect(file('log.txt')).toHaveAttribute('data-file-mark', 'new');

  await note(app, 'second', 'again');
  await expect(file('notes/first.txt')).toHaveAttribute('data-file-mark', 'none');
  await expect(file('notes/second.txt')).toHaveAttribute('data-file-mark', 'new');
  await expect(file('log.txt')).toHaveAttribute('data-file-mark', 'changed');

  // Upload: the next run reads it.
  await workspace.getByLabel('Upload to workspace').setInputFiles({
    name: 'upload.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('uploaded by the user\n'),
  });
  await expect(file('upload.txt')).toBeVisible();
  await note(app, 'third', 'once more');
  await expect(app.output).toContainText('"upload": "uploaded by the user"');

  // Download and delete.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    workspace.getByRole('button', { name: 'Download notes/first.txt' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('first.txt');
  await workspace.getByRole('button', { name: 'Delete notes/second.txt' }).click();
  await expect(file('notes/second.txt')).toHaveCount(0);

  await page.reload();
  // The tool last chosen (note) comes back with the page.
  await app.openFixture('c-command', 'note');
  await expect(file('notes/first.txt')).toBeVisible();
  await expect(file('notes/third.txt')).toBeVisible();
  await expect(file('notes/second.txt')).toHaveCount(0);
});

test("two skills never see each other's workspace", async ({ page }) => {
  const app = new Playground(page);
  await app.open();
  await app.openFixture('c-command', 'echo');
  await note(app, 'mine', 'private');
  await app.openFixture('c-command', 'echo', 'other-command');
  await expect(app.skillLink('c-command')).toHaveCount(2);
  const workspace = page.getByRole('region', { name: 'Workspace' });
  await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
  await expect(workspace).toContainText('No files yet.');
  await note(app, 'theirs', 'separate');
  await expect(workspace.getByRole('listitem').filter({ hasText: 'notes/mine.txt' })).toHaveCount(
    0,
  );
  await expect(
    workspace.getByRole('listitem').filter({ hasText: 'notes/theirs.txt' }),
  ).toBeVisible();
});
