import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { describeMeasured, figure, HOSTILE, measure, seconds } from './figures';
import { BUILT_FIXTURES, Playground } from './playground';

const UNRULY = path.join(BUILT_FIXTURES, 'unruly-skill');
const unrulyFiles = (prefix: string): Zippable => ({
  [`${prefix}SKILL.md`]: readFileSync(path.join(UNRULY, 'SKILL.md')),
  [`${prefix}skill.wasm`]: readFileSync(path.join(UNRULY, 'skill.wasm')),
});

async function openArchive(app: Playground, name: string, entries: Zippable) {
  await app.pickFile(name, zipSync(entries));
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

    test(
      'an entry name that climbs out of the archive, in every spelling',
      HOSTILE,
      async ({ page }) => {
        const app = new Playground(page);
        await app.open();
        const spellings = [
          '../../outside.txt',
          'evil/../../outside.txt',
          '..\\outside.txt',
          'evil\\..\\..\\outside.txt',
          '/etc/outside.txt',
          '\\\\host\\share\\outside.txt',
          'C:\\outside.txt',
          'c:outside.txt',
        ];
        const times: number[] = [];
        let longest = 0;
        for (const [i, name] of spellings.entries()) {
          const answer = await measure(page, async () => {
            await openArchive(app, `evil-${i}.zip`, {
              'evil/SKILL.md': strToU8('x'),
              [name]: strToU8('x'),
            });
            await refused(app, `the entry "${name}" is unsafe`);
          });
          times.push(answer.ms);
          longest = Math.max(longest, answer.longestTaskMs);
        }
        figure(
          `${spellings.length} spellings, each picked to refusal`,
          `${seconds(Math.min(...times))}–${seconds(Math.max(...times))}; longest task ${longest} ms`,
        );
      },
    );

    test('a decompression bomb', HOSTILE, async ({ page }) => {
      const app = new Playground(page);
      await app.open();
      const answer = await measure(page, async () => {
        await openArchive(app, 'bomb.zip', {
          'bomb/SKILL.md': strToU8('x'),
          'bomb/zeros.bin': new Uint8Array(64 * 1024 * 1024),
        });
        await refused(app, 'a decompression bomb');
      });
      figure('64 MiB of zeros, picked to refusal', describeMeasured(answer));
    });

    test('100,000 entries', HOSTILE, async ({ page }) => {
      const app = new Playground(page);
      await app.open();
      const entries: Zippable = {};
      for (let i = 0; i < 100_000; i++) entries[`many/file-${i}.txt`] = strToU8('x');
      const zip = zipSync(entries);
      const answer = await measure(page, async () => {
        await app.pickFile('many.zip', zip);
        await refused(app, 'it holds more than 2000 files');
      });
      figure('100,000 entries, picked to refusal', describeMeasured(answer));
    });
  });
});
