import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { describeMeasured, figure, HOSTILE, measure } from './figures';
import { BUILT_FIXTURES, Playground, readFolder, text } from './playground';

// The built page's Content-Security-Policy has no 'unsafe-eval': nothing may compile code at run
// time. Everything that used to (Ajv, for every JSON Schema) still checks what it checked: a
// tool's form against its schema, a Capsule.toml, a SkillSpec; and the policy reports nothing.

/** A schema nested `levels` deep through allOf, where no field of the form is to blame. */
function deepSchema(levels: number): Record<string, unknown> {
  let schema: Record<string, unknown> = {};
  for (let i = 0; i < levels; i++) schema = { allOf: [schema] };
  return { ...schema, type: 'object', properties: { n: { type: 'number' } } };
}

/** The c-command fixture with tools of our own: JSON Schemas to check, and two it cannot use. */
function checkedCommand() {
  const files = readFolder(path.join(BUILT_FIXTURES, 'c-command'), 'checked-command');
  files['checked-command/SKILL.md'] = text(
    '---\nname: checked-command\ndescription: A command whose tools have schemas to check.\n---\n',
  );
  files['checked-command/skill-tools.json'] = text(
    JSON.stringify({
      version: 1,
      tools: [
        {
          name: 'echo',
          description: 'Echo the input.',
          protocol: 'json-stdio',
          inputSchema: {
            type: 'object',
            properties: {
              message: { type: 'string', minLength: 3 },
              exit: { type: 'integer', minimum: 0, maximum: 5, default: 0 },
            },
            required: ['message'],
          },
        },
        {
          name: 'broken',
          description: 'A schema that is not a valid JSON Schema.',
          protocol: 'json-stdio',
          inputSchema: { type: 'object', properties: { n: { type: 'number', minimum: 'ten' } } },
        },
        {
          name: 'deep',
          description: 'A schema nested 40 levels deep.',
          protocol: 'json-stdio',
          inputSchema: deepSchema(40),
        },
      ],
    }),
  );
  return files;
}

/** Collects what the policy refuses, in the page (events) and in its workers (console). */
async function watchPolicy(page: Page): Promise<() => Promise<string[]>> {
  const reported: string[] = [];
  page.on('pageerror', (error) => reported.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') reported.push(message.text());
  });
  page.on('worker', (worker) =>
    worker.on('console', (message) => {
      if (/Content Security Policy|unsafe-eval/i.test(message.text())) {
        reported.push(message.text());
      }
    }),
  );
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const w = window as unknown as { __violations?: string[] };
      (w.__violations ??= []).push(`${e.effectiveDirective} ${e.blockedURI}`);
    });
  });
  return async () => [
    ...reported,
    ...(await page.evaluate(
      () => (window as unknown as { __violations?: string[] }).__violations ?? [],
    )),
  ];
}

test(
  'with no eval allowed, tool forms, Capsule.toml and SkillSpec are still checked, and nothing is refused',
  HOSTILE,
  async ({ page }) => {
    test.slow();
    const violations = await watchPolicy(page);
    const response = await page.goto('/');
    const header = response!.headers()['content-security-policy']!;
    const meta = await page
      .locator('meta[http-equiv="Content-Security-Policy"]')
      .getAttribute('content');
    for (const policy of [header, meta!]) {
      expect(policy).toContain("script-src 'self' blob: 'wasm-unsafe-eval'");
      expect(policy).not.toContain("'unsafe-eval'");
    }
    const app = new Playground(page);
    await expect(app.skills.getByRole('link').first()).toBeVisible();
    const before = await app.storageSnapshot();
    // The policy holds: a script the page may run (from a blob: URL, as jco's output is) cannot
    // compile code from a string. (Code Playwright evaluates is exempt, so a script does it.)
    let evalRefused = false;
    const answered = await measure(page, async () => {
      evalRefused = await page.evaluate(async () => {
        const source = `try { new Function('return 1')(); window.__eval = 'ran'; }
      catch (error) { window.__eval = error instanceof EvalError ? 'refused' : String(error); }`;
        const script = document.createElement('script');
        script.src = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
        await new Promise((resolve) => {
          script.onload = script.onerror = resolve;
          document.head.append(script);
        });
        return (window as unknown as { __eval?: string }).__eval === 'refused';
      });
    });
    expect(evalRefused).toBe(true);
    figure('strings compiled by a script of the page', '0 of 1 (new Function)');
    figure('script added to refused', describeMeasured(answered));
    await app.expectStorageUnchanged(before);
    // That refusal was the test's own doing; from here on nothing may be refused.
    await page.reload();
    await expect(app.skills.getByRole('link').first()).toBeVisible();
    const reportedBefore = (await violations()).length;

    // A tool's form is checked against its JSON Schema, beside each field, before anything runs.
    await app.dropFiles(checkedCommand());
    await app.expectLoaded('echo');
    await app.field('echo', 'message').fill('hi');
    await app.field('echo', 'exit').fill('9');
    await app.run('echo');
    await expect(app.field('echo', 'message')).toHaveAccessibleDescription(
      'Must be at least 3 characters long.',
    );
    await expect(app.field('echo', 'exit')).toHaveAccessibleDescription('Must be <= 5.');
    await expect(app.form('echo').getByText('Fix the marked fields to run.')).toBeVisible();
    await expect(app.result).toHaveAttribute('data-run-id', '0');
    await app.field('echo', 'message').fill('hello');
    await app.field('echo', 'exit').fill('0');
    await app.run('echo');
    await app.expectStatus('ok');
    await expect(app.output).toContainText('hello');

    // A Capsule.toml gets its findings from the schema's generated validator.
    await app.dropFiles({
      'capsule-kit/Capsule.toml': text(
        ['[package]', 'name = 3', '', '[[component]]', 'id = "main"', 'type = "service"'].join(
          '\n',
        ),
      ),
    });
    await expect(app.skillLink('capsule-kit')).toBeVisible();
    const diagnostics = page.getByRole('region', { name: 'Diagnostics' });
    await expect(diagnostics.locator('[data-rule="capsule-component-type"]')).toBeVisible();
    await expect(diagnostics).toContainText('Capsule.toml:2');

    // So does a SkillSpec awaken would refuse.
    await app.dropFiles({
      'bad.json': text(JSON.stringify({ id: 'Search', name: 'x', description: 'd', extra: 1 })),
    });
    const refusal = page.getByRole('alert').filter({ hasText: 'bad.json is not a SkillSpec' });
    await expect(refusal).toContainText('id: must be lowercase');
    await expect(refusal).toContainText('extra: unknown field');

    expect((await violations()).slice(reportedBefore)).toEqual([]);
  },
);

test('a problem with the whole form, not one field, is said beside Run and nothing runs', async ({
  page,
}) => {
  const app = new Playground(page);
  await app.open();
  await app.dropFiles(checkedCommand());
  await app.expectLoaded('echo');

  await app.tab('broken').click();
  await app.field('broken', 'n').fill('3');
  await app.run('broken');
  await expect(app.form('broken').getByTestId('form-level-error')).toHaveText(
    "This tool's input schema cannot be used to check its input: /properties/n/minimum must be number.",
  );
  await expect(app.form('broken').getByTestId('form-level-error')).toHaveRole('alert');
  await expect(app.result).toHaveAttribute('data-run-id', '0');

  await app.tab('deep').click();
  await app.run('deep');
  await expect(app.form('deep').getByTestId('form-level-error')).toHaveText(
    "This tool's input schema nests deeper than 32 levels; the playground does not build a form for it.",
  );
  // No field is marked, so no "Fix the marked fields".
  await expect(app.form('deep').getByText(/Fix the marked field/)).toHaveCount(0);
  await expect(app.result).toHaveAttribute('data-run-id', '0');
});
