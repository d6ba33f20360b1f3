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
