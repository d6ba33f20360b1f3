import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { BUILT_FIXTURES, Playground } from './playground';

// Sites on other origins than the app's, each a node:http server this spec starts on a free port,
// serving what e2e/fixtures/make-well-known.mjs wrote: a site publishing an Agent Skills index
// (one good archive, one skill-md, one tampered), a second whose index has an unknown $schema,
// a third with a v0.1 index at the older path. Like a plain static host, none lists a folder.

const SITES = path.join(BUILT_FIXTURES, 'well-known');
const TYPES: Record<string, string> = {
  '.json': 'application/json',
  '.md': 'text/markdown',
  '.zip': 'application/zip',
  '.wasm': 'application/wasm',
};

class StaticSite {
  readonly requests: string[] = [];
  private readonly server = http.createServer((req, res) => this.answer(req, res));

  constructor(
    private readonly root: string,
    private readonly extra: Record<string, string> = {},
  ) {}

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  url(pathname = ''): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}${pathname}`;
  }

  private answer(req: http.IncomingMessage, res: http.ServerResponse) {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    this.requests.push(pathname);
    // The page fetches with credentials omitted, so a wildcard is all CORS needs.
    res.setHeader('access-control-allow-origin', '*');
    const file = this.extra[pathname] ?? path.join(this.root, pathname);
    if (!file.startsWith(this.root) && !this.extra[pathname]) return void res.writeHead(403).end();
    if (!existsSync(file) || !statSync(file).isFile()) return void res.writeHead(404).end();
    res.writeHead(200, {
      'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
    });
    res.end(readFileSync(file));
  }
}

const site = new StaticSite(path.join(SITES, 'site'), {
  // A component on its own, as a published .wasm.
  '/tool.wasm': path.join(BUILT_FIXTURES, 'basic-skill', 'skill.wasm'),
});
const unknownSchemaSite = new StaticSite(path.join(SITES, 'unknown-schema'));
const oldPathSite = new StaticSite(path.join(SITES, 'old-path'));
const all = [site, unknownSchemaSite, oldPathSite];
test.beforeAll(() => Promise.all(all.map((s) => s.start())));
test.afterAll(() => Promise.all(all.map((s) => s.stop())));

async function loadViaDialog(app: Playground, url: string) {
  await app.page.getByRole('button', { name: 'Load from URL' }).click();
  const dialog = app.page.getByRole('dialog', { name: 'Load from URL' });
  await dialog.getByLabel('Skill URL').fill(url);
  await dialog.getByRole('button', { name: 'Load', exact: true }).click();
  return dialog;
}

const sha256 = (file: string) =>
  createHash('sha256')
    .update(readFileSync(path.join(SITES, file)))
    .digest('hex');

test.describe('a site that publishes an Agent Skills index', () => {
  test('lists its skills with their descriptions, and opens the ones picked', async ({ page }) => {
    const app = new Playground(page);
    await app.open();
    const urlDialog = await loadViaDialog(app, site.url());
    await expect(urlDialog).toBeHidden();

    const picker = page.getByRole('dialog', { name: /^Skills published by 127\.0\.0\.1:/ });
    await expect(picker).toBeVisible();
    const archive = picker.getByRole('checkbox', { name: 'archive-skill', exact: true });
    const oneFile = picker.getByRole('checkbox', { name: 'one-file', exact: true });
    await expect(archive).toHaveAccessibleDescription('Published as a zip archive with its notes.');
    await expect(oneFile).toHaveAccessibleDescription('Published as a single SKILL.md.');
    await expect(picker.getByRole('checkbox', { name: 'tampered', exact: true })).toBeVisible();
    // Listing fetched the index alone: no artifact before a pick.
    expect(site.requests.filter((r) => !r.endsWith('/index.json'))).toEqual([]);

    await archive.check();
    await oneFile.check();
    await picker.getByRole('button', { name: 'Open selected' }).click();
    await expect(picker).toBeHidden();
    await expect(app.skillLink('archive-skill')).toBeVisible();
    await expect(app.skillLink('one-file')).toBeVisible();

    // The archive came whole: its SKILL.md at the root, and its notes.
    await app.skillLink('archive-skill').click();
    await expect(
      page.getByText(`From ${site.url('/.well-known/agent-skills/archive-skill.zip')}`),
    ).toBeVisible();
    await expect(page.getByText('Files (2)')).toBeVisible();
    await expect(page.getByRole('region', { name: 'Diagnostics' })).toHaveCount(0);
    await app.skillLink('one-file').click();
    await expect(page.getByText('Files (1)')).toBeVisible();
    await expect(page.getByText('Do one thing well.')).toBeVisible();
  });

  test('refuses a tampered skill with both digests, and imports nothing', async ({ page }) => {
    const app = new Playground(page);
    await app.open();
    const links = await app.skills.getByRole('link').count();
    await loadViaDialog(app, site.url('/.well-known/agent-skills/'));
    const picker = page.getByRole('dialog', { name: /^Skills published by/ });
    // Picked with a good one: one refused artifact imports neither.
    await picker.getByRole('checkbox', { name: 'one-file', exact: true }).check();
    await picker.getByRole('checkbox', { name: 'tampered', exact: true }).check();
    await picker.getByRole('button', { name: 'Open selected' }).click();

    const index = JSON.parse(
      readFileSync(path.join(SITES, 'site/.well-known/agent-skills/index.json'), 'utf8'),
    ) as { skills: Array<{ name: string; digest: string }> };
    const published = index.skills.find((s) => s.name === 'tampered')!.digest;
    const served = `sha256:${sha256('site/.well-known/agent-skills/tampered/SKILL.md')}`;
    expect(published).not.toBe(served);
    await expect(picker.getByRole('alert')).toHaveText(
      `tampered was refused: ${site.url('/.well-known/agent-skills/tampered/SKILL.md')} does not match the index's digest. The index says ${published}; what was served is ${served}. Nothing was imported.`,
    );
    await expect(app.skills.getByRole('link')).toHaveCount(links);

    // Left out, the others open.
    await picker.getByRole('checkbox', { name: 'tampered', exact: true }).uncheck();
    await picker.getByRole('button', { name: 'Open selected' }).click();
    await expect(picker).toBeHidden();
    await expect(app.skillLink('one-file')).toBeVisible();
    await expect(app.skills.getByRole('link')).toHaveCount(links + 1);
  });

  test('a ?skill= link to a site offers its index too', async ({ page }) => {
    const app = new Playground(page);
    await app.open(
      `?skill=${encodeURIComponent(site.url('/.well-known/agent-skills/index.json'))}`,
    );
    const picker = page.getByRole('dialog', { name: /^Skills published by/ });
    await picker.getByRole('checkbox', { name: 'archive-skill', exact: true }).check();
    await picker.getByRole('button', { name: /^Open/ }).click();
    await expect(app.skillLink('archive-skill')).toBeVisible();
  });

  test('an index with an unknown $schema is refused with a sentence', async ({ page }) => {
    const app = new Playground(page);
    await app.open();
    const links = await app.skills.getByRole('link').count();
    const dialog = await loadViaDialog(app, unknownSchemaSite.url());
    await expect(dialog.getByRole('alert')).toHaveText(
      `${unknownSchemaSite.url('/.well-known/agent-skills/index.json')} is an Agent Skills index of a version this playground does not know ($schema "https://schemas.agentskills.io/discovery/9.0.0/schema.json"); it reads https://schemas.agentskills.io/discovery/0.2.0/schema.json and v0.1 indexes without $schema, so nothing was loaded from it.`,
    );
    await expect(page.getByRole('dialog', { name: /^Skills published by/ })).toHaveCount(0);
    await expect(app.skills.getByRole('link')).toHaveCount(links);
  });

  test('a v0.1 index at the older /.well-known/skills/ path is read, and says its files are unchecked', async ({
    page,
  }) => {
    const app = new Playground(page);
    await app.open();
    await loadViaDialog(app, oldPathSite.url());
    const picker = page.getByRole('dialog', { name: /^Skills published by/ });
    await expect(picker.getByRole('list', { name: 'About this index' })).toContainText(
      'what it lists carries no digests',
    );
    await picker.getByRole('checkbox', { name: 'old-style', exact: true }).check();
    await picker.getByRole('button', { name: 'Open selected' }).click();
    await expect(app.skillLink('old-style')).toBeVisible();
    await expect(page.getByText('Files (2)')).toBeVisible();
  });
});

test.describe('folders and files on a plain static host', () => {
  test('a folder the server cannot list brings SKILL.md alone, and says so', async ({ page }) => {
    const app = new Playground(page);
    await app.open();
    await loadViaDialog(app, site.url('/skills/unlisted/'));
    await expect(app.skillLink('unlisted')).toBeVisible();
    await expect(page.getByRole('list', { name: 'Notices' })).toContainText(
      `${site.url('/skills/unlisted/')}: only SKILL.md was fetched: this server does not list the folder; publish an archive, an index.json of its files, or a well-known index.`,
    );
    await expect(page.getByText('Files (1)')).toBeVisible();
  });

  test('a folder URL that answers 404 opens from the SKILL.md beneath it', async ({ page }) => {
    const app = new Playground(page);
    await app.open();
    const dialog = await loadViaDialog(app, site.url('/skills/listed'));
    await expect(dialog).toBeHidden();
    await expect(app.skillLink('listed')).toBeVisible();
    await expect(page.getByText('Files (2)')).toBeVisible();
    expect(site.requests).toContain('/skills/listed');
    await expect(page.getByRole('list', { name: 'Notices' })).toHaveCount(0);
  });

  test('a .wasm loaded by URL is a component on its own, with no "has no SKILL.md" error', async ({
    page,
  }) => {
    const app = new Playground(page);
    await app.open();
    const dialog = await loadViaDialog(app, site.url('/tool.wasm'));
    await expect(dialog).toBeHidden();
    await expect(app.skillLink('tool')).toBeVisible();
    await expect(page.getByText(`From ${site.url('/tool.wasm')}`)).toBeVisible();
    await expect(page.getByText('has no SKILL.md')).toHaveCount(0);
    await expect(page.getByRole('region', { name: 'Diagnostics' })).toHaveCount(0);
  });
});
