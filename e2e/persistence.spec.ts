import { expect, test } from '@playwright/test';
import { Playground } from './playground';

test('dropped skills are kept across reloads, and can be removed', async ({ page }) => {
  // Four component loads, three of them through jco: more than a minute on a loaded machine.
  test.slow();
  const app = new Playground(page);
  await app.open();
  await app.openFixture('unruly-skill', 'echo');
  await app.openFixture('c-command', 'echo');
  const settings = await app.openSettings();
  await expect(settings.getByTestId('storage-use')).toContainText('MiB used');
  await settings.getByRole('button', { name: 'Close' }).click();

  await page.reload();
  await expect(app.skillLink('unruly-skill')).toBeVisible();
  await expect(app.skillLink('c-command')).toBeVisible();
  await expect(app.skills).toContainText(
    'A test fixture whose tools echo, fail, trap or never return.',
  );
  await app.openSkill('unruly-skill', 'echo');
  await app.field('echo', 'message').fill('after a reload');
  await app.run('echo');
  await app.expectStatus('ok');

  await page.getByRole('button', { name: 'Remove skill' }).click();
  await expect(app.skillLink('unruly-skill')).toHaveCount(0);
  await page.reload();
  await expect(app.skillLink('c-command')).toBeVisible();
  await expect(app.skillLink('unruly-skill')).toHaveCount(0);
  // The built-in examples cannot be removed.
  await app.openSkill('text-tools', 'greet');
  await expect(page.getByRole('button', { name: 'Remove skill' })).toHaveCount(0);
});
