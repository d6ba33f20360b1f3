import { expect, test, type Page } from '@playwright/test';
import { Playground } from './playground';

// Named instances of a skill, each with its own configuration, and the Configuration form that
// shows what a skill declares and what the next run gets.

async function greet(app: Playground, name: string): Promise<string | null> {
  await app.field('greet', 'name').fill(name);
  await app.run('greet');
  await app.expectStatus('ok');
  return app.output.textContent();
}

async function openTextTools(page: Page): Promise<Playground> {
  const app = new Playground(page);
  await app.open();
  await app.openSkill('text-tools', 'greet');
  return app;
}

test('two instances with different configurations each reach the component, and keep them across a reload', async ({
  page,
}) => {
  const app = await openTextTools(page);
  await expect(app.instance).toHaveValue('default');
  await app.setConfig({ greeting: 'Ahoy' });
  expect(await greet(app, 'Ada')).toBe('Ahoy, Ada.');

  await app.newInstance('formal');
  // A new instance starts empty: the declared default answers.
  await expect(app.configuration.getByLabel('Value of greeting')).toHaveValue('');
  expect(await greet(app, 'Ada')).toBe('Hello, Ada.');
  await app.setConfig({ greeting: 'Good day' });
  expect(await greet(app, 'Ada')).toBe('Good day, Ada.');

  await app.instance.selectOption('default');
  await expect(app.configuration.getByLabel('Value of greeting')).toHaveValue('Ahoy');
  expect(await greet(app, 'Ada')).toBe('Ahoy, Ada.');

  // The list, the chosen instance and each one's configuration come back after a reload.
  await app.instance.selectOption('formal');
  await page.reload();
  await app.openSkill('text-tools', 'greet');
  await expect(app.instance).toHaveValue('formal');
  await expect(app.instance.locator('option')).toHaveText(['default', 'formal']);
  await expect(app.configuration.getByLabel('Value of greeting')).toHaveValue('Good day');
  expect(await greet(app, 'Ada')).toBe('Good day, Ada.');
  await app.instance.selectOption('default');
  await expect(app.configuration.getByLabel('Value of greeting')).toHaveValue('Ahoy');
  expect(await greet(app, 'Ada')).toBe('Ahoy, Ada.');
});

test('each instance reaches a skill-basic component through get-config', async ({ page }) => {
  const app = new Playground(page);
  await app.open();
  await app.openFixture('basic-skill', 'config-value');
  await app.setConfig({ region: 'eu-west-1' });
  await app.newInstance('us', 'Duplicate');
  // A duplicate starts with the values of the instance it copies.
  await expect(app.configuration.getByLabel('Value of region')).toHaveValue('eu-west-1');
  await app.setConfig({ region: 'us-east-1' });

  await app.field('config-value', 'key').fill('region');
  await app.run('config-value');
  await app.expectStatus('ok');
  await expect(app.output).toHaveText('us-east-1');
  await app.instance.selectOption('default');
  // Each instance keeps its own inputs: default's form was never filled.
  await expect(app.field('config-value', 'key')).toHaveValue('');
  await app.field('config-value', 'key').fill('region');
  await app.run('config-value');
  await app.expectStatus('ok');
  await expect(app.output).toHaveText('eu-west-1');
});

test('the keys a skill declares are listed with their descriptions and defaults', async ({
  page,
}) => {
  const app = await openTextTools(page);
  const greeting = app.configuration.getByLabel('Value of greeting');
  await expect(greeting).toHaveAccessibleDescription(
    /The word greet says before the name\. The skill reads it as SKILL_GREETING\./,
  );
  await expect(greeting).toHaveAttribute('placeholder', 'default: Hello');
  await expect(app.configuration).toContainText('skill.config.toml');
  // A declared key has no key field to type over, nor a Remove button.
  await expect(app.configuration.getByRole('button', { name: 'Remove greeting' })).toHaveCount(0);

  // Keys it does not declare can still be added; names that look secret start out secret.
  await app.configuration.getByRole('button', { name: 'Add value' }).click();
  await app.configuration.getByLabel('Key 2').fill('style');
  await expect(app.configuration.getByLabel('Value of style')).toHaveAttribute('type', 'text');
  await app.configuration.getByRole('button', { name: 'Add value' }).click();
  await app.configuration.getByLabel('Key 3').fill('service_api_key');
  await expect(app.configuration.getByLabel('Value of service_api_key')).toHaveAttribute(
    'type',
    'password',
  );
});

test('a value typed and not saved is the one the run uses, and is kept', async ({ page }) => {
  const app = await openTextTools(page);
  // No Save: Run saves what is shown before it starts.
  await app.configuration.getByLabel('Value of greeting').fill('Yo');
  await app.field('greet', 'name').fill('Ada');
  await app.run('greet');
  await app.expectStatus('ok');
  await expect(app.output).toHaveText('Yo, Ada.');

  await page.reload();
  await app.openSkill('text-tools', 'greet');
  await expect(app.configuration.getByLabel('Value of greeting')).toHaveValue('Yo');
});

test('validate-config rejects a bad value at its field', async ({ page }) => {
  const app = await openTextTools(page);
  const greeting = app.configuration.getByLabel('Value of greeting');
  // Checked after a pause in typing, without a Save.
  await greeting.fill('   ');
  await expect(greeting).toHaveAttribute('aria-invalid', 'true');
  await expect(greeting).toHaveAccessibleDescription(/greeting must not be empty/);
  await expect(app.configuration.getByRole('status')).toHaveText(
    'Saved, but the skill rejects a value: see its field.',
  );

  await greeting.fill('Hi');
  await expect(app.configuration.getByRole('status')).toHaveText(
    'Saved; the skill accepts this configuration.',
  );
  await expect(greeting).not.toHaveAttribute('aria-invalid', 'true');
});

test('a secret is masked, can be revealed, and never reaches the URL, an audit record or the console', async ({
  page,
}) => {
  const secret = 'sk-never-leaves-42';
  const logged: string[] = [];
  page.on('console', (message) => logged.push(message.text()));
  const app = await openTextTools(page);
  await app.setConfig({ api_token: secret });
  const field = app.configuration.getByLabel('Value of api_token');
  await expect(field).toHaveAttribute('type', 'password');
  await app.configuration.getByRole('button', { name: 'Show api_token' }).click();
  await expect(field).toHaveAttribute('type', 'text');
  await app.configuration.getByRole('button', { name: 'Show api_token' }).click();
  await expect(field).toHaveAttribute('type', 'password');

  expect(await greet(app, 'Ada')).toBe('Hello, Ada.');
  await app.result.getByText('Run details').click();
  const audit = app.result.getByTestId('audit-record');
  await expect(audit).toContainText('api_token');
  expect(await audit.textContent()).not.toContain(secret);
  expect(page.url()).not.toContain(secret);
  const local = await page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }));
  expect(local).not.toContain(secret);
  expect(logged.join('\n')).not.toContain(secret);
});

test('each instance has its own limits and /workspace', async ({ page }) => {
  const app = await openTextTools(page);
  const workspace = page.getByRole('region', { name: 'Workspace' });
  await workspace.getByLabel('Upload to workspace').setInputFiles({
    name: 'default.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('kept by default\n'),
  });
  await expect(workspace.getByRole('listitem').filter({ hasText: 'default.txt' })).toBeVisible();

  await app.newInstance('quick');
  await expect(workspace).toContainText('No files yet.');
  await app.setTimeoutMs(2000);
  await expect(page.getByLabel('Timeout (ms)')).toHaveValue('2000');

  await app.instance.selectOption('default');
  await expect(workspace.getByRole('listitem').filter({ hasText: 'default.txt' })).toBeVisible();
  await expect(page.getByLabel('Timeout (ms)')).not.toHaveValue('2000');
  await app.instance.selectOption('quick');
  await expect(page.getByLabel('Timeout (ms)')).toHaveValue('2000');
  await expect(workspace).toContainText('No files yet.');
});

test('an instance can be renamed and deleted; default stays', async ({ page }) => {
  const app = await openTextTools(page);
  const bar = page.getByRole('group', { name: 'Instances' });
  await expect(bar.getByRole('button', { name: 'Rename' })).toBeDisabled();
  await expect(bar.getByRole('button', { name: 'Delete' })).toBeDisabled();

  await app.newInstance('draft');
  await app.setConfig({ greeting: 'Hey' });
  await bar.getByRole('button', { name: 'Rename' }).click();
  const naming = page.getByRole('form', { name: 'Rename instance' });
  await naming.getByLabel('Instance name').fill('default');
  await naming.getByRole('button', { name: 'Rename' }).click();
  await expect(bar.getByRole('alert')).toHaveText('There is an instance named default already.');
  await naming.getByLabel('Instance name').fill('casual');
  await naming.getByRole('button', { name: 'Rename' }).click();
  await expect(app.instance.locator('option')).toHaveText(['default', 'casual']);
  await expect(app.instance).toHaveValue('casual');
  await expect(app.configuration.getByLabel('Value of greeting')).toHaveValue('Hey');

  await bar.getByRole('button', { name: 'Delete' }).click();
  await bar.getByRole('button', { name: 'Delete casual' }).click();
  await expect(app.instance).toHaveValue('default');
  await expect(app.instance.locator('option')).toHaveText(['default']);
  await page.reload();
  await app.openSkill('text-tools', 'greet');
  await expect(app.instance.locator('option')).toHaveText(['default']);
});
