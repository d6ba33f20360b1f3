import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { Playground } from './playground';

/** Replaces line `line` of the open editor by typing, as a person would. */
async function replaceLine(page: Page, line: number, text: string) {
  const editor = page.getByTestId('code-editor');
  await editor.click();
  await page.keyboard.press('Control+Home');
  for (let i = 1; i < line; i++) await page.keyboard.press('ArrowDown');
  // Ctrl+L selects the whole line, however it wraps on screen.
  await page.keyboard.press('Control+L');
  await page.keyboard.type(`${text}\n`);
}

test('an edit in the editor turns a SKILL.md diagnostic on and off, and is kept across a reload', async ({
  page,
}) => {
  // Three lines typed key by key into Monaco and three loads of the skill: over a minute under load.
  test.slow();
  const app = new Playground(page);
  await app.open();
  await app.openSkill('text-tools', 'greet');
  await app.openFile('SKILL.md');
  const editor = page.getByTestId('code-editor');
  await expect(editor).toContainText('name: text-tools');
  const nameRule = page.locator('[data-rule="name-lowercase"]');
  await expect(nameRule).toHaveCount(0);

  await replaceLine(page, 2, 'name: Text-Tools');
  // The finding shows in the list and as a marker in the editor while typing.
  await expect(nameRule).toContainText('name "Text-Tools" must be lowercase.');
  await expect(nameRule).toContainText('SKILL.md:2:1');
  await expect(editor.locator('.squiggly-error').first()).toBeAttached();
  await replaceLine(page, 2, 'name: text-tools');
  await expect(nameRule).toHaveCount(0);
  await expect(editor.locator('.squiggly-error')).toHaveCount(0);

  await replaceLine(page, 3, 'description: Edited in the playground.');
  await expect(page.locator('#skill-title')).toHaveText('text-tools');
  await expect(page.locator('.skill-summary')).toHaveText('Edited in the playground.');
  const tree = page.getByRole('list', { name: 'Files of this skill' });
  await expect(tree.getByText('edited')).toBeVisible();
  // Saved after a pause in typing.
  await expect
    .poll(() => app.savedEdit('SKILL.md'))
    .toContain('description: Edited in the playground.\n');

  await page.reload();
  await app.openSkill('text-tools', 'greet');
  await expect(page.locator('.skill-summary')).toHaveText('Edited in the playground.');
  await app.openFile('SKILL.md');
  await expect(editor).toContainText('description: Edited in the playground.');
  await page.getByRole('button', { name: 'Revert' }).click();
  await expect(editor).toContainText('description: Greets people');
  await expect(tree.getByText('edited')).toHaveCount(0);
  await expect.poll(() => app.savedEdit('SKILL.md')).toBeNull();
  await page.reload();
  await app.openSkill('text-tools', 'greet');
  await expect(page.locator('.skill-summary')).toContainText('Greets people');
});

test('binary files show size and SHA-256; wasm files what they are, their WIT and producers', async ({
  page,
}) => {
  const app = new Playground(page);
  await app.open();
  await app.openSkill('text-tools', 'greet');
  await app.openFile('skill.wasm');
  const bytes = readFileSync(
    path.resolve(import.meta.dirname, '../public/examples/text-tools/skill.wasm'),
  );
  await expect(page.getByTestId('file-sha256')).toHaveText(
    createHash('sha256').update(bytes).digest('hex'),
  );
  await expect(page.getByText(`${bytes.length.toLocaleString('en')} bytes`)).toBeVisible();
  await expect(page.getByTestId('wasm-kind')).toContainText('A WebAssembly component');
  await expect(page.getByTestId('wasm-wit')).toContainText('export execute-tool: func(');
  await expect(page.getByRole('list', { name: 'Producers' })).toContainText('processed-by');

  await app.openFixture('c-command', 'echo');
  await app.openFile('skill.wasm');
  await expect(page.getByTestId('wasm-kind')).toHaveText('A WebAssembly core module.');
  // The fixture is linked with --strip-all, which drops the producers section too.
  await expect(page.getByRole('list', { name: 'Producers' })).toHaveText('none recorded');
  await expect(page.getByTestId('wasm-wit')).toHaveCount(0);
});
