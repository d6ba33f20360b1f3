import { expect, test, type Locator, type Page } from '@playwright/test';
import { Playground } from './playground';

// Removing a skill keeps its settings (adding it again brings them back); Settings says what is
// kept for removed skills and forgets it, or erases everything the playground keeps.

// A skill with a component, so it has a Configuration form; dropped again, it has the same key.
async function dropBasicSkill(app: Playground) {
  await app.openFixture('basic-skill', 'config-value');
}

async function removeOpenSkill(page: Page) {
  await page.getByRole('button', { name: 'Remove skill' }).click();
  // Undo is offered for a few seconds; once it is gone, the removal is final.
  const undo = page.getByRole('button', { name: 'Undo' });
  await expect(undo).toBeVisible();
  await expect(undo).toHaveCount(0, { timeout: 15_000 });
}

const keptPanel = (settings: Locator) =>
  settings.getByRole('region', { name: 'Kept in this browser' });

test('what is kept for a removed skill is listed in Settings and forgotten there', async ({
  page,
}) => {
  // The component loads three times, and two removals wait out their undo.
  test.slow();
  const app = new Playground(page);
  await app.open();
  await dropBasicSkill(app);
  await app.setConfig({ GREETING: 'dry', API_TOKEN: 'sk-remove-me' }, ['API_TOKEN']);
  await removeOpenSkill(page);

  // Added again, it gets its settings back: that is why removing keeps them.
  await dropBasicSkill(app);
  await expect(app.configuration.getByLabel('Value of GREETING')).toHaveValue('dry');
  await removeOpenSkill(page);

  let settings = await app.openSettings();
  await expect(keptPanel(settings).getByTestId('unlisted-kept')).toHaveText(
    '1 removed skill still has configuration, secrets, files, history or inputs kept here, for when it is added again.',
  );
  await keptPanel(settings).getByRole('button', { name: 'Forget removed skills’ data' }).click();
  await expect(keptPanel(settings).getByRole('status')).toHaveText(
    /^Forgot \d+ records? of 1 removed skill\.$/,
  );
  await expect(keptPanel(settings).getByTestId('unlisted-kept')).toHaveText(
    'Nothing is kept for skills you removed.',
  );
  await settings.getByRole('button', { name: 'Close' }).click();

  // Forgotten: added again, it starts empty, and no secret is left in this browser.
  await dropBasicSkill(app);
  await expect(app.configuration.getByLabel('Value of GREETING')).toHaveCount(0);
  settings = await app.openSettings();
  await expect(keptPanel(settings).getByTestId('unlisted-kept')).toHaveText(
    'Nothing is kept for skills you removed.',
  );
});

test('Erase everything asks first, then starts the playground afresh', async ({ page }) => {
  // The component loads twice, once after the fresh start.
  test.slow();
  const app = new Playground(page);
  await app.open();
  await dropBasicSkill(app);
  await app.setConfig({ GREETING: 'dry' });

  const settings = await app.openSettings();
  const kept = keptPanel(settings);
  await kept.getByRole('button', { name: 'Erase everything…' }).click();
  const confirm = kept.getByRole('group', { name: 'Erase everything' });
  await expect(confirm).toContainText('This cannot be undone.');
  await confirm.getByRole('button', { name: 'Keep it' }).click();
  await expect(confirm).toHaveCount(0);
  await settings.getByRole('button', { name: 'Close' }).click();
  await page.reload();
  await expect(app.skillLink('basic-skill')).toBeVisible();

  const again = await app.openSettings();
  await keptPanel(again).getByRole('button', { name: 'Erase everything…' }).click();
  await keptPanel(again)
    .getByRole('group', { name: 'Erase everything' })
    .getByRole('button', { name: 'Erase everything' })
    .click();
  // A fresh start: the built-in examples only, and nothing kept for the dropped skill.
  await expect(app.skillLink('text-tools')).toBeVisible();
  await expect(app.skillLink('basic-skill')).toHaveCount(0);
  await dropBasicSkill(app);
  await expect(app.configuration.getByLabel('Value of GREETING')).toHaveCount(0);
});
