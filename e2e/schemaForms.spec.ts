import { expect, test, type Locator } from '@playwright/test';
import { Playground } from './playground';

// The schema-forms fixture's `order` tool takes nested objects, an array of objects, enums, a
// oneOf and a $ref; its command answers {"received": <its arguments>}.

const group = (within: Locator, name: string) => within.getByRole('group', { name, exact: true });

/** The arguments the component received, from its output. */
async function received(app: Playground): Promise<unknown> {
  await app.expectStatus('ok');
  const raw = app.result.getByRole('button', { name: 'Raw' });
  if ((await raw.getAttribute('aria-pressed')) !== 'true') await raw.click();
  const text = (await app.output.textContent()) ?? '';
  return (JSON.parse(text) as { received: unknown }).received;
}

/** The JSON view's text, as the editor shows it (every line is in sight). */
async function jsonViewValue(form: Locator): Promise<unknown> {
  const lines = form.getByTestId('arguments-json').locator('.view-lines');
  await expect(lines).toBeVisible();
  const text = ((await lines.innerText()) ?? '').replace(/\u00a0/g, ' ');
  return JSON.parse(text);
}

async function fillOrder(app: Playground) {
  const form = app.form('order');
  const customer = group(form, 'customer');
  await customer.getByLabel('name', { exact: true }).fill('Ada');
  await customer.getByLabel('email', { exact: true }).fill('ada@example.org');
  const address = group(customer, 'address');
  await address.getByLabel('city', { exact: true }).fill('Berlin');
  await expect(address.getByLabel('country', { exact: true })).toHaveValue('DE');
  await address.getByLabel('country', { exact: true }).selectOption('FR');

  // minItems 1: the form starts with one line, its quantity at its default.
  const first = group(form, 'lines 1');
  await expect(first.getByLabel('quantity', { exact: true })).toHaveValue('1');
  await first.getByLabel('sku', { exact: true }).fill('ABC-1');
  await first.getByLabel('quantity', { exact: true }).fill('2');
  await form.getByRole('button', { name: 'Add lines item' }).click();
  const second = group(form, 'lines 2');
  await second.getByLabel('sku', { exact: true }).fill('XYZ-9');
  await second.getByLabel('quantity', { exact: true }).fill('5');
  await form.getByRole('button', { name: 'Move lines 2 up' }).click();
  await expect(group(form, 'lines 1').getByLabel('sku', { exact: true })).toHaveValue('XYZ-9');

  await form.getByLabel('payment', { exact: true }).selectOption('invoice');
  await group(form, 'payment (invoice)').getByLabel('days', { exact: true }).selectOption('30');

  // A nullable note starts as null (its default); unticked, it takes text.
  await form.getByLabel('note is null').uncheck();
  await form.getByLabel('note', { exact: true }).fill('ring twice');
}

const ORDER = {
  customer: { name: 'Ada', email: 'ada@example.org', address: { city: 'Berlin', country: 'FR' } },
  lines: [
    { sku: 'XYZ-9', quantity: 5 },
    { sku: 'ABC-1', quantity: 2 },
  ],
  payment: { method: 'invoice', days: 30 },
  note: 'ring twice',
};

test.beforeEach(async ({ page }) => {
  const app = new Playground(page);
  await app.open();
  await app.openFixture('schema-forms', 'order');
});

test('a tool with nested objects, arrays of objects, enums, a oneOf and a $ref runs from its form alone', async ({
  page,
}) => {
  const app = new Playground(page);
  await fillOrder(app);
  await app.run('order');
  expect(await received(app)).toEqual(ORDER);
});

test('the form and its JSON view show the same arguments, both ways', async ({ page }) => {
  // Two runs, two trips through the editor and a form filled by hand: longer than most tests.
  test.slow();
  const app = new Playground(page);
  const form = app.form('order');
  await fillOrder(app);
  await form.getByRole('button', { name: 'JSON', exact: true }).click();
  await expect.poll(() => jsonViewValue(form)).toEqual(ORDER);

  // An edit in the JSON view (the card branch of the oneOf, a third line) shows in the form.
  const changed = {
    ...ORDER,
    lines: [...ORDER.lines, { sku: 'NEW-3', quantity: 7 }],
    payment: { method: 'card', last4: '4242' },
    note: null,
  };
  const editor = form.getByTestId('arguments-json').getByTestId('code-editor');
  await editor.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText(JSON.stringify(changed));
  // Whatever the editor closed for us (a bracket) goes: the text is exactly the JSON above.
  await page.keyboard.press('ControlOrMeta+Shift+End');
  await page.keyboard.press('Delete');
  await form.getByRole('button', { name: 'Form', exact: true }).click();
  await expect(group(form, 'lines 3').getByLabel('sku', { exact: true })).toHaveValue('NEW-3');
  await expect(form.getByLabel('payment', { exact: true })).toHaveValue('0');
  await expect(group(form, 'payment (card)').getByLabel('last4', { exact: true })).toHaveValue(
    '4242',
  );
  await expect(form.getByLabel('note is null')).toBeChecked();
  await app.run('order');
  expect(await received(app)).toEqual(changed);

  // JSON that does not parse blocks Run and going back, and says why; nothing typed is lost.
  await form.getByRole('button', { name: 'JSON', exact: true }).click();
  await editor.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText('{"customer": ');
  await form.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(form.getByTestId('form-level-error')).toContainText('Invalid JSON');
  await form.getByRole('button', { name: 'Form', exact: true }).click();
  await expect(form.getByTestId('form-level-error')).toContainText('Invalid JSON');
  await expect(form.getByTestId('arguments-json')).toBeVisible();
});

test('a bad value is refused at its field, said aloud, and Run does not start', async ({
  page,
}) => {
  const app = new Playground(page);
  const form = app.form('order');
  await fillOrder(app);
  const line = group(form, 'lines 2');
  await line.getByLabel('sku', { exact: true }).fill('abc');
  await line.getByLabel('quantity', { exact: true }).fill('0');
  const before = await app.result.getAttribute('data-run-id');
  await form.getByRole('button', { name: 'Run', exact: true }).click();

  const sku = line.getByLabel('sku', { exact: true });
  await expect(sku).toHaveAttribute('aria-invalid', 'true');
  await expect(sku).toHaveAccessibleDescription(/must match the pattern/i);
  await expect(line.getByLabel('quantity', { exact: true })).toHaveAccessibleDescription(
    'Must be >= 1.',
  );
  await expect(page.getByTestId('announce-assertive')).toContainText('order did not run');
  expect(await app.result.getAttribute('data-run-id')).toBe(before);

  // In the JSON view, the editor marks the value against the tool's schema as it shows it (Monaco's
  // JSON worker, under the page's CSP), and Run refuses it with where it is.
  await form.getByRole('button', { name: 'JSON', exact: true }).click();
  await expect(
    form.getByTestId('arguments-json').locator('.squiggly-error').first(),
  ).toBeAttached();
  await form.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(form.getByRole('alert', { name: 'Problems in the arguments' })).toContainText(
    'lines[1].quantity: Must be >= 1.',
  );
  expect(await app.result.getAttribute('data-run-id')).toBe(before);
});
