import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { BUILT_FIXTURES, Playground, readFolder, text } from './playground';

// Skills as people keep them: a repository checkout picked or dropped, its GitHub ZIP, a
// monorepo, two skills of one name, OpenSkills folders without SKILL.md, and .tar.gz archives
// picked, dropped or loaded from a URL. The shapes are written by e2e/fixtures/make-repos.mjs.

const REPOS = path.join(BUILT_FIXTURES, 'repos');
const bytes = (name: string) => readFileSync(path.join(REPOS, name));
const EXAMPLES = 4;

/** The notice an import leaves: what was found and skipped, with the skipped list behind it. */
function importNotice(page: Page) {
  const notices = page.getByRole('list', { name: 'Notices' });
  return notices
    .getByRole('status')
    .or(notices.getByRole('alert'))
    .filter({ hasText: /skills? found|No skill found/ });
}

async function expectSkipped(page: Page, lines: string[]) {
  const notice = importNotice(page);
  await notice.getByText(/What was skipped/).click();
  await expect(notice.getByRole('list', { name: 'Skipped' }).getByRole('listitem')).toHaveText(
    lines,
  );
}

const CHECKOUT_SKILLS = ['alpha', 'beta', 'gamma', 'repo-helper'];

async function expectCheckoutListed(app: Playground) {
  for (const name of CHECKOUT_SKILLS) await expect(app.skillLink(name)).toBeVisible();
  await expect(app.skills.getByRole('link')).toHaveCount(EXAMPLES + CHECKOUT_SKILLS.length);
}

test.describe('a repository checkout', () => {
  test('picked with the folder picker: every skill listed, every skip said', async ({ page }) => {
    const app = new Playground(page);
    await app.open();
    await page.getByLabel('Open skill folder').setInputFiles(path.join(REPOS, 'skills-repo'));
    await expectCheckoutListed(app);
    const notice = importNotice(page);
    await expect(notice).toHaveCount(1);
    await expect(notice).toContainText(
      '4 skills found in skills-repo; skipped: 3 folders without a skill (.github/, docs/, scripts/), 4 files outside any skill (',
    );
    await expect(notice).toHaveAttribute('role', 'status');
    await expect(app.skills.getByTestId('skill-source')).toContainText([
      'skills-repo/.claude/skills/repo-helper',
      'skills-repo/skills/alpha',
      'skills-repo/skills/beta',
      'skills-repo/skills/gamma',
    ]);
    // The first skill found is opened; the others' files are read when they are.
    await expect(page.locator('#skill-title')).toHaveText(/alpha|beta|gamma|repo-helper/);
    await app.skillLink('beta').click();
    await expect(page.getByText('Folder skills-repo/skills/beta')).toBeVisible();
    await page.getByText(/^Files \(\d+\)$/).click();
    await expect(page.getByRole('button', { name: 'notes.md', exact: true })).toBeVisible();
  });

  test('dropped as a folder: .git and node_modules are not read, and said so', async ({ page }) => {
    const app = new Playground(page);
    await app.open();
    await app.dropFolderAsEntries(readFolder(path.join(REPOS, 'skills-repo')));
    await expectCheckoutListed(app);
    await expectSkipped(page, [
      '.github/: no SKILL.md (nor skill.wasm) in it',
      'docs/: no SKILL.md (nor skill.wasm) in it',
      'scripts/: no SKILL.md (nor skill.wasm) in it',
      'LICENSE: a file in no skill',
      'README.md: a file in no skill',
      'package.json: a file in no skill',
      'skills/README.md: a file in no skill',
      '.git/: not searched (never part of a skill)',
      'node_modules/: not searched (never part of a skill)',
    ]);
  });

  test('as GitHub’s ZIP: the <repo>-main/ folder is unwrapped and searched the same', async ({
    page,
  }) => {
    const app = new Playground(page);
    await app.open();
    await page
      .getByLabel('Open skill file')
      .setInputFiles(path.join(REPOS, 'skills-repo-main.zip'));
    await expectCheckoutListed(app);
    await expect(importNotice(page)).toContainText(
      '4 skills found in skills-repo-main.zip; skipped: 3 folders without a skill (.github/, docs/, scripts/)',
    );
    await app.skillLink('gamma').click();
    await expect(page.getByText('Archive skills-repo-main.zip › skills/gamma')).toBeVisible();
  });

  test('a nested monorepo: skills four to six folders down are found', async ({ page }) => {
    const app = new Playground(page);
    await app.open();
    await app.dropFiles(readFolder(path.join(REPOS, 'monorepo')));
    for (const name of ['migrate', 'deploy', 'invoice']) {
      await expect(app.skillLink(name)).toBeVisible();
    }
    await expect(importNotice(page)).toContainText('3 skills found in monorepo');
    await expect(app.skills.getByTestId('skill-source')).toContainText([
      'monorepo/packages/api/skills/migrate',
      'monorepo/packages/web/tools/skills/deploy',
      'monorepo/services/billing/internal/agents/skills/invoice',
    ]);
  });

  test('a drop with no skill in it says so', async ({ page }) => {
    const app = new Playground(page);
    await app.open();
    await app.dropFiles({ 'notes/todo.md': text('- write a skill') });
    const notice = importNotice(page);
    await expect(notice).toHaveAttribute('role', 'alert');
    await expect(notice).toContainText(
      'No skill found in notes; skipped: 1 file outside any skill (todo.md). A skill is a folder with a SKILL.md.',
    );
    await expect(app.skills.getByRole('link')).toHaveCount(EXAMPLES);
  });
});

test('two skills of one name are both kept, each with its place and a warning naming the other, across reloads', async ({
  page,
}) => {
  const app = new Playground(page);
  await app.open();
  await app.dropFiles(readFolder(path.join(REPOS, 'twins')));
  const pair = app.skillLink('formatter');
  await expect(pair).toHaveCount(2);
  const expectPair = async () => {
    const items = app.skills
      .getByRole('listitem')
      .filter({ has: page.getByRole('link', { name: 'formatter', exact: true }) });
    await expect(items.getByTestId('skill-source')).toHaveText([
      'twins/team-a/skills/formatter',
      'twins/team-b/formatter',
    ]);
    await expect(items.getByTestId('same-name')).toHaveText([
      'Another skill is named formatter too: twins/team-b/formatter.',
      'Another skill is named formatter too: twins/team-a/skills/formatter.',
    ]);
    await expect(items.getByText('Team A’s formatter.')).toBeVisible();
    await expect(items.getByText('Team B’s formatter.')).toBeVisible();
  };
  await expectPair();
  await pair.nth(1).click();
  await expect(page.locator('[data-rule="name-shared"]')).toContainText(
    'Another skill is named formatter too, from twins/team-a/skills/formatter: both are kept',
  );

  // The same folder again updates both, and lists no third.
  await app.dropFiles(readFolder(path.join(REPOS, 'twins')));
  await expect(importNotice(page)).toContainText(
    '2 skills found in twins; formatter and formatter were opened before from the same place and are updated.',
  );
  await expect(pair).toHaveCount(2);

  // Both are kept for the next visit, still told apart.
  await expect
    .poll(() => storedKeys(page))
    .toEqual(['local:twins/team-a/skills/formatter', 'local:twins/team-b/formatter']);
  await page.reload();
  await expect(pair).toHaveCount(2);
  await expectPair();
});

/** The keys of the skills kept in IndexedDB, as the next visit will list them. */
async function storedKeys(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const database = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('skill-playground-skills');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    try {
      if (!database.objectStoreNames.contains('meta')) return [];
      const keys = await new Promise<IDBValidKey[]>((resolve, reject) => {
        const request = database.transaction('meta').objectStore('meta').getAllKeys();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      return keys.map(String).sort();
    } finally {
      database.close();
    }
  });
}

test('a folder with wasm/skill.wasm and no SKILL.md is a skill named by its folder, with a warning', async ({
  page,
}) => {
  const app = new Playground(page);
  await app.open();
  await app.dropFiles(readFolder(path.join(REPOS, 'openskills-examples')));
  await expect(importNotice(page)).toContainText(
    '1 skill found in openskills-examples; skipped: 1 file outside any skill (README.md).',
  );
  await expect(app.skillLink('hello-wasm')).toBeVisible();
  const warning = page.locator('[data-rule="skill-md-missing-wasm"]');
  await expect(warning).toContainText('warning');
  await expect(warning).toContainText('"hello-wasm" has no SKILL.md: it is named by its folder');
  await expect(page.getByRole('region', { name: 'Diagnostics' })).toContainText(
    '1 finding in this skill: 1 warning',
  );
  await app.expectLoaded('run');
});

test.describe('.tar.gz archives', () => {
  test('picked: an archive whose root is the skill, its inside link read as a copy', async ({
    page,
  }) => {
    const app = new Playground(page);
    await app.open();
    await page
      .getByLabel('Open skill file')
      .setInputFiles(path.join(REPOS, 'tarballs/pdf-tools.tar.gz'));
    await expect(app.skillLink('pdf-tools')).toBeVisible();
    await expect(importNotice(page)).toContainText('1 skill found in pdf-tools.tar.gz.');
    await expect(page.getByText('Archive pdf-tools.tar.gz')).toBeVisible();
    await expect(page.getByRole('region', { name: 'Diagnostics' })).toHaveCount(0);
    await page.getByText(/^Files \(\d+\)$/).click();
    await page.getByRole('button', { name: 'latest.md', exact: true }).click();
    await expect(page.getByText('Form fields.')).toBeVisible();
  });

  test('dropped: every skill in it is found', async ({ page }) => {
    const app = new Playground(page);
    await app.open();
    await app.dropFiles({ 'two-skills.tgz': bytes('tarballs/two-skills.tgz').toString('base64') });
    await expect(app.skillLink('one')).toBeVisible();
    await expect(app.skillLink('two')).toBeVisible();
    await expect(importNotice(page)).toContainText(
      '2 skills found in two-skills.tgz; skipped: 1 file outside any skill (README.md).',
    );
  });

  test('loaded from a URL', async ({ page }) => {
    const app = new Playground(page);
    await page.route('https://skills.test/pdf-tools.tar.gz', (route) =>
      route.fulfill({
        body: bytes('tarballs/pdf-tools.tar.gz'),
        contentType: 'application/gzip',
        headers: { 'Access-Control-Allow-Origin': '*' },
      }),
    );
    await page.goto('/?skill=https://skills.test/pdf-tools.tar.gz');
    await expect(app.skillLink('pdf-tools')).toBeVisible();
    await expect(page.getByText('From https://skills.test/pdf-tools.tar.gz')).toBeVisible();
  });

  for (const [name, message] of [
    [
      'escaping-link.tar.gz',
      'escaping-link.tar.gz was refused: the link "secrets" points to "../../../etc/passwd", outside the archive: links must stay inside the skill.',
    ],
    [
      'dotdot.tar.gz',
      'dotdot.tar.gz was refused: the entry "../evil.txt" is unsafe: it climbs out of the archive with "..".',
    ],
  ] as const) {
    test(`${name} is refused with a sentence, and nothing of it is imported`, async ({ page }) => {
      const app = new Playground(page);
      await app.open();
      await page.getByLabel('Open skill file').setInputFiles(path.join(REPOS, 'tarballs', name));
      const notice = importNotice(page);
      await expect(notice).toHaveAttribute('role', 'alert');
      await expect(notice).toContainText(message);
      await expect(app.skills.getByRole('link')).toHaveCount(EXAMPLES);
    });
  }
});
