import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { strToU8, zipSync } from 'fflate';
import { describeMeasured, figure, HOSTILE, measure } from './figures';
import { BUILT_FIXTURES, Playground } from './playground';

// A skill-basic component whose all-config tool prints every value it is given, secrets included:
// what a hostile skill would do with a secret that reached it.
const wasm = readFileSync(path.join(BUILT_FIXTURES, 'basic-skill', 'skill.wasm'));
const measureKit = (version: string) =>
  Buffer.from(
    zipSync({
      'measure-kit/SKILL.md': strToU8(
        `---\nname: measure-kit\ndescription: Reads its configuration.\n---\nVersion ${version}.\n`,
      ),
      'measure-kit/skill.wasm': wasm,
    }),
  );

async function serve(page: Page, url: string, body: () => Buffer) {
  await page.route(url, (route) =>
    route.fulfill({
      body: body(),
      contentType: 'application/zip',
      headers: { 'Access-Control-Allow-Origin': '*' },
    }),
  );
}

async function allConfig(app: Playground) {
  await app.tab('all-config').click();
  await app.run('all-config');
  await app.expectStatus('ok');
  return app.result;
}

test(
  'a skill is its source: another host inherits no secret, and changed bytes wait for trust',
  HOSTILE,
  async ({ page }) => {
    // Three loads of a skill from links, each transpiled: slow on a busy machine.
    test.slow();
    const app = new Playground(page);
    let hostA = measureKit('1');
    await serve(page, 'https://host-a.test/measure-kit.zip', () => hostA);
    await serve(page, 'https://host-b.test/measure-kit.zip', () => measureKit('other'));

    await page.goto('/?skill=https://host-a.test/measure-kit.zip');
    await page.getByRole('button', { name: 'Load its tools' }).click();
    await expect(app.form('config-value')).toBeVisible();
    const config = page.getByRole('form', { name: 'Configuration' });
    await config.getByRole('button', { name: 'Add value' }).click();
    await config.getByLabel('Key 1').fill('API_TOKEN');
    await config.getByLabel('Value of API_TOKEN').fill('tok-123');
    await config.getByRole('checkbox', { name: 'secret' }).check();
    await config.getByRole('button', { name: 'Save configuration' }).click();
    await expect(config.getByRole('status')).toContainText('Saved');
    await expect(await allConfig(app)).toContainText('API_TOKEN=tok-123');
    const before = await app.storageSnapshot();

    // Another host serving a skill of the same name: listed beside it, with nothing of its instance.
    await page.goto('/?skill=https://host-b.test/measure-kit.zip');
    await expect(app.skills.getByRole('link', { name: 'measure-kit' })).toHaveCount(2);
    await expect(page.getByText('From https://host-b.test/measure-kit.zip')).toBeVisible();
    await page.getByRole('button', { name: 'Load its tools' }).click();
    await expect(app.form('config-value')).toBeVisible();
    await expect(config.getByLabel('Value of API_TOKEN')).toHaveCount(0);
    const otherHost = await measure(page, async () => {
      await expect(await allConfig(app)).not.toContainText('tok-123');
    });
    figure("the other host's skill run, no secret in it", describeMeasured(otherHost));
    // Host B's skill is kept beside A's, with its run and form; A's instance and secret are as
    // they were, and B got no instance of its own.
    await app.expectStorageUnchanged(before, {
      skills: [await app.currentSkillKey()],
      history: true,
      inputs: true,
      transpiles: true,
    });

    // Host A now serves other bytes: the secret stays back until the person trusts them.
    hostA = measureKit('2');
    await page.goto('/?skill=https://host-a.test/measure-kit.zip');
    await expect(page.getByText('changed at https://host-a.test/measure-kit.zip')).toBeVisible();
    const withheld = page.getByTestId('secrets-withheld');
    const held = await measure(page, async () => {
      await page.getByRole('button', { name: 'Load its tools' }).click();
      await expect(withheld).toBeVisible();
    });
    figure('changed bytes, Load its tools to secrets withheld', describeMeasured(held));
    await expect(await allConfig(app)).not.toContainText('tok-123');
    await withheld.getByRole('button', { name: 'Trust this version' }).click();
    await expect(withheld).toHaveCount(0);
    await expect(await allConfig(app)).toContainText('API_TOKEN=tok-123');
    figure(
      'runs where a secret reached a skill it was not saved for',
      '0 of 2 (other host, changed bytes)',
    );
  },
);
