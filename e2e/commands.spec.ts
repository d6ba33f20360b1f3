import path from 'node:path';
import { expect, test } from '@playwright/test';
import { describeMeasured, figure, HOSTILE, measure } from './figures';
import { BUILT_FIXTURES, Playground } from './playground';

test.describe('command skills', () => {
  test(
    'a C WASI preview1 command is wrapped in the browser and reads its JSON input from stdin; a non-zero exit fails',
    HOSTILE,
    async ({ page }) => {
      const app = new Playground(page);
      await app.open();
      await app.openFixture('c-command', 'echo');
      await expect(page.getByText('WASI preview1 module, wrapped')).toBeVisible();
      await expect(page.getByRole('tab')).toHaveText(['echo', 'lines', 'note']);

      await app.field('echo', 'message').fill('hello from the form');
      await app.run('echo');
      await app.expectStatus('ok');
      await expect(app.result.getByTestId('run-exit')).toHaveText('exit code 0');
      // stdin carried the form as JSON, SKILL_INPUT the same, SKILL_NAME the skill.
      await expect(app.output).toContainText('"message": "hello from the form"');
      await expect(app.output).toContainText('"skillName": "c-command"');
      await expect(app.output).toContainText('"inputEnvMatches": true');

      // A non-zero exit is a failure that names the status; stderr is shown. WASI 0.2's exit
      // carries only success or failure, so the adapter turns exit(3) into status 1.
      await app.field('echo', 'exit').fill('3');
      const before = await app.storageSnapshot();
      const failed = await measure(page, async () => {
        await app.run('echo');
        await app.expectStatus('error');
      });
      figure('Run to the non-zero exit', describeMeasured(failed));
      await expect(app.result).toContainText('The command exited with status 1.');
      await expect(page.getByRole('region', { name: 'stderr' })).toContainText(
        'asked to exit with 3',
      );
      // The failed run is kept in History, as every run is; nothing else.
      await app.expectStorageUnchanged(before, { history: true, transpiles: true });
      await app.expectNormalRunWorks();
    },
  );

  test('a line-text tool streams each line to the page as it is written', async ({ page }) => {
    const app = new Playground(page);
    await app.open();
    await app.openFixture('c-command', 'echo');
    await app.tab('lines').click();
    await app.field('lines', 'text').fill('first\nsecond\nthird\nfourth');
    await app.run('lines');
    const stdout = page.getByRole('region', { name: 'stdout' });
    // The command pauses 400 ms between lines: the first is on the page while it still runs.
    await expect(stdout).toContainText('FIRST');
    await expect(app.result).toHaveAttribute('data-run-status', 'running');
    await expect(stdout).not.toContainText('FOURTH');
    await app.expectStatus('ok');
    await expect(stdout).toContainText('FOURTH');
    await expect(app.result.getByTestId('run-exit')).toHaveText('exit code 0 · 4 lines');
  });

  test('an OpenSkills skill runs its wasm/skill.wasm command for each wasm action', async ({
    page,
  }) => {
    const app = new Playground(page);
    await app.open();
    await app.openFixture('openskills-command', 'greet');
    // The script action cannot run in a browser, and says so.
    await expect(page.getByRole('region', { name: 'Diagnostics' })).toContainText(
      'only wasm actions run in a browser',
    );
    await expect(page.getByRole('tab')).toHaveText(['greet']);
    await app.field('greet', 'name').fill('Ada');
    await app.field('greet', 'punctuation').fill('?');
    await app.run('greet');
    await app.expectStatus('ok');
    await expect(app.output).toContainText('"message": "Hello, Ada?"');
  });

  test('a component with no manifest gets one run tool with a JSON editor', async ({ page }) => {
    const app = new Playground(page);
    await app.open();
    await page
      .getByLabel('Open skill file')
      .setInputFiles(path.join(BUILT_FIXTURES, 'openskills-command/wasm/skill.wasm'));
    await app.expectLoaded('run');
    await app.field('run', 'input').fill('{"name": "JSON editor", "punctuation": "."}');
    await app.run('run');
    await app.expectStatus('ok');
    await expect(app.output).toContainText('"message": "Hello, JSON editor."');
  });
});

test('a skill-basic component reads its configuration through get-config and get-all-config', async ({
  page,
}) => {
  const app = new Playground(page);
  await app.open();
  await app.openFixture('basic-skill', 'config-value');
  await app.field('config-value', 'key').fill('region');
  await app.run('config-value');
  await app.expectStatus('ok');
  await expect(app.output).toHaveText('(not set)');

  await app.setConfig({ region: 'eu-west-1', token: 's3cret' });

  await app.run('config-value');
  await app.expectStatus('ok');
  await expect(app.output).toHaveText('eu-west-1');
  await app.tab('all-config').click();
  await app.run('all-config');
  await app.expectStatus('ok');
  await expect(app.output).toHaveText('region=eu-west-1\ntoken=s3cret');
});
