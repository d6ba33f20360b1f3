import path from 'node:path';
import { expect, test } from '@playwright/test';
import { BUILT_FIXTURES, Playground, readFolder, text } from './playground';

const UNRULY = path.join(BUILT_FIXTURES, 'unruly-skill');

test.describe('opening skills', () => {
  test('a skill folder dropped on the page shows its tools and runs them', async ({ page }) => {
    const app = new Playground(page);
    await app.open();
    await app.openFixture('unruly-skill', 'echo');
    await expect(page.getByRole('tab')).toHaveText([
      'echo',
      'say',
      'fail',
      'trap',
      'spin',
      'shout',
      'grow',
      'flood',
      'long-line',
      'count',
    ]);
    await app.field('echo', 'message').fill('hi there');
    await app.run('echo');
    await app.expectStatus('ok');
    await expect(app.output).toContainText('"message": "hi there"');
  });

  test('a folder dropped from a file manager is walked through its directory entries', async ({
    page,
  }) => {
    const app = new Playground(page);
    await app.open();
    const files = readFolder(UNRULY, 'my-skills/unruly-skill');
    files['my-skills/unruly-skill/references/deep/notes.md'] = text('# notes');
    files['my-skills/unruly-skill/references/a.md'] = text('a');
    files['my-skills/unruly-skill/references/b.md'] = text('b');
    await app.dropFolderAsEntries(files);
    await expect(app.skillLink('unruly-skill')).toBeVisible();
    await app.expectLoaded('echo');
    await expect(page.getByRole('region', { name: 'Diagnostics' })).toHaveCount(0);
  });

  test('the Open skill folder picker opens a folder from disk', async ({ page }) => {
    const app = new Playground(page);
    await app.open();
    await page.getByLabel('Open skill folder').setInputFiles(UNRULY);
    await expect(app.skillLink('unruly-skill')).toBeVisible();
    await app.expectLoaded('echo');
  });

  test('the Open skill file picker opens a single .wasm component', async ({ page }) => {
    const app = new Playground(page);
    await app.open();
    await page.getByLabel('Open skill file').setInputFiles(path.join(UNRULY, 'skill.wasm'));
    await expect(app.skillLink('skill')).toBeVisible();
    await app.expectLoaded('echo');
    await expect(page.getByRole('region', { name: 'Diagnostics' })).toHaveCount(0);
  });

  test('an invalid SKILL.md gives clear diagnostics, not a blank page', async ({ page }) => {
    const app = new Playground(page);
    await app.open();
    await app.dropFiles({
      'broken-skill/SKILL.md': text('---\nname: Broken_Skill\ndescription: [unclosed\n---\nbody\n'),
    });
    await expect(app.skillLink('broken-skill')).toBeVisible();
    const diagnostics = page.getByRole('region', { name: 'Diagnostics' });
    await expect(diagnostics).toContainText('SKILL.md:3');
    await expect(diagnostics).toContainText('YAML error');
    await expect(diagnostics).toContainText('yaml-syntax');

    await app.dropFiles({ 'other-skill/SKILL.md': text('---\nname: Other_Skill\n---\n') });
    await expect(diagnostics).toContainText('name "Other_Skill" must be lowercase');
    await expect(diagnostics).toContainText('The frontmatter needs a description');

    // A folder with no skill in it is no skill: the drop says so, and lists nothing.
    await app.dropFiles({ 'no-manifest/skill.txt': text('hello') });
    await expect(
      page.getByRole('alert').filter({ hasText: 'No skill found in no-manifest' }),
    ).toContainText('A skill is a folder with a SKILL.md.');
    await expect(app.skillLink('no-manifest')).toHaveCount(0);
    await expect(page.getByRole('heading', { name: 'Skill Playground' })).toBeVisible();
  });

  test('a file that is not a skill is refused with a message, and nothing else is lost', async ({
    page,
  }) => {
    const app = new Playground(page);
    await app.open();
    await app.dropFiles({ 'notes.txt': text('just some notes') });
    await expect(
      page.getByRole('alert').filter({ hasText: 'notes.txt is not a skill' }),
    ).toBeVisible();
    await expect(app.skillLink('text-tools')).toBeVisible();

    await app.dropFiles({
      'fake-skill/SKILL.md': text(
        '---\nname: fake-skill\ndescription: Has a skill.wasm that is not wasm.\n---\n',
      ),
      'fake-skill/skill.wasm': text('this is not WebAssembly'),
    });
    await expect(app.skillLink('fake-skill')).toBeVisible();
    await expect(page.getByRole('region', { name: 'Diagnostics' })).toContainText(
      'skill.wasm is not a WebAssembly file',
    );
    await expect(page.getByRole('button', { name: 'Run', exact: true })).toHaveCount(0);

    await page.getByLabel('Open skill file').setInputFiles({
      name: 'broken.wasm',
      mimeType: 'application/wasm',
      buffer: Buffer.from('not wasm either'),
    });
    await expect(app.skillLink('broken')).toBeVisible();
    await expect(page.getByRole('region', { name: 'Diagnostics' })).toContainText(
      'broken.wasm is not a WebAssembly file',
    );
  });
});
