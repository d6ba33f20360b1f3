import { readFileSync, writeFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { DATABASES } from '../src/storage/keys';
import { Playground } from './playground';

/** axe finds nothing on the page as it is (the History region included). */
async function expectNoViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  await page.bringToFront();
  expect(
    violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);
}

/** Fills and runs one tool of text-tools, and waits for it to succeed. */
async function runWith(app: Playground, tool: string, fields: Record<string, string>) {
  await app.tab(tool).click();
  for (const [name, value] of Object.entries(fields)) await app.field(tool, name).fill(value);
  await app.run(tool);
  await app.expectStatus('ok');
}

test('the inputs of each tool and the chosen tool come back after a reload', async ({ page }) => {
  const app = new Playground(page);
  await app.open();
  await app.openSkill('text-tools', 'greet');
  await app.field('greet', 'name').fill('Ada');
  await app.tab('slugify').click();
  await app.field('slugify', 'text').fill('Hello Big World');
  await app.field('slugify', 'separator').fill('_');
  // Each change is written to IndexedDB as it is made: wait until the last one is there.
  const key = await app.currentSkillKey();
  await expect
    .poll(async () => {
      const stored = (await app.storedValue(DATABASES.inputs, [
        'inputs',
        key,
        'default',
        'slugify',
      ])) as { drafts?: Record<string, unknown> } | null;
      return stored?.drafts?.separator;
    })
    .toBe('_');

  // The address names the skill and the tool, never what was typed.
  expect(page.url()).toContain('tool=slugify');
  expect(page.url()).not.toContain('Hello');
  await page.reload();
  await app.expectLoaded('slugify');
  await expect(app.tab('slugify')).toHaveAttribute('aria-selected', 'true');
  await expect(app.field('slugify', 'text')).toHaveValue('Hello Big World');

  // Without the fragment, the tool and the inputs come from IndexedDB alone.
  await page.goto('/');
  await app.openSkill('text-tools', 'slugify');
  await expect(app.field('slugify', 'separator')).toHaveValue('_');
  await app.tab('greet').click();
  await expect(app.field('greet', 'name')).toHaveValue('Ada');
});

test('each instance keeps its own inputs: switching shows what was typed for it', async ({
  page,
}) => {
  const app = new Playground(page);
  await app.open();
  await app.openSkill('text-tools', 'greet');
  await app.field('greet', 'name').fill('Ada');
  await app.newInstance('staging');
  // A new instance has typed nothing yet: its form starts from the defaults.
  await expect(app.field('greet', 'name')).toHaveValue('');
  await app.field('greet', 'name').fill('Grace');
  await app.instance.selectOption('default');
  await expect(app.field('greet', 'name')).toHaveValue('Ada');
  await app.instance.selectOption('staging');
  await expect(app.field('greet', 'name')).toHaveValue('Grace');

  // After a reload, the chosen instance and its inputs come back together.
  await page.reload();
  await app.expectLoaded('greet');
  await expect(app.instance).toHaveValue('staging');
  await expect(app.field('greet', 'name')).toHaveValue('Grace');
});

test('Back and Forward move between the tools chosen', async ({ page }) => {
  const app = new Playground(page);
  await app.open();
  await app.openSkill('text-tools', 'greet');
  await app.tab('word-count').click();
  await app.expectLoaded('word-count');
  await app.tab('slugify').click();
  await app.expectLoaded('slugify');

  await page.goBack();
  await expect(app.tab('word-count')).toHaveAttribute('aria-selected', 'true');
  await page.goBack();
  await expect(app.tab('greet')).toHaveAttribute('aria-selected', 'true');
  await page.goForward();
  await expect(app.tab('word-count')).toHaveAttribute('aria-selected', 'true');
  await expect(app.form('word-count')).toBeVisible();
});

test('runs are listed newest first, filter by tool and status, and Re-run fills the form without running', async ({
  page,
}) => {
  const app = new Playground(page);
  await app.open();
  await app.openSkill('text-tools', 'greet');
  await runWith(app, 'greet', { name: 'Ada' });
  await runWith(app, 'word-count', { text: 'one two' });
  await runWith(app, 'slugify', { text: 'A Title' });

  await app.showHistory();
  await expect(app.historyRuns).toHaveCount(3);
  await expect(app.historyRuns.locator('.history-tool')).toHaveText([
    'slugify',
    'word-count',
    'greet',
  ]);
  await app.history.getByLabel('Tool').selectOption('greet');
  await expect(app.historyRuns.locator('.history-tool')).toHaveText(['greet']);
  await app.history.getByLabel('Status').selectOption('error');
  await expect(app.historyRuns).toHaveCount(0);
  await app.history.getByLabel('Status').selectOption('ok');
  await expect(app.historyRuns).toHaveCount(1);

  // The greet run, opened: what it was given and what it said.
  await app.historyRuns
    .first()
    .getByRole('button', { name: /^Open greet/ })
    .click();
  const past = app.history.getByRole('article', { name: 'Past run' });
  await expect(past.getByTestId('past-arguments')).toContainText('"name": "Ada"');
  await expect(past).toContainText('Hello, Ada.');
  await expectNoViolations(page);

  await app.tab('greet').click();
  await app.field('greet', 'name').fill('Bob');
  await past.getByRole('button', { name: 'Re-run' }).click();
  await expect(app.tab('greet')).toHaveAttribute('aria-selected', 'true');
  await expect(app.field('greet', 'name')).toHaveValue('Ada');
  // Nothing ran: the history still holds three runs, and greet's result is its first run's.
  const historyButton = page.getByRole('button', { name: /^History/ });
  await expect(historyButton).toHaveText('History (3)');
  await expect(app.output).toHaveText('Hello, Ada.');
  await app.run('greet');
  await app.expectStatus('ok');
  await expect(historyButton).toHaveText('History (4)');
});

test('two runs compared show the keys and lines that differ', async ({ page }) => {
  const app = new Playground(page);
  await app.open();
  await app.openSkill('text-tools', 'greet');
  await runWith(app, 'word-count', { text: 'one two' });
  await runWith(app, 'word-count', { text: 'one two three' });
  await runWith(app, 'greet', { name: 'Ada' });
  await runWith(app, 'greet', { name: 'Bob' });

  await app.showHistory();
  const rows = app.historyRuns;
  await rows.nth(2).getByRole('checkbox').check();
  await rows.nth(3).getByRole('checkbox').check();
  await app.history.getByRole('button', { name: 'Compare' }).click();
  const comparison = app.history.getByRole('article', { name: 'Comparison' });
  const args = comparison.getByRole('region', { name: 'Arguments that differ' });
  await expect(args.getByRole('row', { name: /\/text/ })).toContainText('"one two three"');
  const output = comparison.getByRole('region', { name: 'Output that differs' });
  await expect(output.getByRole('row', { name: /\/words/ })).toHaveText(/\/words\s*2\s*3/);
  await expect(output.getByRole('row', { name: /\/characters/ })).toBeVisible();
  await expect(output.getByRole('row', { name: /\/lines/ })).toHaveCount(0);
  await expectNoViolations(page);

  // Text outputs differ by line.
  await comparison.getByRole('button', { name: 'Close comparison' }).click();
  await rows.nth(2).getByRole('checkbox').uncheck();
  await rows.nth(3).getByRole('checkbox').uncheck();
  await rows.nth(0).getByRole('checkbox').check();
  await rows.nth(1).getByRole('checkbox').check();
  await app.history.getByRole('button', { name: 'Compare' }).click();
  const lines = comparison.getByRole('region', { name: 'Output that differs' });
  await expect(lines.locator('[data-change="removed"]')).toHaveText('- Hello, Ada.\n');
  await expect(lines.locator('[data-change="added"]')).toHaveText('+ Hello, Bob.\n');
});

test('a history exported is imported into a fresh browser, and a bad file is refused', async ({
  page,
  browser,
}) => {
  const app = new Playground(page);
  await app.open();
  await app.openSkill('text-tools', 'greet');
  await runWith(app, 'greet', { name: 'Ada' });
  await runWith(app, 'word-count', { text: 'one two' });
  await app.showHistory();
  await expect(app.historyRuns).toHaveCount(2);
  const download = page.waitForEvent('download');
  await app.history.getByRole('button', { name: 'Export history' }).click();
  const file = test.info().outputPath('history.json');
  await (await download).saveAs(file);
  const exported = JSON.parse(readFileSync(file, 'utf8')) as { format: string; runs: unknown[] };
  expect(exported).toMatchObject({ format: 'skill-playground-history', version: 1 });
  expect(exported.runs).toHaveLength(2);

  const { context: fresh, app: other } = await Playground.inFreshContext(
    browser,
    test.info().project.use.baseURL,
  );
  await other.open();
  await other.openSkill('text-tools', 'greet');
  await other.showHistory();
  await expect(other.history).toContainText('No runs yet');
  const bad = test.info().outputPath('bad.json');
  writeFileSync(bad, '{"format": "something else"}');
  await other.history.getByLabel('Import history').setInputFiles(bad);
  await expect(other.history.getByRole('alert')).toContainText('not an exported history');
  await other.history.getByLabel('Import history').setInputFiles(file);
  await expect(other.history.getByTestId('history-notice')).toContainText('Imported 2 runs');
  await expect(other.historyRuns.locator('.history-tool')).toHaveText(['word-count', 'greet']);
  await other.historyRuns
    .nth(1)
    .getByRole('button', { name: /^Open greet/ })
    .click();
  await expect(other.history.getByRole('article', { name: 'Past run' })).toContainText(
    'Hello, Ada.',
  );
  await fresh.close();
});

test('past its bound the history prunes the oldest unpinned run, says so, and keeps pinned ones', async ({
  page,
}) => {
  const app = new Playground(page);
  await app.open();
  await app.openSkill('text-tools', 'greet');
  await app.showHistory();
  const kept = app.history.getByLabel('Runs kept per skill');
  await kept.fill('2');
  await kept.press('Enter');
  await app.showResult();
  for (const name of ['Ada', 'Bob']) await runWith(app, 'greet', { name });
  await app.showHistory();
  await expect(app.historyRuns).toHaveCount(2);
  // The oldest, Ada's, is pinned: the next run prunes Bob's instead.
  await app.historyRuns.nth(1).getByRole('button', { name: /^Pin/ }).click();
  await expect(app.historyRuns.nth(1)).toHaveAttribute('data-pinned', 'true');
  await app.showResult();
  await runWith(app, 'greet', { name: 'Cy' });
  await app.showHistory();
  await expect(app.history.getByTestId('history-notice')).toHaveText(
    'The history keeps 2 runs of a skill: the oldest unpinned run was removed. Pin a run to keep it.',
  );
  await expect(app.historyRuns).toHaveCount(2);
  await app.historyRuns
    .nth(1)
    .getByRole('button', { name: /^Open greet/ })
    .click();
  await expect(app.history.getByTestId('past-arguments')).toContainText('"name": "Ada"');
});

test('a secret configuration value a run printed is in neither the history, its export nor the address', async ({
  page,
}) => {
  const app = new Playground(page);
  await app.open();
  await app.openSkill('text-tools', 'greet');
  const config = page.getByRole('form', { name: 'Configuration' });
  // text-tools declares its greeting, so the form has a row for it already.
  await config.getByLabel('Value of greeting').fill('Sesame-4242');
  await config.getByRole('checkbox', { name: 'secret' }).check();
  await config.getByRole('button', { name: 'Save configuration' }).click();
  await expect(config.getByRole('status')).toContainText('Saved');
  // The skill prints its configured greeting: the run itself shows it.
  await runWith(app, 'greet', { name: 'Ada' });
  await expect(app.output).toHaveText('Sesame-4242, Ada.');

  await app.showHistory();
  await app.historyRuns
    .first()
    .getByRole('button', { name: /^Open greet/ })
    .click();
  const past = app.history.getByRole('article', { name: 'Past run' });
  await expect(past).toContainText('(secret, not kept), Ada.');
  await expect(past).not.toContainText('Sesame-4242');
  const download = page.waitForEvent('download');
  await app.history.getByRole('button', { name: 'Export history' }).click();
  const file = test.info().outputPath('history.json');
  await (await download).saveAs(file);
  expect(readFileSync(file, 'utf8')).not.toContain('Sesame-4242');
  expect(page.url()).not.toContain('Sesame');
  // Nothing kept in the history's database holds it either.
  const kept = await page.evaluate(async (dbName) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(dbName);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const all = await new Promise<unknown[]>((resolve, reject) => {
      const request = db.transaction('runs').objectStore('runs').getAll();
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    db.close();
    return JSON.stringify(all);
  }, DATABASES.history.db);
  expect(kept).toContain('Ada');
  expect(kept).not.toContain('Sesame-4242');
});
