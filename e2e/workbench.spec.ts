import { expect, test } from '@playwright/test';
import { Playground, text } from './playground';

// The edit-run loop: edit, run, read the result, fix a finding, all on one screen.

test('an edit to SKILL.md is used by the next run, which Ctrl+Enter in the editor starts', async ({
  page,
}) => {
  test.slow();
  const app = new Playground(page);
  await app.open();
  await app.openFixture('c-command', 'echo');
  await app.tab('note').click();
  await app.field('note', 'name').fill('loop');
  await app.field('note', 'text').fill('edited and run');

  await app.openFile('SKILL.md');
  await expect(app.editor).toContainText('name: c-command');
  await app.editor.click();
  await page.keyboard.press('Control+Home');
  await page.keyboard.type('edited first line\n');
  // The editor's own Ctrl+Enter would insert a line below; here it runs the tool.
  await page.keyboard.press('Control+Enter');
  await app.expectStatus('ok');
  // The note tool reads /skill/SKILL.md: the run saw the edit.
  await expect(app.output).toContainText('"skillMd": "edited first line"');
  await expect(page.getByTestId('edit-state')).toContainText(
    'Edited, used by the next run · saved in this browser',
  );
  await expect
    .poll(() => app.savedEdit('SKILL.md'))
    .toMatch(/^edited first line\n---\nname: c-command\n/);
});

test('a finding opens its file in the editor at its line', async ({ page }) => {
  const app = new Playground(page);
  await app.open();
  await app.dropFiles({
    'lines-skill/SKILL.md': text(
      '---\ndescription: A skill with a finding on line 3.\nname: Lines-Skill\n---\nBody\n',
    ),
  });
  const finding = page
    .getByRole('region', { name: 'Diagnostics' })
    .locator('[data-rule="name-lowercase"]');
  await expect(finding).toContainText('SKILL.md:3:1');
  await finding.getByRole('button').click();
  await expect(app.editor.locator('.active-line-number')).toHaveText('3');
  // The keyboard is in the editor, on that line.
  await expect(app.editor.locator('.monaco-editor')).toHaveClass(/focused/);
  // The editor says how to leave it, and Ctrl+M then Tab does.
  const input = app.editor.locator('[role="textbox"], textarea').first();
  const hint = await input.getAttribute('aria-describedby');
  await expect(page.locator(`#${hint}`)).toContainText('press Ctrl+M');
  await page.keyboard.press('Control+M');
  await page.keyboard.press('Tab');
  await expect
    .poll(() => page.evaluate(() => !!document.activeElement?.closest('.monaco-editor')))
    .toBe(false);
});

test('each tool shows its own last result; the tool tabs are one tab stop with arrow keys', async ({
  page,
}) => {
  const app = new Playground(page);
  await app.open();
  await app.openFixture('unruly-skill', 'echo');
  await app.field('echo', 'message').fill('first');
  await app.run('echo');
  await app.expectStatus('ok');
  await expect(app.output).toContainText('"message": "first"');

  await app.tab('say').click();
  await expect(app.result).toHaveAttribute('data-run-status', 'idle');
  await app.field('say', 'text').fill('second');
  await app.run('say');
  await app.expectStatus('ok');
  await expect(app.output).toHaveText('second');

  await app.tab('echo').click();
  await expect(app.output).toContainText('"message": "first"');
  await app.tab('say').click();
  await expect(app.output).toHaveText('second');

  // One tab stop: only the chosen tab takes Tab; the arrows move and choose.
  const tabs = page.getByRole('tablist', { name: 'Tools of this skill' }).getByRole('tab');
  await expect(tabs.and(page.locator('[tabindex="0"]'))).toHaveCount(1);
  await app.tab('say').focus();
  await page.keyboard.press('ArrowRight');
  await expect(app.tab('fail')).toBeFocused();
  await expect(app.tab('fail')).toHaveAttribute('aria-selected', 'true');
  await expect(app.form('fail')).toBeVisible();
  await page.keyboard.press('Home');
  await expect(app.tab('echo')).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(app.tab('count')).toHaveAttribute('aria-selected', 'true');
});

test('Enter in a one-line field runs without a newline reaching the skill; long text is a textarea', async ({
  page,
}) => {
  const app = new Playground(page);
  await app.open();
  await app.openSkill('text-tools', 'greet');
  const name = app.field('greet', 'name');
  await expect(name).toHaveJSProperty('tagName', 'INPUT');
  // The chip beside a field is its declared type.
  await expect(app.form('greet').locator('.param-type').first()).toHaveText('string');
  await name.fill('Grace');
  await name.press('Enter');
  await app.expectStatus('ok');
  await expect(app.output).toHaveText('Hello, Grace.');
  await expect(page.getByTestId('announce-polite')).toContainText('greet finished in');

  // A parameter named text is long: a textarea, where Enter is a new line and Ctrl+Enter runs.
  await app.tab('word-count').click();
  const body = app.field('word-count', 'text');
  await expect(body).toHaveJSProperty('tagName', 'TEXTAREA');
  await body.fill('one two');
  await body.press('Enter');
  await body.pressSequentially('three');
  await expect(app.result).toHaveAttribute('data-run-status', 'idle');
  await body.press('Control+Enter');
  await app.expectStatus('ok');
  await expect(app.output).toContainText('"lines": 2');
});

test('outputs show by content type: JSON as a tree, Markdown rendered, images as pictures', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const app = new Playground(page);
  await app.open();
  await app.openFixture('unruly-skill', 'echo');
  await app.tab('say').click();
  const say = async (output: string) => {
    await app.field('say', 'text').fill(output);
    await app.run('say');
    await app.expectStatus('ok');
  };

  // JSON: a tree whose nodes open and close, with a node's path and value to copy.
  await say('{"report": {"items": [1, 2], "ok": true}}');
  const tree = app.result.getByRole('tree', { name: 'Output as JSON' });
  await expect(tree.getByRole('treeitem', { name: '"ok": true' })).toBeVisible();
  await tree.getByRole('treeitem', { name: /^"items"/ }).click();
  await expect(app.result.getByTestId('json-path')).toHaveText('$.report.items');
  await app.result.getByRole('button', { name: 'Copy path' }).click();
  await expect(app.result.getByRole('button', { name: 'Copied' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('$.report.items');
  // The keyboard: the tree is one tab stop, on the chosen node.
  await tree.getByRole('treeitem', { name: /^"items"/ }).focus();
  await page.keyboard.press('ArrowLeft');
  await expect(tree.getByRole('treeitem', { name: /^"items"/ })).toHaveAttribute(
    'aria-expanded',
    'false',
  );
  await expect(tree.getByRole('treeitem', { name: '0: 1' })).toHaveCount(0);
  await page.keyboard.press('ArrowRight');
  await expect(tree.getByRole('treeitem', { name: '0: 1' })).toBeVisible();
  // The output as it came is one click away.
  await app.result.getByRole('button', { name: 'Raw' }).click();
  await expect(app.output).toHaveText('{"report": {"items": [1, 2], "ok": true}}');

  // Markdown: rendered, without raw HTML.
  await say('# Weekly report\n\n- **done**: 3\n- open: 1\n\n<script>window.__ran = 1</script>');
  await expect(app.result.getByRole('heading', { name: 'Weekly report' })).toBeVisible();
  await expect(app.result.getByRole('listitem')).toHaveCount(2);
  await expect(app.result.locator('script')).toHaveCount(0);

  // Images: a data: URL and an SVG document, each shown from a blob: URL the app made.
  const png =
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
  await say(`data:image/png;base64,${png}`);
  const image = app.result.getByRole('img', { name: 'The image say returned' });
  await expect(image).toHaveAttribute('src', /^blob:/);
  await say(
    '<svg xmlns="http://www.w3.org/2000/svg" width="20" height="10"><script>window.__ran = 1</script><rect width="20" height="10" fill="teal"/></svg>',
  );
  await expect(image).toHaveAttribute('src', /^blob:/);
  await expect
    .poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth))
    .toBeGreaterThan(0);
  expect(
    await page.evaluate(() => (window as unknown as { __ran?: number }).__ran),
  ).toBeUndefined();
});

test('Escape cancels a run from anywhere; the time shows against the limit while it runs', async ({
  page,
}) => {
  const app = new Playground(page);
  await app.open();
  await app.openFixture('unruly-skill', 'echo');
  await app.tab('spin').click();
  await app.run('spin');
  await app.expectStatus('running');
  await expect(app.result.getByTestId('run-progress')).toContainText('of its 10 s limit');
  // Focus away from the form: the key works wherever it is.
  await app.skillLink('unruly-skill').focus();
  await page.keyboard.press('Escape');
  await app.expectStatus('cancelled');
  await expect(page.getByTestId('announce-assertive')).toHaveText('spin was cancelled.');
});

test('on a phone the panes are tabs, and a tapped skill opens on its Run tab', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const app = new Playground(page);
  // Hold the component's fetch, to see the load's first stage.
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/examples/text-tools/skill.wasm', async (route) => {
    await held;
    await route.continue();
  });
  await app.open();
  const panes = page.getByRole('tablist', { name: 'Panes' });
  await expect(panes.getByRole('tab', { name: 'Skill' })).toHaveAttribute('aria-selected', 'true');
  await app.skillLink('text-tools').click();
  await expect(panes.getByRole('tab', { name: 'Run' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('status').filter({ hasText: 'Step 1 of 4' })).toContainText(
    'Fetching its files',
  );
  release();
  await app.expectLoaded('greet');
  await expect(app.form('greet')).toBeInViewport();
  await expect(app.field('greet', 'name')).toBeInViewport();
  await expect(app.skills).toBeHidden();

  await panes.getByRole('tab', { name: 'Files' }).click();
  await expect(page.getByRole('list', { name: 'Files of this skill' })).toBeVisible();
  await expect(app.form('greet')).toBeHidden();
  await panes.getByRole('tab', { name: 'Skill' }).click();
  await expect(app.skillLink('data-tools')).toBeVisible();
});

test('panes remember their sizes and collapse; the theme follows the system until chosen', async ({
  page,
}) => {
  await page.emulateMedia({ colorScheme: 'light' });
  const app = new Playground(page);
  await app.open();
  await app.openSkill('text-tools', 'greet');
  const splitter = page.getByRole('separator', { name: 'Resize the Skills pane' });
  const before = Number(await splitter.getAttribute('aria-valuenow'));
  await splitter.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(splitter).toHaveAttribute('aria-valuenow', String(before + 32));
  await page.getByRole('button', { name: 'Collapse the Files (3) pane' }).click();
  await expect(page.getByRole('button', { name: 'Show the Files pane' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await page.getByRole('button', { name: 'Dark theme' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');

  await page.reload();
  await app.expectLoaded('greet');
  await expect(splitter).toHaveAttribute('aria-valuenow', String(before + 32));
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.getByRole('button', { name: 'Show the Files pane' }).click();
  // The editor follows the theme.
  await app.openFile('SKILL.md');
  await expect(app.editor.locator('.monaco-editor')).toHaveClass(/vs-dark/);
  const settings = await app.openSettings();
  await settings.getByLabel('Theme').selectOption('system');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
});

test('a removed skill can be brought back for a few seconds; the skip link reaches the workbench', async ({
  page,
}) => {
  const app = new Playground(page);
  await app.open();
  await app.dropFiles({
    'keep-me/SKILL.md': text('---\nname: keep-me\ndescription: Removed, then undone.\n---\nBody\n'),
  });
  await expect(page.getByRole('heading', { name: 'keep-me' })).toBeVisible();
  await page.getByRole('button', { name: 'Remove skill' }).click();
  await expect(app.skillLink('keep-me')).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(app.skillLink('keep-me')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'keep-me' })).toBeVisible();
  await page.reload();
  await expect(app.skillLink('keep-me')).toBeVisible();

  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to the workbench' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main', { name: 'Workbench' })).toBeFocused();
});
