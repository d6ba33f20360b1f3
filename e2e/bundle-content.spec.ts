import path from 'node:path';
import { expect, test } from '@playwright/test';
import { BUILT_FIXTURES, Playground, readFolder, text } from './playground';

// Walls between a bundle's bytes and the app. Every attack below is built here, from nothing but
// strings, so the suite needs no third-party payloads.

test('a bad image URL in SKILL.md takes down only itself: the tools still run', async ({
  page,
}) => {
  test.slow();
  const files = readFolder(path.join(BUILT_FIXTURES, 'c-command'));
  files['c-command/SKILL.md'] = text(
    [
      '---',
      'name: c-command',
      'description: A command whose SKILL.md has a broken image.',
      '---',
      '# Broken image',
      '',
      '![x](https://[oops) and text after it',
    ].join('\n'),
  );
  const app = new Playground(page);
  await app.open();
  await app.dropFiles(files);
  // The first load wraps and transpiles the command, which a busy machine makes slow.
  await expect(app.form('echo')).toBeVisible({ timeout: 60_000 });
  await page.getByText('SKILL.md', { exact: true }).first().click();
  const markdown = page.getByTestId('skill-markdown');
  await expect(markdown.getByRole('heading', { name: 'Broken image' })).toBeVisible();
  await expect(markdown).toContainText('and text after it');
  await expect(page.getByText(/Something went wrong/)).toHaveCount(0);

  await app.field('echo', 'message').fill('still runs');
  await app.run('echo');
  await app.expectStatus('ok');
  await expect(app.output).toContainText('"message": "still runs"');
});

test('a billion-laughs SKILL.md is that skill’s own finding; the other skill of the drop opens', async ({
  page,
}) => {
  const laughs = ['---', 'name: laughs', 'description: Expands without end.'];
  laughs.push('l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]');
  for (let i = 1; i < 10; i++) {
    laughs.push(
      `l${i}: &l${i} [${Array(10)
        .fill(`*l${i - 1}`)
        .join(', ')}]`,
    );
  }
  laughs.push('---', 'Body');
  const app = new Playground(page);
  await app.open();
  await app.dropFolderAsEntries({
    'two-skills/laughs/SKILL.md': text(laughs.join('\n')),
    'two-skills/plain-skill/SKILL.md': text(
      '---\nname: plain-skill\ndescription: A plain skill.\n---\n# Plain\n',
    ),
  });
  await expect(app.skillLink('plain-skill')).toBeVisible();
  await expect(app.skillLink('laughs')).toBeVisible();

  await app.skillLink('laughs').click();
  const diagnostics = page.getByRole('region', { name: 'Diagnostics' });
  await expect(diagnostics.locator('[data-rule="yaml-alias-limit"]')).toHaveCount(1);

  await app.skillLink('plain-skill').click();
  await expect(page.getByRole('heading', { name: 'plain-skill' })).toBeVisible();
  await expect(
    page.getByTestId('skill-markdown').getByRole('heading', { name: 'Plain' }),
  ).toBeVisible();
  await expect(diagnostics).toHaveCount(0);
});
