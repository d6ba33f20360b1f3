import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { DATABASES } from '../src/storage/keys';
import { BUILT_FIXTURES, Playground, readFolder, text } from './playground';

// Walls of issue 15 that the other suites leave unchecked: what the page may connect to, a stored
// record that cannot be read, the scope of a tool a skill asks for, and /workspace and
// configuration belonging to one source.

const root = path.resolve(import.meta.dirname, '..');

/** The sources of one directive, as a set: its order says nothing. */
function sourcesOf(policy: string, directive: string): Set<string> {
  const found = policy
    .split(';')
    .map((part) => part.trim().split(/\s+/))
    .find(([name]) => name === directive);
  if (!found) throw new Error(`The policy has no ${directive}: ${policy}`);
  return new Set(found.slice(1));
}

/** connect-src as docs/security.md documents it, in its table of directives. */
function documentedConnectSrc(): Set<string> {
  const docs = readFileSync(path.join(root, 'docs/security.md'), 'utf8');
  const row = /^\| `connect-src` \| `([^`]+)` \|/m.exec(docs);
  if (!row) throw new Error('docs/security.md documents no connect-src');
  return new Set(row[1]!.split(/\s+/));
}

test('the page may connect only where loading skills needs, as documented; elsewhere is refused', async ({
  page,
}) => {
  const response = await page.goto('/');
  const meta = await page
    .locator('meta[http-equiv="Content-Security-Policy"]')
    .getAttribute('content');
  const header = response!.headers()['content-security-policy']!;
  // What loading skills needs: this origin, any https URL, and http on this machine (a local
  // server of skills); nothing wider than docs/security.md says, in the meta and in the header.
  const needed = new Set(["'self'", 'https:', 'http://localhost:*', 'http://127.0.0.1:*']);
  expect(sourcesOf(meta!, 'connect-src')).toEqual(needed);
  expect(sourcesOf(header, 'connect-src')).toEqual(needed);
  expect(documentedConnectSrc()).toEqual(needed);

  const tried = await page.evaluate(async () => {
    const violations: string[] = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      violations.push(`${e.effectiveDirective} ${e.blockedURI}`),
    );
    const attempt = async (url: string) => {
      try {
        await fetch(url);
        return 'fetched';
      } catch {
        return 'refused';
      }
    };
    const results = {
      // http to another host, and a data: URL: neither is a source of the policy.
      otherHttp: await attempt('http://skills.example.test/skill.zip'),
      data: await attempt('data:text/plain,hello'),
      // This origin is: the built-in examples load from it.
      self: await attempt('/examples/index.json'),
    };
    // Violation events are queued as tasks: let them arrive.
    await new Promise((resolve) => setTimeout(resolve, 100));
    return { results, violations };
  });
  expect(tried.results).toEqual({ otherHttp: 'refused', data: 'refused', self: 'fetched' });
  expect(tried.violations).toEqual(
    expect.arrayContaining([
      'connect-src http://skills.example.test/skill.zip',
      expect.stringMatching(/^connect-src data/),
    ]),
  );
  expect(tried.violations.every((v) => v.startsWith('connect-src'))).toBe(true);
});

/** A SKILL.md of an instructions-only skill, whose body is one heading. */
const skillMd = (name: string, heading: string) =>
  text(`---\nname: ${name}\ndescription: A kept skill.\n---\n# ${heading}\n`);

/** Writes `value` under `key` in one of the app's IndexedDB stores, as a bug or a disk might. */
async function putStored(
  page: Page,
  database: { db: string; store: string },
  key: string,
  value: unknown,
) {
  await page.evaluate(
    async ([dbName, storeName, storedKey, stored]) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(dbName);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction(storeName, 'readwrite');
        tx.objectStore(storeName).put(stored, storedKey);
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    },
    [database.db, database.store, key, value] as const,
  );
}

test('a kept skill whose record cannot be read is named in a notice after a reload; the others open', async ({
  page,
}) => {
  const app = new Playground(page);
  await app.open();
  await app.dropFiles({
    'kept-skill/SKILL.md': skillMd('kept-skill', 'Kept instructions'),
    'lost-skill/SKILL.md': skillMd('lost-skill', 'Lost instructions'),
  });
  await expect(app.skillLink('lost-skill')).toBeVisible();
  for (const key of ['local:kept-skill', 'local:lost-skill']) {
    await expect.poll(() => app.storedValue(DATABASES.skillMeta, key)).not.toBeNull();
  }
  // The record of lost-skill is damaged: its description is no longer text.
  const record = (await app.storedValue(DATABASES.skillMeta, 'local:lost-skill')) as object;
  await putStored(page, DATABASES.skillMeta, 'local:lost-skill', { ...record, description: 42 });

  await page.reload();
  const notices = page.getByRole('list', { name: 'Notices' });
  await expect(notices).toContainText(
    'A skill kept in this browser, "lost-skill" (local:lost-skill), could not be listed',
  );
  await expect(notices).toContainText('does not have the fields this version expects');
  await expect(app.skillLink('lost-skill')).toHaveCount(0);
  // The other skill kept with it is listed and opens.
  await app.skillLink('kept-skill').click();
  await expect(page.getByRole('heading', { name: 'Kept instructions' })).toBeVisible();
});

test("a SKILL.md's allowed-tools are shown with their scope and what each maps to, and a run gets what they map to", async ({
  page,
}) => {
  const app = new Playground(page);
  await app.open();
  const files = readFolder(path.join(BUILT_FIXTURES, 'c-command'), 'scoped-command');
  files['scoped-command/SKILL.md'] = text(
    '---\nname: scoped-command\ndescription: A command asking for tools, one of them scoped.\nallowed-tools: Read Bash(git:*) WebFetch\n---\n# Scoped\n',
  );
  await app.dropFiles(files);
  await expect(app.form('echo')).toBeVisible();
  const permissions = page.getByRole('form', { name: 'Permissions' });
  await expect(permissions).toContainText(
    'SKILL.md asks to read files, write files, the network. The network stays off until you name hosts.',
  );
  await expect(
    permissions.getByRole('list', { name: 'Tools the skill declares' }).getByRole('listitem'),
  ).toHaveText([
    'Read: read files',
    'Bash scoped to git:*: read files, write files',
    'WebFetch: the network',
  ]);
  await expect(permissions).toContainText('No shell runs here');
  // Before a run, the run panel says what it may do: the files asked for, no network yet.
  await expect(permissions.getByLabel('Read files')).toBeChecked();
  await expect(permissions.getByLabel('Write files')).toBeChecked();
  await expect(permissions.getByLabel('Allowed hosts')).toHaveValue('');
  await expect(page.getByTestId('run-may')).toHaveText(
    'A run may read /skill and /workspace, write /workspace; reach no network.',
  );
});

/** The configuration keys the last run was given, from its audit record (never their values). */
async function configKeysOfRun(app: Playground): Promise<string[]> {
  await app.result.getByText('Run details').click();
  const audit = JSON.parse((await app.result.getByTestId('audit-record').textContent()) ?? '{}');
  return (audit.permissionsUsed as string[]).filter((p) => p.startsWith('env:'));
}

test("a skill of the same name from another folder gets none of the first one's /workspace or configuration", async ({
  page,
}) => {
  const app = new Playground(page);
  await app.open();
  const cCommand = path.join(BUILT_FIXTURES, 'c-command');
  const workspace = page.getByRole('region', { name: 'Workspace' });
  const note = workspace.getByRole('listitem').filter({ hasText: 'notes/mine.txt' });

  // The first c-command gets a configuration, a secret among it, and a file in its /workspace.
  await app.dropFiles(readFolder(cCommand, 'first/c-command'));
  await expect(app.form('echo')).toBeVisible();
  expect(await app.currentSkillKey()).toBe('local:first/c-command');
  await app.setConfig({ REGION: 'eu-first', API_TOKEN: 'first-secret' }, ['API_TOKEN']);
  await app.tab('note').click();
  await app.field('note', 'name').fill('mine');
  await app.field('note', 'text').fill('the first one only');
  await app.run('note');
  await app.expectStatus('ok');
  await expect(note).toBeVisible();
  await app.tab('echo').click();
  await app.field('echo', 'message').fill('whose?');
  await app.run('echo');
  await app.expectStatus('ok');
  expect(await configKeysOfRun(app)).toEqual(['env:REGION', 'env:API_TOKEN']);

  // Another c-command, from another folder: listed beside it, with nothing of the first's.
  await app.dropFiles(readFolder(cCommand, 'second/c-command'));
  await expect(app.skillLink('c-command')).toHaveCount(2);
  await expect.poll(() => app.currentSkillKey()).toBe('local:second/c-command');
  await expect(app.form('echo')).toBeVisible();
  await expect(app.configuration.getByLabel('Value of REGION', { exact: true })).toHaveCount(0);
  await expect(app.configuration.getByLabel('Value of API_TOKEN', { exact: true })).toHaveCount(0);
  await expect(workspace).toContainText('No files yet.');
  // Its run is given no configuration: its audit record lists no env: key.
  await app.tab('echo').click();
  await app.field('echo', 'message').fill('whose?');
  await app.run('echo');
  await app.expectStatus('ok');
  expect(await configKeysOfRun(app)).toEqual([]);

  // The first still has its own, after a reload too.
  await page.reload();
  await app.skillLink('c-command').first().click();
  await expect.poll(() => app.currentSkillKey()).toBe('local:first/c-command');
  await expect(app.configuration.getByLabel('Value of REGION', { exact: true })).toHaveValue(
    'eu-first',
  );
  await expect(note).toBeVisible();
  await app.skillLink('c-command').last().click();
  await expect.poll(() => app.currentSkillKey()).toBe('local:second/c-command');
  await expect(workspace).toContainText('No files yet.');
  await expect(app.configuration.getByLabel('Value of REGION', { exact: true })).toHaveCount(0);
});
