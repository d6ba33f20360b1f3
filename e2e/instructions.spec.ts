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
