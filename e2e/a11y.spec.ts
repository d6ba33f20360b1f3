import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { Playground, text } from './playground';

// axe-core on every main state of the workbench, in both themes, at a desktop and a phone width.

/** The page has no axe violations; each one found is listed with where it is. */
async function expectNoViolations(page: Page, state: string) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  // axe finishes its run in a page of its own: the keyboard goes back to this one.
  await page.bringToFront();
  const found = violations.map((v) => ({
    state,
    rule: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`),
  }));
  expect(found, `axe violations in "${state}"`).toEqual([]);
}

const VIEWPORTS = {
  desktop: { width: 1280, height: 800 },
  phone: { width: 390, height: 844 },
} as const;

for (const theme of ['light', 'dark'] as const) {
  for (const [width, viewport] of Object.entries(VIEWPORTS)) {
    test(`axe finds nothing on any state, ${theme} theme, ${width}`, async ({ page }) => {
      test.slow();
      const phone = width === 'phone';
      await page.setViewportSize(viewport);
      await page.emulateMedia({ colorScheme: theme });
      const app = new Playground(page);
      const showPane = async (name: 'Skill' | 'Files' | 'Run') => {
        if (phone) {
          await page.getByRole('tablist', { name: 'Panes' }).getByRole('tab', { name }).click();
        }
      };

      await app.open();
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      await expectNoViolations(page, 'empty');

      await app.openFixture('unruly-skill', 'echo');
      await expectNoViolations(page, 'skill open, its form');

      // Long enough for axe to look at the run while it goes on.
      await app.setTimeoutMs(300_000);
      await expectNoViolations(page, 'limits open');
      await app.tab('spin').click();
      await app.run('spin');
      await app.expectStatus('running');
      await expectNoViolations(page, 'running');
      await page.keyboard.press('Escape');
      await app.expectStatus('cancelled');

      await app.tab('echo').click();
      await app.field('echo', 'message').fill('for axe');
      await app.run('echo');
      await app.expectStatus('ok');
      await expect(app.result.getByRole('tree')).toBeVisible();
      await expectNoViolations(page, 'result (JSON tree)');

      await app.tab('fail').click();
      await app.run('fail');
      await app.expectStatus('error');
      await expectNoViolations(page, 'error');

      await showPane('Files');
      await expectNoViolations(page, 'files, SKILL.md rendered');

      // A skill with a finding, opened in the editor at its line.
      await showPane('Skill');
      await app.dropFiles({
        'lines-skill/SKILL.md': text(
          '---\ndescription: A skill with a finding on line 3.\nname: Lines-Skill\n---\nBody\n',
        ),
      });
      await showPane('Run');
      await expect(page.getByRole('form', { name: 'Arguments' })).toBeVisible();
      await expectNoViolations(page, 'instructions-only skill');
      await showPane('Files');
      await page
        .getByRole('region', { name: 'Diagnostics' })
        .locator('[data-rule="name-lowercase"]')
        .getByRole('button')
        .click();
      await expect(app.editor.locator('.active-line-number')).toHaveText('3');
      await expectNoViolations(page, 'editor with diagnostics');

      await app.openSettings();
      await expectNoViolations(page, 'settings dialog');
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: 'Load from URL' }).click();
      await expect(page.getByRole('dialog', { name: 'Load from URL' })).toBeVisible();
      await expectNoViolations(page, 'load from URL dialog');
    });
  }
}
