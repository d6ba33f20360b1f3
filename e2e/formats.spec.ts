import { expect, test } from '@playwright/test';
import { Playground, text } from './playground';

test('a Capsule.toml is read with diagnostics, and its tools, config and permissions are shown', async ({
  page,
}) => {
  const app = new Playground(page);
  await app.open();
  await app.dropFiles({
    'github-agent/Capsule.toml': text(
      [
        '[package]',
        'name = "github-agent"',
        'version = "1.0.0"',
        '',
        '[[component]]',
        'id = "main"',
        'file = "bin/github_agent.wasm"',
        'type = "service"',
        '',
        '[capabilities]',
        'net = ["api.github.com"]',
        '',
        '[env]',
        'github_token = { type = "secret", request = "Your GitHub API token" }',
        '',
        '[[tool]]',
        'name = "list_issues"',
        'description = "Lists the open issues of a repository"',
        'input_schema = { type = "object", properties = { repo = { type = "string" } } }',
      ].join('\n'),
    ),
    'github-agent/wit/agent.wit': text(
      'package astrid:agent;\n\nworld agent {\n  export list: func(repo: string) -> list<u32>;\n}\n',
    ),
  });
  await expect(app.skillLink('github-agent')).toBeVisible();
  const diagnostics = page.getByRole('region', { name: 'Diagnostics' });
  await expect(diagnostics.locator('[data-rule="capsule-component-missing"]')).toContainText(
    'Capsule.toml:7',
  );
  await expect(diagnostics.locator('[data-rule="capsule-component-type"]')).toBeVisible();
  const capsule = page.getByRole('region', { name: 'Capsule' });
  await expect(capsule.getByRole('list', { name: 'Capsule tools' })).toContainText(
    'list_issues: Lists the open issues of a repository (repo)',
  );
  await expect(capsule).toContainText('github_token (secret): Your GitHub API token');
  await expect(capsule).toContainText('net: api.github.com');
  await expect(capsule).toContainText('The playground runs it with @extism/extism');

  // TOML and WIT are highlighted: a table header and a keyword are not coloured as plain text.
  const tree = page.getByRole('list', { name: 'Files of this skill' });
  const plain = 'mtk1';
  await tree.getByRole('button', { name: 'Capsule.toml' }).click();
  const header = page
    .getByTestId('code-editor')
    .locator('.view-line span span', { hasText: '[package]' });
  await expect(header).toHaveCount(1);
  await expect(header).not.toHaveClass(plain);
  await tree.getByRole('button', { name: 'agent.wit' }).click();
  const keyword = page
    .getByTestId('code-editor')
    .locator('.view-line span span', { hasText: /^world$/ });
  await expect(keyword).toHaveCount(1);
  await expect(keyword).not.toHaveClass(plain);
});

test('a skill is shown as an awaken SkillSpec, and a SkillSpec JSON imports as a skill', async ({
  page,
}) => {
  const app = new Playground(page);
  await app.open();
  await app.openSkill('text-tools', 'greet');
  await page.getByText('As an awaken SkillSpec').click();
  const json = JSON.parse((await page.getByTestId('skillspec-json').textContent()) ?? '');
  expect(json).toMatchObject({ id: 'text-tools', name: 'text-tools', context: 'inline' });
  expect(json.instructions_md).toContain('# Text tools');

  // A record awaken refuses is refused with every reason.
  await app.dropFiles({
    'bad.json': text(JSON.stringify({ id: 'Search', name: 'x', description: 'd', extra: 1 })),
  });
  const refusal = page.getByRole('alert').filter({ hasText: 'bad.json is not a SkillSpec' });
  await expect(refusal).toContainText('id: must be lowercase');
  await expect(refusal).toContainText('extra: unknown field');
  await expect(refusal).toContainText('instructions_md');

  await app.dropFiles({
    'search.json': text(
      JSON.stringify({
        id: 'web-search',
        name: 'Web search',
        description: 'Searches the web.',
        instructions_md: 'Search for ${query} and summarise.',
        arguments: [{ name: 'query', required: true }],
      }),
    ),
  });
  await expect(app.skillLink('web-search')).toBeVisible();
  await expect(page.locator('#skill-title')).toHaveText('web-search');
  await expect(page.getByText('This skill has no WebAssembly component')).toBeVisible();
  await page.getByLabel('query').fill('wasm');
  await page.getByRole('button', { name: 'Render' }).click();
  await expect(page.getByText('Search for wasm and summarise.')).toBeVisible();
});
