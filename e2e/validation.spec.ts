import { expect, test } from '@playwright/test';
import { Playground, text } from './playground';

const skills = {
  'pdf-tools/SKILL.md': text(
    '---\nname: pdf-tools\ndescription: Extract text from PDFs. Use when a PDF is mentioned.\nlicense: MIT\nallowed-tools: Read Bash(pdftotext:*)\n---\n# PDF tools\n',
  ),
  'code-review/SKILL.md': text(
    '---\nname: code-review\ndescription: Review a change.\nwhen_to_use: When asked for a review\nargument-hint: "[file]"\narguments: file focus\ncontext: fork\nagent: Explore\n---\nReview $ARGUMENTS\n',
  ),
  'finance-report/SKILL.md': text(
    '---\nname: finance-report\ndescription: Build a report.\nallowed-tools: [Read, Write]\ncompatibility:\n  platforms: [linux]\nrequires:\n  bins: [python3]\n---\nBody\n',
  ),
  'refund-flow/SKILL.md': text(
    '---\nname: refund-flow\ndescription: Handle refunds.\nwhen-to-use: A customer asks for money back\narguments:\n  - name: order\n    required: true\ncontext: inline\n---\nRefund ${order}\n',
  ),
};

test('a folder of skills of different shapes loads in one drop, each judged per system', async ({
  page,
}) => {
  const app = new Playground(page);
  await app.open();
  await app.dropFiles(
    Object.fromEntries(Object.entries(skills).map(([p, b]) => [`my-skills/${p}`, b])),
  );
  for (const name of ['pdf-tools', 'code-review', 'finance-report', 'refund-flow']) {
    await expect(app.skillLink(name)).toBeVisible();
  }
  // The verdicts are a line under the skill's header that opens to the table.
  const row = (target: string) =>
    page
      .getByRole('region', { name: 'Compatibility' })
      .getByRole('row', { name: new RegExp(`^${target}`) });

  await app.skillLink('pdf-tools').click();
  await expect(page.getByRole('region', { name: 'Diagnostics' })).toHaveCount(0);
  await expect(page.locator('details.compat-line summary')).toHaveText(
    'Compatibility: accepted by all five',
  );
  await app.compatibility();
  for (const target of ['Agent Skills spec', 'Claude', 'OpenSkills', 'awaken', 'skill-engine']) {
    await expect(row(target)).toHaveAttribute('data-accepts', 'true');
  }

  await app.skillLink('finance-report').click();
  await expect(page.locator('details.compat-line summary')).toContainText(
    'Compatibility: refused by',
  );
  await app.compatibility();
  await expect(page.getByRole('region', { name: 'Diagnostics' })).toContainText(
    'allowed-tools is a list',
  );
  await expect(row('Agent Skills spec')).toContainText('keys outside the spec: requires');
  await expect(row('OpenSkills')).toHaveAttribute('data-accepts', 'true');
  await expect(row('awaken')).toContainText('allowed-tools must be a string, not a list.');
  await expect(row('skill-engine')).toHaveAttribute('data-accepts', 'false');

  await app.skillLink('code-review').click();
  await app.compatibility();
  await expect(row('awaken')).toContainText('arguments must be a list');
  await expect(row('Claude')).toHaveAttribute('data-accepts', 'true');

  await app.skillLink('refund-flow').click();
  await app.compatibility();
  await expect(row('OpenSkills')).toContainText('context must be "fork"');
  // Permissive mode accepts extension keys, and still lists each one as a warning at its line.
  const diagnostics = page.getByRole('region', { name: 'Diagnostics' });
  await expect(diagnostics.getByRole('heading')).toHaveText('3 findings in this skill: 3 warnings');
  await expect(diagnostics.getByRole('listitem')).toHaveText([
    /SKILL\.md:4:1 warning "when-to-use" is an extension \(awaken\)/,
    /SKILL\.md:5:1 warning "arguments" is an extension \(Claude Code, awaken\)/,
    /SKILL\.md:8:1 warning "context" is an extension \(Claude Code, awaken, OpenSkills\)/,
  ]);

  // Spec mode: every extension key is an error.
  await page.getByLabel('Validation').selectOption('spec');
  await expect(page.getByRole('region', { name: 'Diagnostics' })).toContainText(
    '"when-to-use" is an extension (awaken)',
  );
  await page.reload();
  await expect(page.getByLabel('Validation')).toHaveValue('spec');
});
