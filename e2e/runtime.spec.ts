import { expect, test } from '@playwright/test';
import { describeMeasured, duration, figure, HOSTILE, measure } from './figures';
import { Playground } from './playground';

test.describe('runs in the worker', () => {
  test.beforeEach(async ({ page }) => {
    const app = new Playground(page);
    await app.open();
    await app.openFixture('unruly-skill', 'echo');
  });

  test(
    'a tool that traps ends with an error, and the next run works',
    HOSTILE,
    async ({ page }) => {
      const app = new Playground(page);
      await app.tab('trap').click();
      const before = await app.storageSnapshot();
      const trapped = await measure(page, async () => {
        await app.run('trap');
        await app.expectStatus('error');
      });
      figure('Run to ExecutionFailure', describeMeasured(trapped));
      await expect(app.result).toContainText('ExecutionFailure');
      // The failed run is kept in History, as every run is, and its worker noted its use of the
      // cached transpile; nothing else.
      await app.expectStorageUnchanged(before, { history: true, transpiles: true });
      await app.tab('echo').click();
      await app.field('echo', 'message').fill('after the trap');
      await app.run('echo');
      await app.expectStatus('ok');
      await expect(app.output).toContainText('after the trap');
    },
  );

  test(
    'a tool that never returns is stopped at its timeout; the page stays responsive and the next run works',
    HOSTILE,
    async ({ page }) => {
      const app = new Playground(page);
      await app.setTimeoutMs(1500);
      await app.tab('spin').click();
      const before = await app.storageSnapshot();
      const stopped = await measure(page, async () => {
        await app.run('spin');
        await app.expectStatus('running');
        // The page answers while the worker spins: switching tabs and typing work.
        await app.tab('echo').click();
        await app.field('echo', 'message').fill('typed during the spin');
        await expect(app.field('echo', 'message')).toHaveValue('typed during the spin');
        // Each tool shows its own last run: the spin's is under its tab.
        await app.tab('spin').click();
        await app.expectStatus('timeout');
      });
      figure('Run to timeout (limit 1.5 s), typing meanwhile', describeMeasured(stopped));
      figure(
        'by the runtime',
        `stopped ${duration(await app.runTime())} after its limit began (limit 1.5 s)`,
      );
      await expect(app.result).toContainText('longer than its 1500 ms limit');
      // Besides the failed run in History, what was typed meanwhile is remembered.
      await app.expectStorageUnchanged(before, { history: true, transpiles: true, inputs: true });

      await app.tab('echo').click();
      await app.run('echo');
      await app.expectStatus('ok');
      await expect(app.output).toContainText('typed during the spin');
    },
  );

  test('Cancel stops a running tool at once, and the next run works', async ({ page }) => {
    const app = new Playground(page);
    await app.tab('spin').click();
    await app.run('spin');
    await app.expectStatus('running');
    await app.form('spin').getByRole('button', { name: 'Cancel' }).click();
    await app.expectStatus('cancelled');
    await app.tab('echo').click();
    await app.field('echo', 'message').fill('after cancel');
    await app.run('echo');
    await app.expectStatus('ok');
  });

  test('a tool that reports failure shows its message; stdout and stderr are captured', async ({
    page,
  }) => {
    const app = new Playground(page);
    await app.tab('fail').click();
    await app.run('fail');
    await app.expectStatus('error');
    await expect(app.result).toContainText('this tool always fails');

    await app.tab('shout').click();
    await app.run('shout');
    await app.expectStatus('ok');
    await expect(page.getByRole('region', { name: 'stdout' })).toContainText('to stdout');
    await expect(page.getByRole('region', { name: 'stderr' })).toContainText('to stderr');
  });
});
