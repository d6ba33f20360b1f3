import { readFileSync } from 'node:fs';
import path from 'node:path';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { zipSync } from 'fflate';
import { BUILT_FIXTURES, Playground, text } from './playground';

// Share links: made in one browser context, opened in a fresh one (empty storage), where the
// skill, tool, arguments and configuration show before anything of the skill runs, and one click
// reproduces the run.

const BASIC = path.join(BUILT_FIXTURES, 'basic-skill');
const basicZip = (skillMd = readFileSync(path.join(BASIC, 'SKILL.md'))) =>
  Buffer.from(
    zipSync({
      'basic-skill/SKILL.md': skillMd,
      'basic-skill/index.json': readFileSync(path.join(BASIC, 'index.json')),
      'basic-skill/skill.wasm': readFileSync(path.join(BASIC, 'skill.wasm')),
    }),
  );
const REMOTE = 'https://skills.share.test/basic-skill.zip';

async function serve(page: Page, url: string, body: () => Buffer) {
  await page.route(url, (route) =>
    route.fulfill({
      body: body(),
      contentType: 'application/zip',
      headers: { 'Access-Control-Allow-Origin': '*' },
    }),
  );
}

/** A fresh context (empty storage) and page, with every dedicated worker it starts recorded. */
async function freshPage(browser: Browser, baseURL: string | undefined) {
  const { context, app } = await Playground.inFreshContext(browser, baseURL);
  const { page } = app;
  const workers: string[] = [];
  page.on('worker', (worker) => workers.push(worker.url()));
  const runtimeWorkers = () => workers.filter((url) => /runtime\.worker/.test(url));
  return { context, page, app, runtimeWorkers };
}

/** Presses Share and reads the link from the dialog's "Share link" field. */
async function share(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Share' });
  const field = dialog.getByLabel('Share link');
  await expect(field).toHaveValue(/#v=1&s=/);
  const link = await field.inputValue();
  await expect(dialog.getByTestId('share-link-length')).toContainText(
    `${link.length.toLocaleString('en')} characters`,
  );
  // Chat apps cut long links: past 2,000 characters the dialog says so.
  await expect(dialog.getByText('longer than 2,000 characters')).toHaveCount(
    link.length > 2000 ? 1 : 0,
  );
  await dialog.getByRole('button', { name: 'Close' }).click();
  return link;
}

/** What a link carries, decoded here as any reader could: the proof of what is (not) in it. */
const linkData = (link: string) =>
  inflateRawSync(Buffer.from(new URL(link).hash.replace(/^#v=1&s=/, ''), 'base64url')).toString();

test('a URL skill shared with its tool, arguments, config, limits and open file runs the same in a fresh browser, only on a click', async ({
  page,
  browser,
  baseURL,
}) => {
  // Two loads of a component, each transpiled in its own fresh context.
  test.slow();
  const app = new Playground(page);
  await serve(page, REMOTE, () => basicZip());
  await page.goto(`/?skill=${REMOTE}`);
  await page.getByRole('button', { name: 'Load its tools' }).click();
  await app.expectLoaded('config-value');
  await app.setConfig({ GREETING: 'hello from the link', API_TOKEN: 'tok-secret-123' }, [
    'API_TOKEN',
  ]);
  await app.setTimeoutMs(7000);
  await app.field('config-value', 'key').fill('GREETING');
  await app.run('config-value');
  await app.expectStatus('ok');
  await expect(app.output).toHaveText('hello from the link');
  await page.getByText(/^Files \(/).click();
  await page
    .getByRole('list', { name: 'Files of this skill' })
    .getByRole('button', { name: 'SKILL.md' })
    .click();

  // The shortcut opens the same dialog as the button.
  await page.keyboard.press('Control+Shift+S');
  await expect(page.getByRole('dialog', { name: 'Share' }).getByLabel('Share link')).toHaveValue(
    /#v=1&s=/,
  );
  await page.getByRole('dialog', { name: 'Share' }).getByRole('button', { name: 'Close' }).click();
  const link = await share(page);
  const carried = linkData(link);
  expect(carried).toContain('hello from the link');
  expect(carried).not.toContain('tok-secret-123');
  expect(carried).not.toContain('API_TOKEN');

  const fresh = await freshPage(browser, baseURL);
  await serve(fresh.page, REMOTE, () => basicZip());
  await fresh.page.goto(link);
  const banner = fresh.page.getByRole('region', { name: 'Shared link' });
  await expect(banner).toContainText(`fetched from ${REMOTE}`);
  await expect(banner.getByTestId('skill-unchanged')).toBeVisible();
  await expect(banner.getByTestId('shared-tool')).toHaveText('config-value');
  await expect(banner.getByRole('list', { name: 'Shared arguments' })).toHaveText('key = GREETING');
  await expect(banner.getByRole('list', { name: 'Shared configuration' })).toHaveText(
    'GREETING = hello from the link',
  );
  await expect(banner).toContainText('timeoutMs 7,000');
  // Nothing of the skill has run: no runtime worker, no component loaded, no form.
  await expect(fresh.app.skillLink('basic-skill')).toBeVisible();
  expect(fresh.runtimeWorkers()).toEqual([]);
  await expect(fresh.page.getByText('Loading the component in its worker')).toHaveCount(0);
  await expect(fresh.app.form('config-value')).toHaveCount(0);

  await banner.getByRole('button', { name: 'Load and run' }).click();
  // The click loads the component (transpiled in this fresh context), then runs the tool.
  await fresh.app.expectLoaded('config-value');
  await fresh.app.expectStatus('ok');
  await expect(fresh.app.output).toHaveText('hello from the link');
  expect(fresh.runtimeWorkers().length).toBeGreaterThan(0);
  await expect(fresh.app.field('config-value', 'key')).toHaveValue('GREETING');
  const freshConfig = fresh.page.getByRole('form', { name: 'Configuration' });
  await expect(freshConfig.getByLabel('Value of GREETING')).toHaveValue('hello from the link');
  await expect(freshConfig.getByLabel('Value of API_TOKEN')).toHaveCount(0);
  await expect(fresh.page.getByLabel('Timeout (ms)')).toHaveValue('7000');
  await expect(fresh.page.getByRole('region', { name: 'File SKILL.md' })).toBeVisible();
  await fresh.context.close();
});

test('a small local skill travels inside its link; script-bearing arguments stay text', async ({
  page,
  browser,
  baseURL,
}) => {
  const app = new Playground(page);
  await app.open();
  await app.dropFiles({
    'note-taker/SKILL.md': text(
      [
        '---',
        'name: note-taker',
        'description: Writes a note.',
        'arguments:',
        '  - name: title',
        '  - name: body',
        '---',
        'Note "${title}": ${body}',
      ].join('\n'),
    ),
    'note-taker/templates/note.md': text('# {{title}}\n'),
  });
  const payload = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
  const form = page.getByRole('form', { name: 'Arguments' });
  await form.getByLabel('title', { exact: true }).fill('Plan');
  await form.getByLabel('body', { exact: true }).fill(payload);
  await form.getByRole('button', { name: 'Render' }).click();
  const rendered = await page.getByTestId('rendered-instructions').textContent();
  expect(rendered).toBe(`Note "Plan": ${payload}`);
  const link = await share(page);
  expect(link.length).toBeLessThan(2000);
  await expect(page.getByRole('dialog', { name: 'Share' })).toBeHidden();

  const fresh = await freshPage(browser, baseURL);
  await fresh.page.goto(link);
  const banner = fresh.page.getByRole('region', { name: 'Shared link' });
  await expect(banner).toContainText('carried inside the link (2 text files)');
  await expect(banner.getByRole('list', { name: 'Shared arguments' })).toContainText(
    `body = ${payload}`,
  );
  // The payload is text: no element was made of it, nothing ran.
  await expect(fresh.page.locator('main img[src="x"], main script')).toHaveCount(0);
  expect(await fresh.page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
  await expect(fresh.page.getByTestId('rendered-instructions')).toHaveCount(0);

  await banner.getByRole('button', { name: 'Load and run' }).click();
  await expect(fresh.page.getByTestId('rendered-instructions')).toHaveText(rendered!);
  const freshForm = fresh.page.getByRole('form', { name: 'Arguments' });
  await expect(freshForm.getByLabel('body', { exact: true })).toHaveValue(payload);
  expect(await fresh.page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
  await fresh.context.close();
});

test('a skill with a component is not inlined: the dialog says why and links to where it is published, and a changed copy there is flagged', async ({
  page,
  browser,
  baseURL,
}) => {
  // The component loads once, then the link is opened in two fresh contexts.
  test.slow();
  const app = new Playground(page);
  await app.open();
  await app.openFixture('basic-skill', 'config-value');
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Share' });
  await expect(dialog.getByRole('alert')).toContainText(
    'basic-skill cannot travel inside a link. It holds binary files (skill.wasm)',
  );
  await expect(dialog.getByRole('button', { name: 'Export as .skill' })).toBeVisible();
  await dialog.getByLabel('Published at').fill(REMOTE);
  await dialog.getByRole('button', { name: 'Make a link to it' }).click();
  const link = await dialog.getByLabel('Share link').inputValue();
  expect(link).toContain('#v=1&s=');
  await expect(dialog.getByLabel('Badge for a README')).toHaveValue(
    `[![Open in Skill Playground](${baseURL}open-in-skill-playground.svg)](${baseURL}?skill=${encodeURIComponent(REMOTE)})`,
  );

  // Served as it was shared: the same files.
  const same = await freshPage(browser, baseURL);
  await serve(same.page, REMOTE, () => basicZip());
  await same.page.goto(link);
  await expect(same.page.getByTestId('skill-unchanged')).toBeVisible();
  await same.context.close();

  // Changed since: said plainly, before anything runs.
  const changed = await freshPage(browser, baseURL);
  await serve(changed.page, REMOTE, () =>
    basicZip(Buffer.from('---\nname: basic-skill\ndescription: A newer version.\n---\n')),
  );
  await changed.page.goto(link);
  await expect(changed.page.getByTestId('skill-changed')).toContainText(
    'changed since this link was made',
  );
  expect(changed.runtimeWorkers()).toEqual([]);
  await changed.context.close();
});

test('malformed, truncated, oversized and bomb links are refused with a sentence, and nothing changes', async ({
  page,
}) => {
  const app = new Playground(page);
  await app.open();
  // Text that does not compress, so the link to it is long enough to be flagged.
  let seed = 7;
  const noise = Array.from({ length: 4000 }, () =>
    ((seed = (seed * 48271) % 2147483647) % 16).toString(16),
  ).join('');
  await app.dropFiles({
    'kept-skill/SKILL.md': text(`---\nname: kept-skill\ndescription: Stays.\n---\n${noise}\n`),
  });
  await expect(app.skillLink('kept-skill')).toHaveAttribute('aria-current', 'page');
  const links = await app.skills.getByRole('link').allTextContents();

  const good = await share(page);
  expect(good.length).toBeGreaterThan(2000);
  const data = new URL(good).hash.slice('#v=1&s='.length);
  // 16 MiB of spaces deflate to a link short enough to open: the inflate must stop it.
  const bomb = deflateRawSync(Buffer.alloc(16 * 1024 * 1024, 0x20)).toString('base64url');
  const cases: Array<[hash: string, says: string]> = [
    ['#v=1&s=not*base64', 'not a share link this playground can read'],
    [`#v=1&s=${data.slice(0, Math.floor(data.length / 2))}`, 'cut short or damaged'],
    [`#v=1&s=${'A'.repeat(40_000)}`, 'characters long'],
    [`#v=1&s=${bomb}`, 'decompression bomb'],
    [`#v=9&s=${data}`, 'newer Skill Playground'],
  ];
  for (const [hash, says] of cases) {
    await page.evaluate((h) => (window.location.hash = h), hash);
    const notice = page.getByRole('alert').filter({ hasText: says });
    await expect(notice).toBeVisible();
    await notice.getByRole('button', { name: 'Dismiss' }).click();
  }
  await expect(page.getByRole('region', { name: 'Shared link' })).toHaveCount(0);
  expect(await app.skills.getByRole('link').allTextContents()).toEqual(links);
  await expect(app.skillLink('kept-skill')).toHaveAttribute('aria-current', 'page');

  // Opened as a page's first address, the same: the kept skill is still there after a reload.
  await page.goto(`/#v=1&s=${data.slice(0, 20)}`);
  await expect(page.getByRole('alert').filter({ hasText: 'cut short or damaged' })).toBeVisible();
  await expect(app.skillLink('kept-skill')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Shared link' })).toHaveCount(0);
});
