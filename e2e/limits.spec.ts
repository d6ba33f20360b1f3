import path from 'node:path';
import { expect, test } from '@playwright/test';
import { describeMeasured, duration, figure, HOSTILE, measure, seconds } from './figures';
import { BUILT_FIXTURES, Playground } from './playground';

/** Each limit ends a misbehaving tool with its own error; the page stays usable; echo works after. */
test.describe('limits hold against a misbehaving component', () => {
  test.beforeEach(async ({ page }) => {
    const app = new Playground(page);
    await app.open();
    await app.openFixture('unruly-skill', 'echo');
  });

  // Each run below fails and is kept in History, as every run is: what ran and how it ended is
  // the person's record. Its worker reads the cached transpile, which notes the use. Nothing else
  // may be stored by a run a limit stopped.
  const FAILED_RUN = { history: true, transpiles: true };

  test(
    'memory: a tool that allocates without end stops at the memory limit',
    HOSTILE,
    async ({ page }) => {
      const app = new Playground(page);
      await app.openLimits();
      const input = page.getByLabel('Memory (MiB)');
      await input.fill('48');
      await input.press('Enter');
      await app.tab('grow').click();
      const before = await app.storageSnapshot();
      const stopped = await measure(page, async () => {
        await app.run('grow');
        await app.expectStatus('error');
      });
      figure('Run to MemoryLimit (48 MiB)', describeMeasured(stopped));
      figure('by the runtime', `call ${duration(await app.runTime())} to MemoryLimit (48 MiB)`);
      await expect(app.result).toContainText('MemoryLimit');
      await expect(app.result).toContainText('48 MiB memory limit');
      await app.expectStorageUnchanged(before, FAILED_RUN);
      await app.expectNormalRunWorks();
    },
  );

  // How long the page pauses while the output arrives is a figure of npm run bench, not a bound here.
  test(
    'output: a tool that floods stdout stops at 1 MiB, and the page stays usable',
    HOSTILE,
    async ({ page }) => {
      const app = new Playground(page);
      // The output limit is what is tested: on a starved machine 1 MiB can take longer to write
      // than the default 10 s timeout, which would end the run first.
      await app.setTimeoutMs(60_000);
      await app.tab('flood').click();
      const before = await app.storageSnapshot();
      const stopped = await measure(page, async () => {
        await app.run('flood');
        // The page takes input while the output streams in (or just after, on a fast machine).
        await app.tab('echo').click();
        await app.field('echo', 'message').fill('typed during the flood');
        await expect(app.field('echo', 'message')).toHaveValue('typed during the flood');
        // Each tool shows its own last run: the flood's is under its tab.
        await app.tab('flood').click();
        await app.expectStatus('error');
      });
      figure('Run to OutputLimit (1 KiB lines)', describeMeasured(stopped));
      figure('by the runtime', `call ${duration(await app.runTime())} to OutputLimit (1 MiB)`);
      await expect(app.result).toContainText('OutputLimit');
      await expect(app.result).toContainText('more than 1 MiB');
      // What was typed meanwhile is remembered, as every form is.
      await app.expectStorageUnchanged(before, { ...FAILED_RUN, inputs: true });
      await app.expectNormalRunWorks();
    },
  );

  test(
    'output: a flood without newlines stops at the 64 KiB line limit',
    HOSTILE,
    async ({ page }) => {
      const app = new Playground(page);
      await app.tab('long-line').click();
      const before = await app.storageSnapshot();
      const stopped = await measure(page, async () => {
        await app.run('long-line');
        await app.expectStatus('error');
      });
      figure('Run to the line limit', describeMeasured(stopped));
      figure('by the runtime', `call ${duration(await app.runTime())} to the 64 KiB line limit`);
      await expect(app.result).toContainText('a line longer than 64 KiB to stdout');
      await app.expectStorageUnchanged(before, FAILED_RUN);
      await app.expectNormalRunWorks();
    },
  );

  test(
    'time: a tool that spins stops at its timeout, and the next run works',
    HOSTILE,
    async ({ page }) => {
      const app = new Playground(page);
      await app.setTimeoutMs(1000);
      await app.tab('spin').click();
      const before = await app.storageSnapshot();
      const stopped = await measure(page, async () => {
        await app.run('spin');
        await app.expectStatus('timeout');
      });
      figure('Run to timeout (limit 1 s)', describeMeasured(stopped));
      figure(
        'by the runtime',
        `stopped ${duration(await app.runTime())} after its limit began (limit 1 s)`,
      );
      await expect(app.result).toContainText('took longer than its 1 s limit');
      await app.expectStorageUnchanged(before, FAILED_RUN);
      // The next run loads the component into a new worker, inside its limit: 1 s is a bound on
      // a loaded machine's speed, not on anything the test is about.
      await app.setTimeoutMs(10_000);
      await app.expectNormalRunWorks();
    },
  );

  test(
    'ten runaway runs back to back each stop at their timeout, and echo works after',
    HOSTILE,
    async ({ page }) => {
      // Each run starts a fresh worker that loads the component again: minutes on a busy machine.
      test.setTimeout(240_000);
      const app = new Playground(page);
      await app.setTimeoutMs(500);
      await app.tab('spin').click();
      const before = await app.storageSnapshot();
      const runs = [];
      const ownTimes: number[] = [];
      for (let i = 0; i < 10; i++) {
        runs.push(
          await measure(page, async () => {
            await app.run('spin');
            await app.expectStatus('timeout');
          }),
        );
        await expect(app.result).toContainText('took longer than its 500 ms limit');
        ownTimes.push(await app.runTime());
      }
      const times = runs.map((run) => run.ms);
      figure(
        'each run to timeout (limit 500 ms)',
        `${seconds(Math.min(...times))}–${seconds(Math.max(...times))}; longest task ${Math.max(...runs.map((run) => run.longestTaskMs))} ms`,
      );
      figure(
        'by the runtime',
        `each stopped ${duration(Math.min(...ownTimes))}–${duration(Math.max(...ownTimes))} after its limit began (limit 500 ms)`,
      );
      await app.expectStorageUnchanged(before, FAILED_RUN);
      // A normal run has a normal limit: the killed workers' threads may still be winding down.
      await app.setTimeoutMs(10_000);
      const echo = await measure(page, () => app.expectNormalRunWorks());
      figure('echo after them', describeMeasured(echo));
    },
  );
});

test.describe('every channel of a run counts against its one output limit', () => {
  test(
    'a tool returning 8 MiB, then 30 MiB, ends with OutputLimit and no output; echo works after',
    HOSTILE,
    async ({ page }) => {
      const app = new Playground(page);
      await app.open();
      await app.openFixture('bulky-skill', 'huge');
      const before = await app.storageSnapshot();
      for (const mebibytes of ['8', '30']) {
        await app.field('huge', 'mebibytes').fill(mebibytes);
        const refused = await measure(page, async () => {
          await app.run('huge');
          await app.expectStatus('error');
        });
        figure(`${mebibytes} MiB return value to OutputLimit`, describeMeasured(refused));
        figure(`${mebibytes} MiB, by the runtime`, `call ${duration(await app.runTime())}`);
        await expect(app.result).toContainText('OutputLimit');
        await expect(app.result).toContainText(
          `The return value of execute-tool is ${mebibytes}.0 MiB, over the run's 1 MiB output limit.`,
        );
        // The value was cut in the worker: nothing of it reached the page.
        await expect(app.output).toHaveCount(0);
      }
      // Failed runs are kept in History, and the sizes typed in their form, as always; no value.
      await app.expectStorageUnchanged(before, { history: true, transpiles: true, inputs: true });
      // The page still takes input, and a normal run after works.
      await app.tab('echo').click();
      await app.field('echo', 'message').fill('still alive');
      await app.run('echo');
      await app.expectStatus('ok');
      await expect(app.output).toContainText('still alive');
    },
  );

  test(
    'files written to /workspace over the limit are not kept, and the run says so',
    HOSTILE,
    async ({ page }) => {
      const app = new Playground(page);
      await app.open();
      await app.openFixture('c-command', 'echo');
      await app.openLimits();
      const limit = page.getByLabel('Output (KiB)');
      await limit.fill('1');
      await limit.press('Enter');
      await app.tab('note').click();
      await app.field('note', 'name').fill('big');
      await app.field('note', 'text').fill('a'.repeat(1000));
      const before = await app.storageSnapshot();
      const refused = await measure(page, async () => {
        await app.run('note');
        await app.expectStatus('error');
      });
      figure('Run to OutputLimit (1 KiB, files)', describeMeasured(refused));
      await expect(app.result).toContainText('OutputLimit');
      await expect(app.result).toContainText('What the run wrote to /workspace is');
      await expect(app.result).toContainText(
        'over its 1 KiB output limit. Its files were not kept.',
      );
      const workspace = page.getByRole('region', { name: 'Workspace' });
      await expect(workspace).toContainText('No files yet.');
      // The failed run is kept in History, and its tool's component transpiled; no file of it is.
      await app.expectStorageUnchanged(before, { history: true, transpiles: true });
      // A run within the limit keeps its files.
      await app.field('note', 'text').fill('small');
      await app.run('note');
      await app.expectStatus('ok');
      await expect(
        workspace.getByRole('listitem').filter({ hasText: 'notes/big.txt' }),
      ).toBeVisible();
    },
  );
});

test.describe('imports', () => {
  test('an import the playground does not provide is listed; only calls into it fail', async ({
    page,
  }) => {
    const app = new Playground(page);
    await app.open();
    await app.openFixture('stubbed-skill', 'plain');
    await expect(page.getByTestId('stubbed-imports')).toContainText('skill-engine:skill/logger');
    await app.run('plain');
    await app.expectStatus('ok');
    await expect(app.output).toHaveText('plain ran');
    await app.tab('logs').click();
    await app.run('logs');
    await app.expectStatus('error');
    await expect(app.result).toContainText('is not provided by the playground');
  });

  test(
    'a component importing webidl: interfaces is refused before anything runs',
    HOSTILE,
    async ({ page }) => {
      const app = new Playground(page);
      await app.open();
      const before = await app.storageSnapshot();
      const refused = await measure(page, async () => {
        // Picked from disk: a drop decodes the bytes in the page, the test's work, not the app's.
        await page
          .getByLabel('Open skill folder')
          .setInputFiles(path.join(BUILT_FIXTURES, 'webidl-skill'));
        await expect(
          page.getByRole('alert').filter({ hasText: 'webidl:dom/window' }),
        ).toBeVisible();
      });
      figure('drop to refusal', describeMeasured(refused));
      await expect(page.getByRole('button', { name: 'Run', exact: true })).toHaveCount(0);
      // The picked folder is listed with its refusal, and kept as every pick is; nothing else.
      await app.expectStorageUnchanged(before, { skills: ['local:webidl-skill'] });
      await app.expectNormalRunWorks();
    },
  );
});

test('each run gets a fresh instance unless the instance opts into keep warm', async ({ page }) => {
  const app = new Playground(page);
  await app.open();
  await app.openFixture('unruly-skill', 'echo');
  await app.tab('count').click();
  for (const expected of ['1', '1']) {
    await app.run('count');
    await app.expectStatus('ok');
    await expect(app.output).toHaveText(expected);
  }
  await app.openLimits();
  await page.getByLabel('Keep warm').check();
  for (const expected of ['1', '2', '3']) {
    await app.run('count');
    await app.expectStatus('ok');
    await expect(app.output).toHaveText(expected);
  }
  // A trap ends the warm instance: the next run starts afresh.
  await app.tab('trap').click();
  await app.run('trap');
  await app.expectStatus('error');
  await app.tab('count').click();
  await app.run('count');
  await expect(app.output).toHaveText('1');
});
