import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { Playground } from './playground';

// astrid capsules (Capsule.toml + Extism plugins) run in the skill's worker with @extism/extism
// and astrid 0.1.1's host functions (shared/reference/skill-formats.md, section 3).

async function openUnruly(page: Page): Promise<Playground> {
  const app = new Playground(page);
  await app.open();
  await app.openFixture('unruly-capsule', 'echo');
  return app;
}

async function expectEchoWorks(app: Playground) {
  await app.tab('echo').click();
  await app.field('echo', 'message').fill('still alive');
  await app.run('echo');
  await app.expectStatus('ok');
  await expect(app.output).toHaveText('still alive');
}

async function auditRecord(app: Playground) {
  await app.result.getByText('Run details').click();
  return JSON.parse((await app.result.getByTestId('audit-record').textContent()) ?? '{}');
}

test('the example capsule reads its configuration, and keeps a file and a count across runs and reloads', async ({
  page,
}) => {
  const app = new Playground(page);
  await app.open();
  await app.openSkill('notes-capsule', 'greet');
  await expect(page.getByRole('tab')).toHaveText(['greet', 'save_note']);

  // Nothing configured: the [env] default answers astrid_get_config.
  await app.run('greet');
  await app.expectStatus('ok');
  await expect(app.output).toHaveText('Hello, nobody! No API token is set.');

  const config = page.getByRole('form', { name: 'Configuration' });
  await expect(config).toContainText('Whose notes are these?');
  await expect(config.getByLabel('Value of api_token')).toHaveAttribute('type', 'password');
  await config.getByLabel('Value of owner').fill('Ada');
  await config.getByLabel('Value of api_token').fill('sk-123456789');
  await config.getByRole('button', { name: 'Save configuration' }).click();
  await expect(config.getByRole('status')).toContainText('Saved');

  await app.field('greet', 'greeting').fill('Hi');
  await app.run('greet');
  await app.expectStatus('ok');
  // The tool returned a string: it arrives as JSON, is shown decoded, its raw bytes a click away.
  await expect(app.output).toHaveText('Hi, Ada! The API token is set (12 characters).');
  await app.result.getByText(/^Raw output/).click();
  await expect(app.result.getByTestId('raw-output')).toHaveText(
    '"Hi, Ada! The API token is set (12 characters)."',
  );
  // WASI is on: what it prints is stdout; astrid_log goes to the run's log.
  await expect(page.getByRole('region', { name: 'stdout' })).toContainText(
    'greet: the owner is Ada',
  );
  await expect(page.getByRole('region', { name: 'stderr' })).toContainText('[info] greeting Ada');

  const saveNote = async (title: string, text: string) => {
    await app.tab('save_note').click();
    await app.field('save_note', 'title').fill(title);
    await app.field('save_note', 'text').fill(text);
    await app.run('save_note');
    await app.expectStatus('ok');
  };
  await saveNote('first', 'hello from the capsule');
  await expect(app.output).toContainText('"path": "notes/first.txt"');
  await expect(app.output).toContainText('"content": "hello from the capsule"');
  await expect(app.output).toContainText('"notesSaved": 1');
  const workspace = page.getByRole('region', { name: 'Workspace' });
  const file = (p: string) => workspace.getByRole('listitem').filter({ hasText: p });
  await expect(file('notes/first.txt')).toHaveAttribute('data-file-mark', 'new');

  await saveNote('second', 'again');
  await expect(app.output).toContainText('"notesSaved": 2');
  const audit = await auditRecord(app);
  expect(audit).toMatchObject({
    tool: 'save_note',
    exitStatus: { kind: 'success' },
    permissionsUsed: [
      'tool:save_note',
      'env:owner',
      'env:api_token',
      'fs:/skill:read',
      'fs:/workspace:read-write',
    ],
    hostFunctionsRefused: [],
  });

  // The key-value store and /workspace are kept in IndexedDB.
  await page.reload();
  // The tool last chosen comes back with the page.
  await app.openSkill('notes-capsule', 'save_note');
  await saveNote('third', 'after a reload');
  await expect(app.output).toContainText('"notesSaved": 3');
  await expect(file('notes/first.txt')).toBeVisible();
});

test('the example capsule’s folder, dragged in, is configured and runs both its tools', async ({
  page,
}) => {
  const app = new Playground(page);
  await app.open();
  const built = path.resolve(import.meta.dirname, '../public/examples/notes-capsule');
  await app.dropFolderAsEntries({
    'notes-capsule/Capsule.toml': readFileSync(path.join(built, 'Capsule.toml')).toString('base64'),
    'notes-capsule/bin/notes.wasm': readFileSync(path.join(built, 'bin/notes.wasm')).toString(
      'base64',
    ),
  });
  await app.expectLoaded('greet');
  await app.setConfig({ owner: 'Lin' });
  await app.run('greet');
  await app.expectStatus('ok');
  await expect(app.output).toHaveText('Hello, Lin! No API token is set.');
  await app.tab('save_note').click();
  await app.field('save_note', 'title').fill('dropped');
  await app.field('save_note', 'text').fill('from a folder');
  await app.run('save_note');
  await app.expectStatus('ok');
  await expect(app.output).toContainText('"content": "from a folder"');
  await expect(
    page.getByRole('region', { name: 'Workspace' }).getByRole('listitem').filter({
      hasText: 'notes/dropped.txt',
    }),
  ).toBeVisible();
});

test('a capsule runs in a worker whose policy allows WebAssembly but not eval', async ({
  page,
}) => {
  // A worker takes its Content-Security-Policy from its own script's response, not from the
  // page's <meta>: the one vite preview serves must let Extism compile and nothing eval.
  const policies: string[] = [];
  page.on('response', (response) => {
    if (/runtime\.worker[^/]*\.js/.test(response.url())) {
      policies.push(response.headers()['content-security-policy'] ?? '');
    }
  });
  const app = new Playground(page);
  await app.open();
  await app.openSkill('notes-capsule', 'greet');
  await app.run('greet');
  await app.expectStatus('ok');
  await expect(app.output).toHaveText('Hello, nobody! No API token is set.');
  expect(policies[0]).toContain("script-src 'self' blob: 'wasm-unsafe-eval';");
  expect(policies[0]).not.toContain("'unsafe-eval'");
});

test('a capsule that spins is stopped at its timeout, and the next run works', async ({ page }) => {
  const app = await openUnruly(page);
  // astrid's own timeout first (10 s), with nothing set by the person.
  await app.tab('spin').click();
  await app.run('spin');
  await app.expectStatus('timeout');
  await expect(app.result).toContainText('took longer than its 10 s limit');
  await expectEchoWorks(app);

  // The person's shorter timeout wins.
  await app.setTimeoutMs(1000);
  await app.tab('spin').click();
  await app.run('spin');
  await app.expectStatus('timeout');
  await expect(app.result).toContainText('took longer than its 1 s limit');
  await expectEchoWorks(app);
});

test('a capsule that grows its memory past its limit fails with a memory error', async ({
  page,
}) => {
  const app = await openUnruly(page);
  await app.tab('grow').click();
  await app.run('grow');
  await app.expectStatus('error');
  // astrid's own limit: 1024 pages.
  await expect(app.result).toContainText('MemoryLimit');
  await expect(app.result).toContainText('64 MiB memory limit');

  // The person's lower limit wins over the capsule's.
  await app.openLimits();
  const input = page.getByLabel('Memory (MiB)');
  await input.fill('32');
  await input.press('Enter');
  await app.run('grow');
  await app.expectStatus('error');
  await expect(app.result).toContainText('32 MiB memory limit');
  await expectEchoWorks(app);
});

test('a host function the playground does not serve fails the run with its reason, in the audit', async ({
  page,
}) => {
  const app = await openUnruly(page);
  await expect(page.getByTestId('stubbed-imports')).toContainText('astrid_ipc_publish');
  await app.tab('publish').click();
  await app.run('publish');
  await app.expectStatus('error');
  await expect(app.result).toContainText(
    'The capsule called astrid_ipc_publish, which is not available in the playground',
  );
  const audit = await auditRecord(app);
  expect(audit.exitStatus.kind).toBe('failed');
  expect(audit.hostFunctionsRefused).toEqual([
    {
      function: 'astrid_ipc_publish',
      reason: 'unavailable',
      detail: "astrid's event bus (IPC) connects capsules inside astrid",
    },
  ]);

  await app.tab('schedule').click();
  await app.run('schedule');
  await app.expectStatus('error');
  await expect(app.result).toContainText('astrid_cron_schedule, which is not available');
  await expectEchoWorks(app);
});

test('file and network host functions keep to the grants', async ({ page, baseURL }) => {
  const app = await openUnruly(page);
  // The capsule asks for no files: a write is refused until the person grants one.
  await app.tab('write_note').click();
  await app.run('write_note');
  await app.expectStatus('error');
  await expect(app.result).toContainText('PermissionDenied');
  await expect(app.result).toContainText('security denied write_file of "note.txt"');
  await page.getByRole('form', { name: 'Permissions' }).getByLabel('Write files').check();
  await app.run('write_note');
  await app.expectStatus('ok');
  await expect(
    page
      .getByRole('region', { name: 'Workspace' })
      .getByRole('listitem')
      .filter({ hasText: 'note.txt' }),
  ).toBeVisible();

  const own = new URL(baseURL!);
  await app.tab('fetch').click();
  await app.field('fetch', 'url').fill(new URL('examples/index.json', own).href);
  await app.run('fetch');
  await app.expectStatus('error');
  await expect(app.result).toContainText('PermissionDenied');
  expect((await auditRecord(app)).networkDenied).toEqual([own.host]);

  await page.getByLabel('Allowed hosts').fill(own.host);
  await app.run('fetch');
  await app.expectStatus('ok');
  await expect(app.output).toContainText('"status": 200');
  await expect(app.output).toContainText('notes-capsule');
});

test('a capsule of several [[component]] plugins lists each one’s tools and runs them', async ({
  page,
}) => {
  const app = new Playground(page);
  await app.open();
  // A tool inside a group is shown, and its form named, by its own name.
  await app.openFixture('multi-capsule', 'ping');
  const tabs = page.getByRole('tablist', { name: 'Tools of this skill' });
  await expect(tabs).toHaveText(/alpha\s*ping\s*beta\s*reverse/);
  await expect(page.getByRole('tab')).toHaveText(['ping', 'reverse']);

  await app.run('ping');
  await app.expectStatus('ok');
  await expect(app.output).toHaveText('pong from alpha');
  await app.tab('reverse').click();
  await app.field('reverse', 'text').fill('hello');
  await app.run('reverse');
  await app.expectStatus('ok');
  await expect(app.output).toHaveText('olleh');
});

test('a capsule shaped like an astrid-sdk build runs, with its configuration', async ({ page }) => {
  const app = new Playground(page);
  await app.open();
  await app.openFixture('sdk-capsule', 'describe');
  // It imports every astrid function; those the playground does not serve are named.
  await expect(page.getByTestId('stubbed-imports')).toContainText('astrid_uplink_send');

  await app.run('describe');
  await app.expectStatus('ok');
  await expect(app.output).toHaveText('null');

  const config = page.getByRole('form', { name: 'Configuration' });
  await config.getByLabel('Value of greeting').fill('hi there');
  await config.getByRole('button', { name: 'Save configuration' }).click();
  await expect(config.getByRole('status')).toContainText('Saved');
  await app.run('describe');
  await app.expectStatus('ok');
  await expect(app.output).toHaveText('hi there');
  await expect(page.getByRole('region', { name: 'stderr' })).toContainText(
    '[info] sdk-shaped capsule: describe',
  );

  await app.tab('version').click();
  await app.run('version');
  await app.expectStatus('ok');
  await expect(app.output).toContainText('"sdk": "astrid-sdk"');
});

test('a capsule run is kept in History and travels in a share link like any other run', async ({
  page,
  browser,
  baseURL,
}) => {
  // The capsule is compiled twice: here, and in the fresh browser the link opens in.
  test.slow();
  const app = new Playground(page);
  await app.open();
  await app.openSkill('notes-capsule', 'greet');
  await app.setConfig({ owner: 'Grace', api_token: 'sk-never-shared' }, ['api_token']);
  await app.field('greet', 'greeting').fill('Welcome');
  await app.run('greet');
  await app.expectStatus('ok');
  await expect(app.output).toHaveText('Welcome, Grace! The API token is set (15 characters).');

  await app.showHistory();
  await expect(app.historyRuns.locator('.history-tool')).toHaveText(['greet']);
  await app.historyRuns
    .first()
    .getByRole('button', { name: /^Open greet/ })
    .click();
  const past = app.history.getByRole('article', { name: 'Past run' });
  await expect(past.getByTestId('past-arguments')).toContainText('"greeting": "Welcome"');
  await expect(past).toContainText('Welcome, Grace!');
  await expect(past).not.toContainText('sk-never-shared');

  await page.getByRole('button', { name: 'Share', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Share' });
  const link = await dialog.getByLabel('Share link').inputValue();
  expect(link).toMatch(/#v=1&s=/);
  await dialog.getByRole('button', { name: 'Close' }).click();

  const { context, app: fresh } = await Playground.inFreshContext(browser, baseURL);
  await fresh.page.goto(link);
  const banner = fresh.page.getByRole('region', { name: 'Shared link' });
  await expect(banner.getByTestId('shared-tool')).toHaveText('greet');
  await expect(banner.getByRole('list', { name: 'Shared arguments' })).toHaveText(
    'greeting = Welcome',
  );
  await expect(banner.getByRole('list', { name: 'Shared configuration' })).toHaveText(
    'owner = Grace',
  );
  await banner.getByRole('button', { name: 'Load and run' }).click();
  await fresh.expectLoaded('greet');
  await fresh.expectStatus('ok');
  // The secret stayed behind: the capsule reads no token in the other browser.
  await expect(fresh.output).toHaveText('Welcome, Grace! No API token is set.');
  await context.close();
});
