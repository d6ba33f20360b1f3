import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { streamedZip, withForgedSizes } from '../src/test/archiveAttacks';
import { describeMeasured, figure, HOSTILE, measure, seconds } from './figures';
import { BUILT_FIXTURES, Playground } from './playground';

const UNRULY = path.join(BUILT_FIXTURES, 'unruly-skill');
const unrulyFiles = (prefix: string): Zippable => ({
  [`${prefix}SKILL.md`]: readFileSync(path.join(UNRULY, 'SKILL.md')),
  [`${prefix}skill.wasm`]: readFileSync(path.join(UNRULY, 'skill.wasm')),
});

const zeros = (mebibytes: number) => new Uint8Array(mebibytes * 1024 * 1024);

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
    // Each is built, picked and refused, then a normal skill is dropped, transpiled and run: three
    // times the usual time, as test.slow() gives, on a busy machine.
    test.describe.configure({ timeout: 180_000 });

    /** Picks the archive, timed to its refusal; then only the four built-in examples are listed. */
    const refuse = async (app: Playground, name: string, bytes: Uint8Array, says: string) => {
      const answer = await measure(app.page, async () => {
        await app.pickFile(name, bytes);
        await expect(app.page.getByRole('alert').filter({ hasText: says })).toBeVisible();
      });
      await expect(app.skills.getByRole('link')).toHaveCount(4);
      return answer;
    };

    test(
      'an entry name that climbs out of the archive, in every spelling',
      HOSTILE,
      async ({ page }) => {
        const app = new Playground(page);
        await app.open();
        const before = await app.storageSnapshot();
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
          const entries = { 'evil/SKILL.md': strToU8('x'), [name]: strToU8('x') };
          const answer = await refuse(
            app,
            `evil-${i}.zip`,
            zipSync(entries),
            `the entry "${name}" is unsafe`,
          );
          times.push(answer.ms);
          longest = Math.max(longest, answer.longestTaskMs);
        }
        figure(
          `${spellings.length} spellings, each picked to refusal`,
          `${seconds(Math.min(...times))}–${seconds(Math.max(...times))}; longest task ${longest} ms`,
        );
        await app.expectStorageUnchanged(before);
        await app.expectNormalRunWorks();
      },
    );

    test('a decompression bomb', HOSTILE, async ({ page }) => {
      const app = new Playground(page);
      await app.open();
      const before = await app.storageSnapshot();
      const bomb = zipSync({ 'bomb/SKILL.md': strToU8('x'), 'bomb/zeros.bin': zeros(64) });
      const answer = await refuse(app, 'bomb.zip', bomb, 'a decompression bomb');
      figure('64 MiB of zeros, picked to refusal', describeMeasured(answer));
      await app.expectStorageUnchanged(before);
      await app.expectNormalRunWorks();
    });

    test(
      'a bomb whose sizes lie, or hide in a data descriptor, is counted as it inflates',
      HOSTILE,
      async ({ page }) => {
        const app = new Playground(page);
        await app.open();
        const before = await app.storageSnapshot();
        // The bomb's entry comes first: its local header is the one the forged sizes are in.
        const entries = { 'bomb/zeros.bin': zeros(16), 'bomb/SKILL.md': strToU8('x') };
        const forged = await refuse(
          app,
          'forged.zip',
          withForgedSizes(zipSync(entries)),
          'forged.zip was refused: it inflates more than 100 times its size: a decompression bomb.',
        );
        figure('16 MiB declared as 1 byte, picked to refusal', describeMeasured(forged));
        const hidden = await refuse(
          app,
          'hidden.zip',
          streamedZip(entries),
          'hidden.zip was refused: it inflates more than 100 times its size: a decompression bomb.',
        );
        figure('16 MiB, sizes in a data descriptor, picked to refusal', describeMeasured(hidden));
        await app.expectStorageUnchanged(before);
        await app.expectNormalRunWorks();
      },
    );

    test(
      'a link leaving the folder: a tar refuses it; a zip keeps it as a file naming its target',
      HOSTILE,
      async ({ page }) => {
        const app = new Playground(page);
        await app.open();
        const before = await app.storageSnapshot();
        // Written by e2e/fixtures/make-repos.mjs: SKILL.md, and "secrets" linking to
        // ../../../etc/passwd.
        const tar = await refuse(
          app,
          'escaping-link.tar.gz',
          readFileSync(path.join(BUILT_FIXTURES, 'repos/tarballs/escaping-link.tar.gz')),
          'escaping-link.tar.gz was refused: the link "secrets" points to "../../../etc/passwd", outside the archive: links must stay inside the skill.',
        );
        figure('a tar link to ../../../etc/passwd, picked to refusal', describeMeasured(tar));
        await app.expectStorageUnchanged(before);

        // A zip says a link only in its central directory, which is not read: the entry is a
        // file whose text is the target's name, and nothing follows it.
        const link: [Uint8Array, { os: number; attrs: number }] = [
          strToU8('../../../etc/passwd'),
          { os: 3, attrs: (0o120777 << 16) >>> 0 },
        ];
        const zipped = await measure(page, async () => {
          await app.pickFile(
            'zip-link.zip',
            zipSync({
              'zip-link/SKILL.md': strToU8(
                '---\nname: zip-link\ndescription: Links outside itself.\n---\n',
              ),
              'zip-link/secrets.txt': link,
            }),
          );
          await expect(app.skillLink('zip-link')).toBeVisible();
        });
        figure('a zip link to ../../../etc/passwd, picked to opened', describeMeasured(zipped));
        await app.openFile('secrets.txt');
        await expect(app.editor).toContainText('../../../etc/passwd');
        await expect(app.editor).not.toContainText('root:');
        await app.expectNormalRunWorks();
      },
    );

    test('100,000 entries', HOSTILE, async ({ page }) => {
      const app = new Playground(page);
      await app.open();
      const before = await app.storageSnapshot();
      const entries: Zippable = {};
      for (let i = 0; i < 100_000; i++) entries[`many/file-${i}.txt`] = strToU8('x');
      const answer = await refuse(
        app,
        'many.zip',
        zipSync(entries),
        'it holds more than 2000 files',
      );
      figure('100,000 entries, picked to refusal', describeMeasured(answer));
      await app.expectStorageUnchanged(before);
      await app.expectNormalRunWorks();
    });
  });
});
