import { expect, test } from '@playwright/test';
import { Playground } from './playground';

test('a component opened again after a reload skips jco; clearing the cache brings jco back', async ({
  page,
}) => {
  const app = new Playground(page);
  await app.open();
  await app.openSkill('data-tools', 'stats');
  await expect(page.getByText('(transpiled with jco)')).toBeVisible();
  // The cache's figures are in Settings.
  const settings = await app.openSettings();
  await expect(settings.getByTestId('cache-stats')).toHaveText(/^1 component, \d+\.\d MiB$/);

  await page.reload();
  await app.openSkill('data-tools', 'stats');
  await expect(page.getByText('(transpile cache hit, jco skipped)')).toBeVisible();
  await app.tab('scale').click();
  await app.field('scale', 'value').fill('2.5');
  await app.run('scale');
  await app.expectStatus('ok');
  await expect(app.output).toHaveText('5');

  await (await app.openSettings()).getByRole('button', { name: 'Clear transpile cache' }).click();
  await expect(page.getByTestId('cache-stats')).toHaveText('0 components, 0.0 MiB');
  await page.reload();
  // The tool last chosen (scale) comes back with the page.
  await app.openSkill('data-tools', 'scale');
  await expect(page.getByText('(transpiled with jco)')).toBeVisible();
});
