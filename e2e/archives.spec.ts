import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { BUILT_FIXTURES, Playground } from './playground';

const UNRULY = path.join(BUILT_FIXTURES, 'unruly-skill');
const unrulyFiles = (prefix: string): Zippable => ({
  [`${prefix}SKILL.md`]: readFileSync(path.join(UNRULY, 'SKILL.md')),
  [`${prefix}skill.wasm`]: readFileSync(path.join(UNRULY, 'skill.wasm')),
});

async function openArchive(app: Playground, name: string, entries: Zippable) {
  await app.page.getByLabel('Open skill file').setInputFiles({
    name,
    mimeType: 'application/zip',
    buffer: Buffer.from(zipSync(entries)),
  });
}

test.describe('archives', () => {
  test('a .skill package (entries under one top-level folder) opens and runs', async ({ page }) => {
    const app = new Playground(page);
    await app.open();
    await openArchive(app, 'unruly-skill.skill', unrulyFiles('unruly-skill/'));
    await expect(app.skillLink('unruly-skill')).toBeVisible();
    await expect(page.getByText('Archive unruly-skill.skill')).toBeVisible();
    await expect(page.getByRole('region', { name: 'Diagnostics' })).toHaveCount(0);
    await app.field('echo', 'message').fill('from a package');
    await app.run('echo');
    await app.expectStatus('ok');
  });

  test('a .zip dropped on the page with entries at its root is named after the archive', async ({
    page,
  }) => {
    const app = new Playground(page);
    await app.open();
    const zip = Buffer.from(zipSync(unrulyFiles(''))).toString('base64');
    await app.dropFiles({ 'unruly-skill.zip': zip });
    await expect(app.skillLink('unruly-skill')).toBeVisible();
    await app.expectLoaded('echo');
  });

  test('an archive with several skill folders opens each of them', async ({ page }) => {
    const app = new Playground(page);
    await app.open();
    await openArchive(app, 'bundle.zip', {
      'first-skill/SKILL.md': strToU8('---\nname: first-skill\ndescription: The first.\n---\n'),
      'second-skill/SKILL.md': strToU8('---\nname: second-skill\ndescription: The second.\n---\n'),
    });
    await expect(app.skillLink('first-skill')).toBeVisible();
    await expect(app.skillLink('second-skill')).toBeVisible();
  });

  test.describe('attacks are refused with their message, and nothing is imported', () => {
    const refused = async (app: Playground, message: string | RegExp) => {
      await expect(app.page.getByRole('alert').filter({ hasText: message })).toBeVisible();
      // Only the four built-in examples are listed.
      await expect(app.skills.getByRole('link')).toHaveCount(4);
    };

    test('an entry name that climbs out of the archive', async ({ page }) => {
      const app = new Playground(page);
      await app.open();
      await openArchive(app, 'evil.zip', {
        'evil/SKILL.md': strToU8('x'),
        '../../outside.txt': strToU8('x'),
      });
      await refused(
        app,
        'the entry "../../outside.txt" is unsafe: it climbs out of the archive with ".."',
      );
    });

    test('a decompression bomb', async ({ page }) => {
      const app = new Playground(page);
      await app.open();
      await openArchive(app, 'bomb.zip', {
        'bomb/SKILL.md': strToU8('x'),
        'bomb/zeros.bin': new Uint8Array(64 * 1024 * 1024),
      });
      await refused(app, 'a decompression bomb');
    });

    test('too many entries', async ({ page }) => {
      const app = new Playground(page);
      await app.open();
      const entries: Zippable = {};
      for (let i = 0; i <= 2000; i++) entries[`many/file-${i}.txt`] = strToU8('x');
      await openArchive(app, 'many.zip', entries);
      await refused(app, 'it holds more than 2000 files');
    });
  });
});
