import { expect, test } from '@playwright/test';
import { Playground } from './playground';

test('two tabs of one instance never save over each other unknowingly', async ({ context }) => {
  const first = new Playground(await context.newPage());
  const second = new Playground(await context.newPage());
  for (const app of [first, second]) {
    await app.open();
    await app.openSkill('text-tools', 'greet');
  }
  await first.setConfig({ greeting: 'Ahoy' });

  // The other tab is told, and shows what was saved there.
  const config = second.page.getByRole('form', { name: 'Configuration' });
  await expect(config.getByRole('status')).toHaveText(
    'Changed in another tab: this form now shows what was saved there.',
  );
  await expect(config.getByLabel('Value of greeting')).toHaveValue('Ahoy');

  // A save from it keeps the first tab's value and adds its own.
  await config.getByRole('button', { name: 'Add value' }).click();
  await config.getByLabel('Key 2').fill('style');
  await config.getByLabel('Value of style').fill('loud');
  await config.getByRole('button', { name: 'Save configuration' }).click();
  const firstConfig = first.page.getByRole('form', { name: 'Configuration' });
  await expect(firstConfig.getByLabel('Value of style')).toHaveValue('loud');
  await expect(firstConfig.getByLabel('Value of greeting')).toHaveValue('Ahoy');
});

test('another tab’s new, deleted instances and its runs show here without a reload', async ({
  context,
}) => {
  const first = new Playground(await context.newPage());
  const second = new Playground(await context.newPage());
  for (const app of [first, second]) {
    await app.open();
    await app.openSkill('text-tools', 'greet');
  }
  await second.showHistory();
  await expect(second.historyRuns).toHaveCount(0);

  // An instance made in the first tab is listed in the second, which keeps its own choice.
  await first.newInstance('formal');
  await expect(second.instance.locator('option')).toHaveText(['default', 'formal']);
  await expect(second.instance).toHaveValue('default');

  // A run in the first tab reaches the second's History.
  await first.field('greet', 'name').fill('Ada');
  await first.run('greet');
  await first.expectStatus('ok');
  await expect(second.historyRuns).toHaveCount(1);
  await expect(second.historyRuns.locator('.history-tool')).toHaveText(['greet']);

  // The second tab uses "formal"; the first deletes it: the second moves on and says why.
  await second.instance.selectOption('formal');
  const bar = first.page.getByRole('group', { name: 'Instances' });
  await bar.getByRole('button', { name: 'Delete' }).click();
  await bar.getByRole('button', { name: 'Delete formal' }).click();
  await expect(second.instance).toHaveValue('default');
  await expect(second.instance.locator('option')).toHaveText(['default']);
  await expect(second.page.getByRole('region', { name: 'Notices' })).toContainText(
    'Instance formal of text-tools was renamed or deleted in another tab: this tab now uses default.',
  );
});
