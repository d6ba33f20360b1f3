import { expect, test } from '@playwright/test';
import { Playground, text } from './playground';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
).toString('base64');

test('an instructions-only skill renders its Markdown safely and fills its arguments', async ({
  page,
}) => {
  const app = new Playground(page);
  let remoteRequested = false;
  await page.route('https://images.example.test/**', (route) => {
    remoteRequested = true;
    return route.fulfill({ body: Buffer.from(PNG, 'base64'), contentType: 'image/png' });
  });
  await app.open();
  await app.dropFiles({
    'refund-flow/SKILL.md': text(
      [
        '---',
        'name: refund-flow',
        'description: Handle a refund.',
        'arguments:',
        '  - name: order',
        '    description: The order id',
        '    required: true',
        '  - name: reason',
        '---',
        '# Refunds',
        '',
        'Refund order ${order} because $1. All: $ARGUMENTS.',
        '',
        '<script>window.__pwned = true</script><b>raw html</b>',
        '',
        '[docs](https://example.test/docs) [bad](javascript:alert(1))',
        '',
        '![logo](assets/logo.png) ![tracker](https://images.example.test/pixel.png)',
      ].join('\n'),
    ),
    'refund-flow/assets/logo.png': PNG,
  });
  const markdown = page.getByTestId('skill-markdown');
  await expect(markdown.getByRole('heading', { name: 'Refunds' })).toBeVisible();
  // No raw HTML, no script, no javascript: links; links open without a referrer.
  await expect(markdown.locator('script, b')).toHaveCount(0);
  expect(
    await page.evaluate(() => (window as unknown as { __pwned?: boolean }).__pwned),
  ).toBeUndefined();
  await expect(markdown.getByRole('link', { name: 'docs' })).toHaveAttribute('rel', /noreferrer/);
  await expect(markdown.getByRole('link', { name: 'bad' })).not.toHaveAttribute(
    'href',
    /javascript/,
  );
  // The bundle's own image shows; a remote one waits for consent.
  await expect(markdown.getByRole('img', { name: 'logo' })).toHaveAttribute('src', /^blob:/);
  await expect(markdown.getByRole('img', { name: 'tracker' })).toHaveCount(0);
  expect(remoteRequested).toBe(false);
  await markdown.getByRole('button', { name: /Load image from images.example.test/ }).click();
  await expect(markdown.getByRole('img', { name: 'tracker' })).toBeVisible();

  const form = page.getByRole('form', { name: 'Arguments' });
  await form.getByRole('button', { name: 'Render' }).click();
  await expect(form.getByText('Required.')).toBeVisible();
  await form.getByLabel('order', { exact: true }).fill('A-17');
  await form.getByLabel('reason', { exact: true }).fill('it broke');
  await form.getByRole('button', { name: 'Render' }).click();
  await expect(page.getByTestId('rendered-instructions')).toContainText(
    'Refund order A-17 because it broke. All: A-17 it broke.',
  );
});

test('each instructions-only skill keeps its own arguments and rendered text', async ({ page }) => {
  const app = new Playground(page);
  await app.open();
  await app.dropFiles({
    'skills/review/SKILL.md': text(
      '---\nname: review\ndescription: Review a file.\n---\nReview $ARGUMENTS carefully.\n',
    ),
    'skills/explain/SKILL.md': text(
      '---\nname: explain\ndescription: Explain a topic.\n---\nExplain $ARGUMENTS simply.\n',
    ),
  });
  const form = page.getByRole('form', { name: 'Arguments' });
  const rendered = page.getByTestId('rendered-instructions');

  await app.skillLink('review').click();
  await expect(page.getByRole('heading', { name: 'review', exact: true })).toBeVisible();
  await form.getByLabel('arguments', { exact: true }).fill('main.rs');
  await form.getByRole('button', { name: 'Render' }).click();
  await expect(rendered).toHaveText('Review main.rs carefully.');

  // Another skill shows its own empty form, not the text rendered for the first.
  await app.skillLink('explain').click();
  await expect(page.getByRole('heading', { name: 'explain', exact: true })).toBeVisible();
  await expect(rendered).toHaveCount(0);
  await expect(form.getByLabel('arguments', { exact: true })).toHaveValue('');
  await form.getByLabel('arguments', { exact: true }).fill('monads');
  await form.getByRole('button', { name: 'Render' }).click();
  await expect(rendered).toHaveText('Explain monads simply.');

  // Back to the first: what was typed and rendered there is still there.
  await app.skillLink('review').click();
  await expect(form.getByLabel('arguments', { exact: true })).toHaveValue('main.rs');
  await expect(rendered).toHaveText('Review main.rs carefully.');
});
