import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { zipSync } from 'fflate';
import { BUILT_FIXTURES, Playground } from './playground';

const UNRULY = path.join(BUILT_FIXTURES, 'unruly-skill');
const fixture = (name: string) => readFileSync(path.join(UNRULY, name));

async function loadViaDialog(app: Playground, url: string) {
  await app.page.getByRole('button', { name: 'Load from URL' }).click();
  const dialog = app.page.getByRole('dialog', { name: 'Load from URL' });
  await dialog.getByLabel('Skill URL').fill(url);
  await dialog.getByRole('button', { name: 'Load' }).click();
  return dialog;
}

test.describe('loading from a URL', () => {
  test('?skill= opens a folder URL served by the test server, and nothing runs before a click', async ({
    page,
  }) => {
    const app = new Playground(page);
    await page.goto('/?skill=examples/data-tools/');
    await expect(app.skills.getByRole('link', { name: 'data-tools' })).toHaveCount(2);
    await expect(page.getByText(/From http:\/\/\S+\/examples\/data-tools\//)).toBeVisible();
    // The component is compiled first (that runs none of its code), so this waits as a load does.
    await expect(page.getByText('nothing of it has run')).toBeVisible({ timeout: 60_000 });
    await expect(page.getByRole('form', { name: 'stats' })).toHaveCount(0);

    await page.getByRole('button', { name: 'Load its tools' }).click();
    await app.expectLoaded('stats');
    await app.tab('scale').click();
    await app.field('scale', 'value').fill('4');
    await app.run('scale');
    await app.expectStatus('ok');
    await expect(app.output).toHaveText('8');
  });

  test('the Load from URL dialog opens a .skill archive', async ({ page }) => {
    const app = new Playground(page);
    await page.route('**/remote/unruly-skill.skill', (route) =>
      route.fulfill({
        body: Buffer.from(
          zipSync({
            'unruly-skill/SKILL.md': fixture('SKILL.md'),
            'unruly-skill/skill.wasm': fixture('skill.wasm'),
          }),
        ),
        contentType: 'application/octet-stream',
      }),
    );
    await app.open();
    const dialog = await loadViaDialog(app, '/remote/unruly-skill.skill');
    await expect(dialog).toBeHidden();
    await expect(app.skillLink('unruly-skill')).toBeVisible();
    await page.getByRole('button', { name: 'Load its tools' }).click();
    await app.expectLoaded('echo');
  });

  test('a GitHub tree URL is read through the GitHub API', async ({ page }) => {
    const app = new Playground(page);
    const raw = 'https://raw.githubusercontent.com/acme/skills/main/skills/unruly-skill';
    await page.route(
      'https://api.github.com/repos/acme/skills/contents/skills/unruly-skill?ref=main',
      (route) =>
        route.fulfill({
          json: [
            {
              type: 'file',
              name: 'SKILL.md',
              path: 'skills/unruly-skill/SKILL.md',
              download_url: `${raw}/SKILL.md`,
            },
            { type: 'dir', name: 'wasm', path: 'skills/unruly-skill/wasm', download_url: null },
          ],
          headers: { 'access-control-allow-origin': '*' },
        }),
    );
    await page.route(
      'https://api.github.com/repos/acme/skills/contents/skills/unruly-skill/wasm?ref=main',
      (route) =>
        route.fulfill({
          json: [
            {
              type: 'file',
              name: 'skill.wasm',
              path: 'skills/unruly-skill/wasm/skill.wasm',
              download_url: `${raw}/wasm/skill.wasm`,
            },
          ],
          headers: { 'access-control-allow-origin': '*' },
        }),
    );
    await page.route(`${raw}/SKILL.md`, (route) =>
      route.fulfill({ body: fixture('SKILL.md'), headers: { 'access-control-allow-origin': '*' } }),
    );
    await page.route(`${raw}/wasm/skill.wasm`, (route) =>
      route.fulfill({
        body: fixture('skill.wasm'),
        headers: { 'access-control-allow-origin': '*' },
      }),
    );
    await page.goto(
      `/?skill=${encodeURIComponent('https://github.com/acme/skills/tree/main/skills/unruly-skill')}`,
    );
    await expect(app.skillLink('unruly-skill')).toBeVisible();
    await page.getByRole('button', { name: 'Load its tools' }).click();
    await app.expectLoaded('echo');
  });

  test('a 404, a network failure and content that is not a skill each say so, and import nothing', async ({
    page,
    baseURL,
  }) => {
    const app = new Playground(page);
    await app.open();
    const links = await app.skills.getByRole('link').count();

    await page.route('**/remote/missing.zip', (route) =>
      route.fulfill({ status: 404, body: 'not here' }),
    );
    const dialog = await loadViaDialog(app, '/remote/missing.zip');
    await expect(dialog.getByRole('alert')).toContainText(
      `Nothing at ${new URL('/remote/missing.zip', baseURL)} (HTTP 404).`,
    );
    await expect(dialog.getByRole('button', { name: 'Try again' })).toHaveCount(0);

    await page.route('**/remote/page.html', (route) =>
      route.fulfill({ body: '<html>hello</html>', contentType: 'text/html' }),
    );
    await dialog.getByLabel('Skill URL').fill('/remote/page.html');
    await dialog.getByRole('button', { name: 'Load' }).click();
    await expect(dialog.getByRole('alert')).toContainText('is not a skill');
    await expect(app.skills.getByRole('link')).toHaveCount(links);

    let failing = true;
    await page.route('https://skills.example.test/flaky.zip', (route) =>
      failing
        ? route.abort('connectionrefused')
        : route.fulfill({
            body: Buffer.from(
              zipSync({ 'SKILL.md': fixture('SKILL.md'), 'skill.wasm': fixture('skill.wasm') }),
            ),
            headers: { 'access-control-allow-origin': '*' },
          }),
    );
    await dialog.getByLabel('Skill URL').fill('https://skills.example.test/flaky.zip');
    await dialog.getByRole('button', { name: 'Load' }).click();
    await expect(dialog.getByRole('alert')).toContainText('did not answer');
    await expect(dialog.getByRole('alert')).toContainText('CORS');
    await expect(app.skills.getByRole('link')).toHaveCount(links);

    // The network fault can be retried once the server answers.
    failing = false;
    await dialog.getByRole('button', { name: 'Try again' }).click();
    await expect(dialog).toBeHidden();
    // Named by its SKILL.md; its folder is named after the archive.
    await expect(app.skillLink('unruly-skill')).toBeVisible();
  });
});
