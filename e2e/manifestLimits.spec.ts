import path from 'node:path';
import { expect, test } from '@playwright/test';
import { BUILT_FIXTURES, Playground, readFolder } from './playground';
import { describeMeasured, figure, HOSTILE, measure } from './figures';

const C_COMMAND = path.join(BUILT_FIXTURES, 'c-command');

/** The C command with its sidecar manifest asking for limits of its own. */
function withManifestLimits(limits: Record<string, unknown>) {
  const files = readFolder(C_COMMAND);
  const manifest = JSON.parse(
    Buffer.from(files['c-command/skill-tools.json']!, 'base64').toString(),
  );
  for (const tool of manifest.tools) tool.limits = limits;
  files['c-command/skill-tools.json'] = Buffer.from(JSON.stringify(manifest)).toString('base64');
  return files;
}

test(
  "the person's timeout wins over the one a skill's manifest asks for",
  HOSTILE,
  async ({ page }) => {
    const app = new Playground(page);
    await app.open();
    await app.dropFiles(withManifestLimits({ timeoutMs: 60_000 }));
    await app.tab('lines').click();
    await app.setTimeoutMs(1000);
    // Ten lines, 400 ms apart: four seconds, past the person's one.
    await app.field('lines', 'text').fill(Array.from({ length: 10 }, (_, i) => `l${i}`).join('\n'));
    const stopped = await measure(page, async () => {
      await app.run('lines');
      await app.expectStatus('timeout');
    });
    figure('Run to timeout (person 1 s, manifest 60 s)', describeMeasured(stopped));
    await expect(app.result).toContainText('Timeout');
  },
);

test('nonsense limits in a manifest are refused with a sentence, and the default stands', async ({
  page,
}) => {
  const app = new Playground(page);
  await app.open();
  await app.dropFiles(withManifestLimits({ timeoutMs: 1e12, maxOutputBytes: 'lots' }));
  await expect(app.form('echo')).toBeVisible();
  await expect(
    page.getByText('limits.timeoutMs must be a whole number from 1 to 600000'),
  ).toHaveCount(3);
  await app.field('echo', 'message').fill('still runs');
  await app.run('echo');
  await app.expectStatus('ok');
});
