import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { BUILT_FIXTURES, Playground } from './playground';

const GEOMETRY = 'playground:shapes/geometry@0.1.0';

async function openShapes(page: Page): Promise<Playground> {
  const app = new Playground(page);
  await app.open();
  await app.openSkill('wit-shapes', 'greet');
  return app;
}

test.describe('any other component', () => {
  test('lists exported functions by interface and flags what it cannot call', async ({ page }) => {
    const app = await openShapes(page);
    // componentize-qjs's own `init` export is not offered; interface functions follow their interface.
    await expect(page.getByRole('tab')).toHaveText([
      'greet',
      'checked-div',
      'swap',
      'is-some',
      'area',
      'centroid',
      'describe',
    ]);
    await expect(page.getByRole('tablist', { name: 'Tools of this skill' })).toContainText(
      GEOMETRY,
    );
    await expect(page.getByRole('list', { name: 'Exports not supported yet' })).toContainText(
      'playground:shapes/counter@0.1.0 · resource tally: resources are not supported yet (constructor, add).',
    );
    await expect(app.form('greet')).toContainText(
      'greet: func(name: string, times: u8) -> list<string>',
    );
  });

  test('integers keep their width: ranges are checked and 64-bit values stay exact', async ({
    page,
  }) => {
    const app = await openShapes(page);
    await app.field('greet', 'name').fill('Ada');
    await app.field('greet', 'times').fill('300');
    await app.run('greet');
    await expect(app.form('greet')).toContainText('A u8 is 0 to 255.');
    await app.field('greet', 'times').fill('2');
    await app.run('greet');
    await app.expectStatus('ok');
    await expect(app.output).toHaveText('["1: hello, Ada", "2: hello, Ada"]');
    await expect(app.result).toContainText('Returned list<string>');

    await app.tab('swap').click();
    // One past u64's range is refused; the check is exact (BigInt), where a number would round.
    await app.field('swap', 't 1').fill('18446744073709551616');
    await app.field('swap', 't 2').fill('ab');
    await app.run('swap');
    await expect(app.form('swap')).toContainText('A u64 is 0 to 18446744073709551615.');
    await expect(app.form('swap')).toContainText('Enter exactly one character.');
    await app.field('swap', 't 1').fill('4503599627370497');
    await app.field('swap', 't 2').fill('é');
    await app.run('swap');
    await app.expectStatus('ok');
    await expect(app.output).toHaveText("('é', 9007199254740994)");
  });

  test('results, options and variants are chosen by case and shown in the same shape', async ({
    page,
  }) => {
    const app = await openShapes(page);
    await app.tab('checked-div').click();
    await app.field('checked-div', 'a').fill('7');
    await app.field('checked-div', 'b').fill('0');
    await app.run('checked-div');
    await app.expectStatus('ok');
    await expect(app.output).toHaveText('err("division by zero")');
    await app.field('checked-div', 'b').fill('-2');
    await app.run('checked-div');
    await expect(app.output).toHaveText('ok(-3)');

    await app.tab('is-some').click();
    await app.run('is-some');
    await app.expectStatus('ok');
    await expect(app.output).toHaveText('false');
    await app.field('is-some', 'x case').selectOption('some');
    await app.field('is-some', 'x some').fill('65535');
    await app.run('is-some');
    await expect(app.output).toHaveText('true');

    await app.tab('area').click();
    await app.field('area', 's case').selectOption('rectangle');
    await app.field('area', 's rectangle x').fill('2');
    await app.field('area', 's rectangle y').fill('-3.5');
    await app.run('area');
    await app.expectStatus('ok');
    await expect(app.output).toHaveText('7');
  });

  test('records in lists, enums and flags build the arguments of interface functions', async ({
    page,
  }) => {
    const app = await openShapes(page);
    await app.tab('centroid').click();
    await app.run('centroid');
    await app.expectStatus('ok');
    await expect(app.output).toHaveText('none');

    const form = app.form('centroid');
    await form.getByRole('button', { name: 'Add points item' }).click();
    await form.getByRole('button', { name: 'Add points item' }).click();
    await app.field('centroid', 'points item 1 x').fill('1');
    await app.field('centroid', 'points item 1 y').fill('1');
    await app.field('centroid', 'points item 2 x').fill('3');
    await app.field('centroid', 'points item 2 y').fill('oops');
    await app.run('centroid');
    await expect(form).toContainText('"oops" is not a number');
    await app.field('centroid', 'points item 2 y').fill('5');
    await app.run('centroid');
    await app.expectStatus('ok');
    await expect(app.output).toHaveText('some({x: 2, y: 3})');

    await app.tab('describe').click();
    await app.field('describe', 's case').selectOption('circle');
    await app.field('describe', 's circle').fill('1');
    await app.field('describe', 'u').selectOption('cm');
    await app.field('describe', 'st bold').check();
    await app.run('describe');
    await app.expectStatus('ok');
    await expect(app.output).toHaveText('"circle of area 3.14 cm^2 (bold)"');
  });

  test('a component built with the 2023 encoding of interface names lists its functions', async ({
    page,
  }) => {
    const app = new Playground(page);
    await app.open();
    // Interface names marked 0x01, as older cargo-component builds have them.
    await page
      .getByLabel('Open skill file')
      .setInputFiles(path.join(BUILT_FIXTURES, 'components/wit-every-type-2023-names.wasm'));
    await expect(app.skillLink('wit-every-type-2023-names')).toBeVisible();
    await app.expectLoaded('hello');
    await expect(page.getByRole('tab')).toHaveText([
      'hello',
      'area',
      'mix',
      'ints',
      'check',
      'nothing',
      'unit',
      'ping',
    ]);
    await expect(page.getByRole('tablist', { name: 'Tools of this skill' })).toContainText(
      'fixtures:every-type/api@0.2.1',
    );
    await expect(page.getByRole('alert')).toHaveCount(0);
  });

  test('a WASI 0.3 (p3) command says it is not supported before Run, with every export listed', async ({
    page,
  }) => {
    const app = new Playground(page);
    await app.open();
    await page
      .getByLabel('Open skill file')
      .setInputFiles(path.join(BUILT_FIXTURES, 'components/wit-p3-command.wasm'));
    await expect(app.skillLink('wit-p3-command')).toBeVisible();
    await expect(page.getByRole('alert')).toContainText(
      'WASI 0.3 (p3) components are not supported yet: this command exports wasi:cli/run@0.3.0',
    );
    const unsupported = page.getByRole('list', { name: 'Exports not supported yet' });
    await expect(unsupported.getByRole('listitem')).toHaveText([
      /^fixtures:p3-jobs\/jobs@0\.1\.0 · now: WASI 0\.3 \(p3\) components are not supported yet/,
      /^fixtures:p3-jobs\/jobs@0\.1\.0 · start: async \(p3\) functions are not supported yet/,
      /^fixtures:p3-jobs\/jobs@0\.1\.0 · feed: uses stream \(p3 async\): not supported yet/,
      /^wasi:cli\/run@0\.3\.0 · run: async \(p3\) functions are not supported yet/,
    ]);
    await expect(page.getByRole('button', { name: 'Run', exact: true })).toHaveCount(0);
    await expect(page.getByRole('tab')).toHaveCount(0);
  });
});
