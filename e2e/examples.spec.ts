import { expect, test } from '@playwright/test';
import { Playground } from './playground';

test.describe('built-in examples', () => {
  test('are listed in the Skills navigation on first open', async ({ page }) => {
    const app = new Playground(page);
    await app.open();
    await expect(app.skillLink('text-tools')).toBeVisible();
    await expect(app.skillLink('data-tools')).toBeVisible();
    await expect(app.skillLink('wit-shapes')).toBeVisible();
    await expect(app.skillLink('notes-capsule')).toBeVisible();
    await expect(app.skills).toContainText('Greets people');
    // An astrid capsule is listed from its Capsule.toml.
    await expect(app.skills).toContainText('keeps notes in its workspace');
  });

  test('text-tools (async QuickJS runtime): every tool runs, and greet reads its configured greeting', async ({
    page,
  }) => {
    const app = new Playground(page);
    await app.open();
    await app.openSkill('text-tools', 'greet');
    await expect(page.getByRole('heading', { name: 'text-tools' })).toBeVisible();
    await expect(
      page.getByText('Greets people and counts or slugifies text.').first(),
    ).toBeVisible();
    await expect(page.getByRole('tab')).toHaveText(['greet', 'word-count', 'slugify']);

    // Validation happens before Run: the required name is empty.
    await app.run('greet');
    await expect(app.form('greet').getByText('Required.')).toBeVisible();
    await expect(app.result).toHaveAttribute('data-run-status', 'idle');

    await app.field('greet', 'name').fill('World');
    await app.run('greet');
    await app.expectStatus('ok');
    await expect(app.output).toHaveText('Hello, World.');
    await expect(app.result.getByTestId('run-duration')).toHaveText(/^\s*\d+(\.\d+)? m?s$/);

    // The configuration reaches the skill as env (SKILL_GREETING) and is checked by validate-config.
    // skill.config.toml declares the key, so its row is there to fill.
    const config = page.getByRole('form', { name: 'Configuration' });
    await config.getByLabel('Value of greeting').fill('Howdy');
    await config.getByRole('button', { name: 'Save configuration' }).click();
    await expect(config.getByRole('status')).toHaveText(
      'Saved; the skill accepts this configuration.',
    );
    await app.field('greet', 'excited').check();
    await app.run('greet');
    await app.expectStatus('ok');
    await expect(app.output).toHaveText('Howdy, World!');

    // The skill's own validate-config refuses an empty greeting.
    await config.getByLabel('Value of greeting').fill(' ');
    await config.getByRole('button', { name: 'Save configuration' }).click();
    await expect(config.getByLabel('Value of greeting')).toHaveAccessibleDescription(
      /greeting must not be empty/,
    );

    await app.tab('word-count').click();
    await app.field('word-count', 'text').fill('one two two\nthree');
    await app.field('word-count', 'unique').check();
    await app.run('word-count');
    await app.expectStatus('ok');
    await expect(app.output).toContainText('"words": 4');
    await expect(app.output).toContainText('"uniqueWords": 3');

    await app.tab('slugify').click();
    await expect(app.field('slugify', 'separator')).toHaveValue('-');
    await app.field('slugify', 'text').fill('Héllo, Wörld!');
    await app.field('slugify', 'separator').fill('_');
    await app.run('slugify');
    await app.expectStatus('ok');
    await expect(app.output).toHaveText('hello_world');
  });

  test('the configuration is kept across a reload', async ({ page }) => {
    const app = new Playground(page);
    await app.open();
    await app.openSkill('text-tools', 'greet');
    await app.setConfig({ greeting: 'Ahoy' });

    await page.reload();
    await app.openSkill('text-tools', 'greet');
    await expect(
      page.getByRole('form', { name: 'Configuration' }).getByLabel('Value of greeting'),
    ).toHaveValue('Ahoy');
    await app.field('greet', 'name').fill('Sailor');
    await app.run('greet');
    await expect(app.output).toHaveText('Ahoy, Sailor.');
  });

  test('data-tools (sync QuickJS runtime): number, array, json and file parameters', async ({
    page,
  }) => {
    const app = new Playground(page);
    await app.open();
    await app.openSkill('data-tools', 'stats');

    // array: a list editor with Add and Remove
    const values = app.form('stats');
    await app.field('stats', 'values').fill('4');
    await values.getByRole('button', { name: 'Add item' }).click();
    await values.getByLabel('values item 2', { exact: true }).fill('8');
    await values.getByRole('button', { name: 'Add item' }).click();
    await values.getByLabel('values item 3', { exact: true }).fill('oops');
    await app.run('stats');
    await app.expectStatus('error');
    await expect(app.result).toContainText('every value must be a number');
    await values.getByRole('button', { name: 'Remove values item 3' }).click();
    await app.run('stats');
    await app.expectStatus('ok');
    await expect(app.output).toContainText('"mean": 6');

    // number: the default is prefilled and a non-number is refused beside the field
    await app.tab('scale').click();
    await expect(app.field('scale', 'factor')).toHaveValue('2');
    await app.field('scale', 'value').fill('abc');
    await app.run('scale');
    await expect(app.form('scale').getByText('"abc" is not a number.')).toBeVisible();
    await app.field('scale', 'value').fill('21');
    await app.run('scale');
    await app.expectStatus('ok');
    await expect(app.output).toHaveText('42');

    // json: parse errors shown inline while typing; Run refused until it parses
    await app.tab('pick').click();
    const data = app.field('pick', 'data');
    await data.fill('{"items": [{"name": "first"}');
    await expect(
      app
        .form('pick')
        .getByText(/Invalid JSON/)
        .first(),
    ).toBeVisible();
    await app.run('pick');
    await expect(app.form('pick').getByRole('alert').first()).toContainText('Invalid JSON');
    await data.fill('{"items": [{"name": "first"}, {"name": "second"}]}');
    await expect(app.form('pick').getByText('Valid JSON')).toBeVisible();
    await app.field('pick', 'path').fill('items.1.name');
    await app.run('pick');
    await app.expectStatus('ok');
    await expect(app.output).toHaveText('"second"');

    // file: its content is what the skill receives
    await app.tab('inspect-file').click();
    await app.field('inspect-file', 'file').setInputFiles({
      name: 'notes.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('first line\nsecond\nthird\n'),
    });
    await expect(app.form('inspect-file')).toContainText('notes.txt');
    await app.run('inspect-file');
    await app.expectStatus('ok');
    await expect(app.output).toContainText('"lines": 3');
    await expect(app.output).toContainText('"firstLine": "first line"');
  });
});
