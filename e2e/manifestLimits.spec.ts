import path from 'node:path';
import { expect, test } from '@playwright/test';
import { BUILT_FIXTURES, Playground, readFolder } from './playground';
import { describeMeasured, duration, figure, HOSTILE, measure } from './figures';

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
    const before = await app.storageSnapshot();
    const stopped = await measure(page, async () => {
      await app.run('lines');
      await app.expectStatus('timeout');
    });
    figure('Run to timeout (person 1 s, manifest 60 s)', describeMeasured(stopped));
    figure(
      'by the runtime',
      `stopped ${duration(await app.runTime())} after its limit began (limit 1 s)`,
    );
    await expect(app.result).toContainText('Timeout');
    // The stopped run is kept in History, as every run is; its tool's component was transpiled.
    await app.expectStorageUnchanged(before, { history: true, transpiles: true });
    await app.expectNormalRunWorks();
  },
);

test(
  'nonsense limits in a manifest are refused with a sentence, and the default stands',
  HOSTILE,
  async ({ page }) => {
    const app = new Playground(page);
    await app.open();
    const before = await app.storageSnapshot();
    const refused = await measure(page, async () => {
      await app.dropFiles(withManifestLimits({ timeoutMs: 1e12, maxOutputBytes: 'lots' }));
      await expect(
        page.getByText('limits.timeoutMs must be a whole number from 1 to 600000'),
      ).toHaveCount(3);
    });
    figure('drop to the limits refused', describeMeasured(refused));
    await expect(app.form('echo')).toBeVisible();
    // The dropped skill is kept and its component transpiled, as any; no limit of it is stored.
    await app.expectStorageUnchanged(before, { skills: ['local:c-command'], transpiles: true });
    await app.field('echo', 'message').fill('still runs');
    await app.run('echo');
    await app.expectStatus('ok');
  },
);
