import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Download, type Page } from '@playwright/test';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { Playground, text } from './playground';

// Skills and workspaces as files: a skill exported as .skill, .zip and .tar.gz; a workspace
// exported and imported into a fresh browser with its instance and last run; skills published
// as a static folder, served by a local server and opened from it.

const scratch = mkdtempSync(path.join(tmpdir(), 'playground-transfer-'));
test.afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function saved(
  page: Page,
  click: () => Promise<void>,
): Promise<{ file: string; name: string }> {
  const [download]: [Download, void] = await Promise.all([page.waitForEvent('download'), click()]);
  const file = path.join(scratch, `${Date.now()}-${download.suggestedFilename()}`);
  await download.saveAs(file);
  return { file, name: download.suggestedFilename() };
}

const NOTES_MD = '---\nname: notes\ndescription: Takes notes.\n---\nWrite down $ARGUMENTS.\n';

/** Replaces line `line` of a skill file in the editor by typing, as a person would. */
async function editLine(page: Page, file: string, line: number, value: string) {
  await page
    .getByRole('list', { name: 'Files of this skill' })
    .getByRole('button', { name: file })
    .click();
  const editor = page.getByTestId('code-editor');
  await expect(editor).toBeVisible();
  await editor.click();
  await page.keyboard.press('Control+Home');
  for (let i = 1; i < line; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Control+L');
  await page.keyboard.type(`${value}\n`);
}

test('a skill exports as .skill, .zip and .tar.gz with its edits, and its edits come back with an imported workspace', async ({
  page,
  browser,
  baseURL,
}) => {
  test.slow();
  const app = new Playground(page);
  await app.open();
  await app.openFixture('basic-skill', 'config-value');
  await editLine(page, 'SKILL.md', 3, 'description: Edited before export.');
  await expect(page.locator('.skill-summary')).toHaveText('Edited before export.');
  const exportAs = async (format: string) => {
    await page.getByText('Export skill', { exact: true }).click();
    return saved(page, () => page.getByRole('button', { name: `Export as .${format}` }).click());
  };
  const skill = await exportAs('skill');
  expect(skill.name).toBe('basic-skill.skill');
  const packaged = unzipSync(readFileSync(skill.file));
  expect(Object.keys(packaged).sort()).toEqual([
    'basic-skill/SKILL.md',
    'basic-skill/index.json',
    'basic-skill/skill.wasm',
  ]);
  expect(Buffer.from(packaged['basic-skill/SKILL.md']!).toString()).toContain(
    'description: Edited before export.',
  );
  const zip = await exportAs('zip');
  expect(Object.keys(unzipSync(readFileSync(zip.file))).sort()).toEqual([
    'SKILL.md',
    'index.json',
    'skill.wasm',
  ]);
  const tar = await exportAs('tar.gz');
  expect(tar.name).toBe('basic-skill.tar.gz');
  const listed = execFileSync('tar', ['-tzf', tar.file]).toString().trim().split('\n').sort();
  expect(listed).toEqual(['SKILL.md', 'index.json', 'skill.wasm']);
  expect(execFileSync('tar', ['-xzOf', tar.file, 'SKILL.md']).toString()).toContain(
    'Edited before export.',
  );

  // The workspace keeps the edit as an edit: imported elsewhere, it is marked and revertible.
  await page.getByRole('button', { name: 'Export workspace' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export workspace' });
  const workspace = await saved(page, () => dialog.getByRole('button', { name: 'Export' }).click());
  const { context, app: fresh } = await Playground.inFreshContext(browser, baseURL);
  await fresh.open();
  await fresh.page.getByRole('button', { name: 'Import workspace' }).click();
  const importer = fresh.page.getByRole('dialog', { name: 'Import workspace' });
  await importer.getByLabel('Workspace file').setInputFiles(workspace.file);
  await importer.getByRole('button', { name: 'Import' }).click();
  await expect(importer.getByTestId('import-summary')).toContainText('Imported 1 skill');
  await importer.getByRole('button', { name: 'Close' }).click();
  await fresh.openSkill('basic-skill', 'config-value');
  await expect(fresh.page.locator('.skill-summary')).toHaveText('Edited before export.');
  await expect(
    fresh.page.getByRole('list', { name: 'Files of this skill' }).getByText('edited'),
  ).toBeVisible();
  await context.close();
});

test('export then import restores a workspace with its instance and last run; secrets stay out unless asked for', async ({
  page,
  browser,
  baseURL,
}) => {
  // A component loaded in two fresh contexts.
  test.slow();
  const app = new Playground(page);
  await app.open();
  await app.openFixture('basic-skill', 'config-value');
  await app.setConfig({ GREETING: 'kept across browsers', API_TOKEN: 'tok-secret-456' }, [
    'API_TOKEN',
  ]);
  await app.field('config-value', 'key').fill('GREETING');
  await app.run('config-value');
  await app.expectStatus('ok');
  await expect(app.output).toHaveText('kept across browsers');
  // A second named instance travels too, beside the chosen one, with its own /workspace.
  await app.newInstance('staging');
  const workspace = page.getByRole('region', { name: 'Workspace' });
  await workspace.getByLabel('Upload to workspace').setInputFiles({
    name: 'staged.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('only in staging'),
  });
  await expect(workspace.getByRole('listitem').filter({ hasText: 'staged.txt' })).toBeVisible();
  await app.instance.selectOption('default');
  await app.dropFiles({ 'notes/SKILL.md': text(NOTES_MD) });
  await expect(app.skillLink('notes')).toHaveAttribute('aria-current', 'page');

  await page.getByRole('button', { name: 'Export workspace' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export workspace' });
  const plain = await saved(page, () => dialog.getByRole('button', { name: 'Export' }).click());
  await expect(dialog.getByRole('status')).toContainText('Exported 2 skills');
  const entries = unzipSync(readFileSync(plain.file));
  for (const [name, bytes] of Object.entries(entries)) {
    expect(Buffer.from(bytes).includes('tok-secret-456'), name).toBe(false);
  }
  // Asked for, with a warning: then the secret is in the file.
  await dialog.getByLabel('Include secrets').check();
  await expect(dialog.getByRole('status').first()).toContainText('anyone who gets it can read');
  const withSecrets = await saved(page, () =>
    dialog.getByRole('button', { name: 'Export' }).click(),
  );
  const manifest = Object.entries(unzipSync(readFileSync(withSecrets.file))).find(([n]) =>
    n.endsWith('workspace.json'),
  )![1];
  expect(Buffer.from(manifest).toString()).toContain('tok-secret-456');

  const { context, app: fresh } = await Playground.inFreshContext(browser, baseURL);
  await fresh.open();
  await fresh.page.getByRole('button', { name: 'Import workspace' }).click();
  const importer = fresh.page.getByRole('dialog', { name: 'Import workspace' });
  await importer.getByLabel('Workspace file').setInputFiles(plain.file);
  await expect(importer.getByTestId('import-preview')).toContainText(
    '2 skills (basic-skill, notes)',
  );
  await importer.getByRole('button', { name: 'Import' }).click();
  const summary = importer.getByTestId('import-summary');
  await expect(summary).toContainText('Imported 2 skills (basic-skill, notes), 3 instances');
  await expect(summary).toContainText('1 run');
  await expect(summary).toContainText('to enter again: basic-skill: API_TOKEN');
  await importer.getByRole('button', { name: 'Close' }).click();

  // The last run is there before anything runs, and a new run gives the same output.
  await fresh.openSkill('basic-skill', 'config-value');
  await fresh.expectStatus('ok');
  await expect(fresh.output).toHaveText('kept across browsers');
  await expect(fresh.field('config-value', 'key')).toHaveValue('GREETING');
  const freshConfig = fresh.page.getByRole('form', { name: 'Configuration' });
  await expect(freshConfig.getByLabel('Value of GREETING')).toHaveValue('kept across browsers');
  await expect(freshConfig.getByLabel('Value of API_TOKEN')).toHaveCount(0);
  // The kept History came too: the run made in the other browser is listed, and the new one joins it.
  await expect(fresh.page.getByRole('button', { name: 'History (1)' })).toBeVisible();
  await expect(fresh.instance.locator('option')).toHaveText(['default', 'staging']);
  await expect(fresh.instance).toHaveValue('default');
  const freshWorkspace = fresh.page.getByRole('region', { name: 'Workspace' });
  const staged = freshWorkspace.getByRole('listitem').filter({ hasText: 'staged.txt' });
  await expect(staged).toHaveCount(0);
  await fresh.instance.selectOption('staging');
  await expect(staged).toBeVisible();
  await fresh.instance.selectOption('default');
  await fresh.run('config-value');
  await fresh.expectStatus('ok');
  await expect(fresh.output).toHaveText('kept across browsers');
  await expect(fresh.page.getByRole('button', { name: 'History (2)' })).toBeVisible();
  await expect(fresh.skillLink('notes')).toBeVisible();
  await context.close();
});

test('an import that is not a workspace file is refused and changes nothing', async ({ page }) => {
  const app = new Playground(page);
  await app.open();
  const links = await app.skills.getByRole('link').allTextContents();
  const bogus = path.join(scratch, 'not-a-workspace.zip');
  writeFileSync(bogus, zipSync({ 'hello/readme.txt': strToU8('hi') }));
  await page.getByRole('button', { name: 'Import workspace' }).click();
  const importer = page.getByRole('dialog', { name: 'Import workspace' });
  await importer.getByLabel('Workspace file').setInputFiles(bogus);
  await expect(importer.getByRole('alert')).toContainText('not a Skill Playground workspace file');
  await expect(importer.getByRole('button', { name: 'Import' })).toBeDisabled();
  expect(await app.skills.getByRole('link').allTextContents()).toEqual(links);
});

test('publish writes the discovery folder, and the playground opens the site it published from a local server, its digests checked', async ({
  page,
  browser,
  baseURL,
}) => {
  test.slow();
  const app = new Playground(page);
  await app.open();
  await app.openFixture('basic-skill', 'config-value');
  await app.dropFiles({ 'notes/SKILL.md': text(NOTES_MD) });
  await expect(app.skillLink('notes')).toBeVisible();
  await page.getByRole('button', { name: 'Publish' }).click();
  const dialog = page.getByRole('dialog', { name: 'Publish' });
  await expect(dialog.getByRole('checkbox', { name: 'basic-skill', exact: true })).toBeChecked();
  await expect(dialog.getByRole('checkbox', { name: 'notes', exact: true })).toBeChecked();
  // Built-in examples are offered, not chosen.
  await expect(dialog.getByRole('checkbox', { name: 'data-tools', exact: true })).not.toBeChecked();
  const site = await saved(page, () =>
    dialog.getByRole('button', { name: 'Download the folder' }).click(),
  );
  expect(site.name).toBe('agent-skills-site.zip');

  // Unpacked as a static host would serve it.
  const root = path.join(scratch, 'site');
  for (const [name, bytes] of Object.entries(unzipSync(readFileSync(site.file)))) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), bytes);
  }
  const index = JSON.parse(
    readFileSync(path.join(root, '.well-known/agent-skills/index.json'), 'utf8'),
  );
  expect(index.$schema).toBe('https://schemas.agentskills.io/discovery/0.2.0/schema.json');
  expect(index.skills.map((s: { name: string; type: string }) => [s.name, s.type])).toEqual([
    ['basic-skill', 'archive'],
    ['notes', 'skill-md'],
  ]);
  for (const entry of index.skills as Array<{ url: string; digest: string }>) {
    const artifact = readFileSync(path.join(root, '.well-known/agent-skills', entry.url));
    expect(entry.digest).toBe(`sha256:${createHash('sha256').update(artifact).digest('hex')}`);
  }

  const server = await serveFolder(root);
  try {
    const origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    const { context, app: fresh } = await Playground.inFreshContext(browser, baseURL);
    // The site's root: the playground reads its index and offers what it publishes.
    await fresh.page.goto(`/?skill=${encodeURIComponent(`${origin}/`)}`);
    const picker = fresh.page.getByRole('dialog', { name: /^Skills published by 127\.0\.0\.1:/ });
    await picker.getByRole('checkbox', { name: 'basic-skill', exact: true }).check();
    await picker.getByRole('checkbox', { name: 'notes', exact: true }).check();
    await picker.getByRole('button', { name: /^Open/ }).click();
    await fresh.skillLink('basic-skill').click();
    await expect(
      fresh.page.getByText(`From ${origin}/.well-known/agent-skills/basic-skill.zip`),
    ).toBeVisible();
    await fresh.page.getByRole('button', { name: 'Load its tools' }).click();
    await fresh.field('config-value', 'key').fill('NOTHING');
    await fresh.run('config-value');
    await fresh.expectStatus('ok');
    await expect(fresh.output).toHaveText('(not set)');
    await fresh.skillLink('notes').click();
    await expect(fresh.page.getByRole('form', { name: 'Arguments' })).toBeVisible();
    await context.close();
  } finally {
    server.close();
  }
});

/** A static server for the published folder, on this machine, answering cross-origin reads. */
function serveFolder(root: string): Promise<Server> {
  const server = createServer((request, response) => {
    const file = path.join(root, decodeURIComponent(new URL(request.url!, 'http://x').pathname));
    try {
      if (!file.startsWith(root)) throw new Error('outside');
      const body = readFileSync(file);
      response.writeHead(200, { 'Access-Control-Allow-Origin': '*' });
      response.end(body);
    } catch {
      response.writeHead(404, { 'Access-Control-Allow-Origin': '*' });
      response.end('not found');
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}
