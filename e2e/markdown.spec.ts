import { expect, test } from '@playwright/test';
import { Playground, text } from './playground';

// A 2×1 red PNG, and an SVG: both come from the skill's own files.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAYAAAD0In+KAAAAEUlEQVR42mP8z8DwnwEIGGEMAEp/BP1UYLUpAAAAAElFTkSuQmCC',
  'base64',
).toString('base64');
const SVG = text(
  '<svg xmlns="http://www.w3.org/2000/svg" width="20" height="10"><rect width="20" height="10" fill="blue"/></svg>',
);

const SKILL_MD = [
  '---',
  'name: gfm-skill',
  'description: A SKILL.md written in GitHub-flavoured Markdown.',
  '---',
  '# Formats',
  '',
  '| Format | Tool | Notes |',
  '|--------|------|-------|',
  '| PDF | pdftotext | ~~slow~~ fast |',
  '| DOCX | pandoc | <b>raw</b> [bad](javascript:alert(1)) |',
  '',
  '- [x] read the guide',
  '- [ ] write the report',
  '',
  'See www.example.test and https://example.test/docs for more.',
  '',
  'Read [the guide](references/guide.md#setup), the [API notes](./references/api%20notes.md),',
  'and [the missing one](references/missing.md).',
  '',
  '![chart](assets/chart.png) ![diagram](./assets/diagram.svg)',
].join('\n');

test('a SKILL.md in GitHub-flavoured Markdown shows tables, task lists, strikethrough and autolinks', async ({
  page,
}) => {
  const app = new Playground(page);
  await app.open();
  await app.dropFiles({
    'gfm-skill/SKILL.md': text(SKILL_MD),
    'gfm-skill/references/guide.md': text('# Guide\n\nSetup-steps\n'),
    'gfm-skill/references/api notes.md': text('# API\n'),
  });
  await expect(app.skillLink('gfm-skill')).toBeVisible();
  const markdown = page.getByTestId('skill-markdown');

  const table = markdown.getByRole('table');
  await expect(table.getByRole('columnheader')).toHaveText(['Format', 'Tool', 'Notes']);
  await expect(table.getByRole('row')).toHaveCount(3);
  await expect(table.getByRole('row').nth(1).getByRole('cell')).toHaveText([
    'PDF',
    'pdftotext',
    'slow fast',
  ]);
  await expect(table.locator('del')).toHaveText('slow');
  // The safety of plain Markdown holds inside tables: no raw HTML, no javascript: links.
  await expect(table.locator('b')).toHaveCount(0);
  await expect(table.getByRole('link', { name: 'bad' })).not.toHaveAttribute('href', /javascript/);

  const tasks = markdown.getByRole('checkbox');
  await expect(tasks).toHaveCount(2);
  await expect(tasks.first()).toBeChecked();
  await expect(tasks.nth(1)).not.toBeChecked();

  await expect(markdown.getByRole('link', { name: 'www.example.test' })).toHaveAttribute(
    'href',
    'http://www.example.test',
  );
  await expect(markdown.getByRole('link', { name: 'https://example.test/docs' })).toHaveAttribute(
    'rel',
    /noreferrer/,
  );
});

test("relative links open the skill's own files in the Files panel, and its images show", async ({
  page,
}) => {
  const app = new Playground(page);
  await app.open();
  await app.dropFiles({
    'gfm-skill/SKILL.md': text(SKILL_MD),
    'gfm-skill/references/guide.md': text('# Guide\n\nSetup-steps\n'),
    'gfm-skill/references/api notes.md': text('# API\n\nEndpoints-list\n'),
    'gfm-skill/assets/chart.png': PNG,
    'gfm-skill/assets/diagram.svg': SVG,
  });
  await expect(app.skillLink('gfm-skill')).toBeVisible();
  const markdown = page.getByTestId('skill-markdown');
  const tree = page.getByRole('list', { name: 'Files of this skill' });

  // The Files pane is beside the instructions, with no file chosen yet.
  await expect(tree.getByRole('button', { name: 'guide.md' })).not.toHaveAttribute(
    'aria-current',
    'true',
  );
  await markdown.getByRole('button', { name: 'the guide' }).click();
  const guide = page.getByRole('region', { name: 'File references/guide.md' });
  await expect(guide).toBeVisible();
  await expect(guide).toContainText('Setup-steps');
  await expect(tree.getByRole('button', { name: 'guide.md' })).toHaveAttribute(
    'aria-current',
    'true',
  );
  expect(page.url()).not.toContain('references');

  await markdown.getByRole('button', { name: 'API notes' }).click();
  await expect(page.getByRole('region', { name: 'File references/api notes.md' })).toContainText(
    'Endpoints-list',
  );
  // A relative link to a file the skill does not have is text that says so, not a broken link.
  await expect(markdown.getByText('the missing one')).toHaveAttribute(
    'title',
    'references/missing.md is not a file of this skill',
  );
  await expect(markdown.getByRole('link', { name: 'the missing one' })).toHaveCount(0);

  // Images from the bundle: a raster typed by its bytes, an SVG drawn into a PNG.
  await expect(markdown.getByRole('img', { name: 'chart' })).toHaveAttribute('src', /^blob:/);
  await expect(markdown.getByRole('img', { name: 'diagram' })).toHaveAttribute('src', /^blob:/);
  await expect
    .poll(() =>
      markdown
        .getByRole('img', { name: 'diagram' })
        .evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0),
    )
    .toBe(true);
});
