import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { expect, test, type Worker } from '@playwright/test';
import { strToU8, zipSync } from 'fflate';
import { describeMeasured, figure, HOSTILE, measure } from './figures';
import { BUILT_FIXTURES, Playground, type StorageSnapshot } from './playground';

// Hostile servers, played by a node:http server this spec starts on a free port: a response that
// never ends, one that declares 1 GiB, one that never answers, one that stops part of the way,
// and a folder whose index.json climbs out. Another origin than the app's, as a real one would be.

const UNRULY = path.join(BUILT_FIXTURES, 'unruly-skill');
const MiB = 1024 * 1024;
/** What a zip starts with: enough for the page to take the bytes for an archive. */
const ZIP_START = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

interface Exchange {
  /** Bytes written to the response so far. */
  sent: number;
  /** The connection was closed, by the page or by the end of the response. */
  closed: boolean;
}

class HostileServer {
  readonly requests: string[] = [];
  readonly exchanges = new Map<string, Exchange>();
  private readonly server = http.createServer((req, res) => this.answer(req, res));

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  url(pathname: string): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}${pathname}`;
  }

  /** The exchange for a path, once the page has asked for it. */
  async exchange(pathname: string): Promise<Exchange> {
    await expect.poll(() => this.exchanges.has(pathname)).toBe(true);
    return this.exchanges.get(pathname)!;
  }

  private answer(req: http.IncomingMessage, res: http.ServerResponse) {
    const pathname = req.url ?? '/';
    this.requests.push(pathname);
    const exchange: Exchange = { sent: 0, closed: false };
    this.exchanges.set(pathname, exchange);
    res.on('close', () => (exchange.closed = true));
    const write = (chunk: Buffer) => {
      exchange.sent += chunk.length;
      return res.write(chunk);
    };
    // The page fetches with credentials omitted, so a wildcard is all CORS needs.
    res.setHeader('access-control-allow-origin', '*');
    switch (pathname) {
      case '/endless.zip': {
        res.writeHead(200, { 'content-type': 'application/zip' });
        write(ZIP_START);
        const chunk = Buffer.alloc(MiB);
        // Written as fast as the page reads, for as long as the connection stays open.
        const more = () => {
          while (!exchange.closed) if (!write(chunk)) return void res.once('drain', more);
        };
        more();
        return;
      }
      case '/huge.zip': {
        res.writeHead(200, { 'content-type': 'application/zip', 'content-length': 1024 * MiB });
        write(ZIP_START);
        const chunk = Buffer.alloc(MiB);
        let left = 1023;
        const more = () => {
          while (!exchange.closed && left-- > 0)
            if (!write(chunk)) return void res.once('drain', more);
        };
        more();
        return;
      }
      case '/silent.zip':
        // Never answers: no headers, no bytes.
        return;
      case '/stalled.zip':
        res.writeHead(200, { 'content-type': 'application/zip' });
        write(Buffer.concat([ZIP_START, Buffer.alloc(1020)]));
        return;
      case '/slow.zip':
        res.writeHead(200, { 'content-type': 'application/zip', 'content-length': 10 * MiB });
        write(Buffer.concat([ZIP_START, Buffer.alloc(64 * 1024 - 4)]));
        return;
      case '/skills/demo/SKILL.md':
        res.end(readFileSync(path.join(UNRULY, 'SKILL.md')));
        return;
      case '/skills/demo/skill.wasm':
        res.end(readFileSync(path.join(UNRULY, 'skill.wasm')));
        return;
      case '/skills/demo/index.json':
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify(['skill.wasm', '%2e%2e/secret.txt']));
        return;
      case '/skills/secret.txt':
        res.end('a file beside the skill, not part of it');
        return;
      default:
        res.writeHead(404);
        res.end();
    }
  }
}

const server = new HostileServer();
test.beforeAll(() => server.start());
test.afterAll(() => server.stop());

async function openDialog(app: Playground, url: string) {
  await app.page.getByRole('button', { name: 'Load from URL' }).click();
  const dialog = app.page.getByRole('dialog', { name: 'Load from URL' });
  await dialog.getByLabel('Skill URL').fill(url);
  await dialog.getByRole('button', { name: 'Load', exact: true }).click();
  return dialog;
}

/** Closes the dialog with Escape, as a person done with it would, before the next thing. */
async function closeDialog(app: Playground) {
  await app.page.keyboard.press('Escape');
  await expect(app.page.getByRole('dialog', { name: 'Load from URL' })).toBeHidden();
}

/**
 * What every refused load leaves: the list of skills with `links` entries, storage as `before`,
 * and a normal run that works. `dialog`: the Load from URL dialog is open, and closed first.
 */
async function expectNothingChanged(
  app: Playground,
  links: number,
  before: StorageSnapshot,
  dialog = true,
) {
  await expect(app.skills.getByRole('link')).toHaveCount(links);
  await app.expectStorageUnchanged(before);
  if (dialog) await closeDialog(app);
  await app.expectNormalRunWorks();
}

/** Opens the page, then the `?skill=` link; what the page kept before the link is returned. */
async function openLink(app: Playground, url: string) {
  await app.open();
  const before = await app.storageSnapshot();
  await app.open(`?skill=${encodeURIComponent(url)}`);
  return before;
}

test.describe('loading from a URL holds against hostile servers, and imports nothing', () => {
  test(
    'a response that never ends is cut off at 50 MiB, and its connection closed',
    HOSTILE,
    async ({ page }) => {
      const app = new Playground(page);
      await app.open();
      const links = await app.skills.getByRole('link').count();
      const before = await app.storageSnapshot();
      const refused = await measure(page, async () => {
        const dialog = await openDialog(app, server.url('/endless.zip'));
        await expect(dialog.getByRole('alert')).toHaveText(
          `Loading ${server.url('/endless.zip')} passed the 50 MiB the playground takes from a URL.`,
        );
      });
      const exchange = await server.exchange('/endless.zip');
      await expect.poll(() => exchange.closed).toBe(true);
      figure('Load to refusal', describeMeasured(refused));
      figure('bytes the server got to send', `${(exchange.sent / MiB).toFixed(1)} MiB`);
      // Socket buffers let a little more through than was read; nothing near the whole stream.
      expect(exchange.sent).toBeLessThan(128 * MiB);
      await expectNothingChanged(app, links, before);
    },
  );

  test('a response declaring 1 GiB is refused before it is read', HOSTILE, async ({ page }) => {
    const app = new Playground(page);
    await app.open();
    const links = await app.skills.getByRole('link').count();
    const before = await app.storageSnapshot();
    const refused = await measure(page, async () => {
      const dialog = await openDialog(app, server.url('/huge.zip'));
      await expect(dialog.getByRole('alert')).toHaveText(
        `Loading ${server.url('/huge.zip')} would take 1.0 GiB, more than the 50 MiB the playground takes from a URL.`,
      );
    });
    const exchange = await server.exchange('/huge.zip');
    await expect.poll(() => exchange.closed).toBe(true);
    figure('Load to refusal', describeMeasured(refused));
    figure('bytes the server got to send', `${(exchange.sent / MiB).toFixed(1)} MiB`);
    expect(exchange.sent).toBeLessThan(50 * MiB);
    await expectNothingChanged(app, links, before);
  });

  test(
    'a server that sends nothing is given up on after 15 s, and may be tried again',
    HOSTILE,
    async ({ page }) => {
      // The page's clock is driven by the test: 15 s pass at once, with no waiting.
      await page.clock.install();
      const app = new Playground(page);
      await app.open();
      const before = await app.storageSnapshot();
      const dialog = await openDialog(app, server.url('/silent.zip'));
      await expect(dialog.getByRole('status')).toHaveText('Waiting for the server…');
      await server.exchange('/silent.zip');
      const stalled = await measure(page, async () => {
        await page.clock.fastForward(15_000);
        await expect(dialog.getByRole('alert')).toContainText(
          `${server.url('/silent.zip')} sent nothing for 15 s; the load was stopped.`,
        );
      });
      figure('given up after', "15 s of the page's clock (fast-forwarded by the test)");
      figure('the 15 s passed to the sentence shown', describeMeasured(stalled));
      await expect(dialog.getByRole('button', { name: 'Try again' })).toBeVisible();
      await expect.poll(async () => (await server.exchange('/silent.zip')).closed).toBe(true);
      await app.expectStorageUnchanged(before);
      await closeDialog(app);
      await app.expectNormalRunWorks();
    },
  );

  test(
    'Cancel stops a load under way, says so, and closes the connection',
    HOSTILE,
    async ({ page }) => {
      const app = new Playground(page);
      await app.open();
      const links = await app.skills.getByRole('link').count();
      const before = await app.storageSnapshot();
      const dialog = await openDialog(app, server.url('/slow.zip'));
      // The progress: bytes so far, of how many the server declared.
      await expect(dialog.getByRole('status')).toContainText('Loaded 64 KiB of 10.0 MiB');
      await expect(dialog.getByRole('progressbar', { name: 'Loaded' })).toBeVisible();
      const cancelled = await measure(page, async () => {
        await dialog.getByRole('button', { name: 'Cancel' }).click();
        await expect(dialog.getByRole('status')).toHaveText('Cancelled: nothing was imported.');
      });
      figure('Cancel to "Cancelled"', describeMeasured(cancelled));
      await expect(dialog.getByRole('alert')).toHaveCount(0);
      await expect(dialog.getByRole('button', { name: 'Load', exact: true })).toBeEnabled();
      const exchange = await server.exchange('/slow.zip');
      await expect.poll(() => exchange.closed).toBe(true);
      await expectNothingChanged(app, links, before);
    },
  );

  test(
    'a ?skill= link shows its progress in a notice, then the stall that stopped it',
    HOSTILE,
    async ({ page }) => {
      await page.clock.install();
      const app = new Playground(page);
      const url = server.url('/stalled.zip');
      const before = await openLink(app, url);
      const notices = page.getByRole('list', { name: 'Notices' });
      await expect(notices.getByRole('status')).toContainText(`Loading ${url}: 1 KiB…`);
      const stalled = await measure(page, async () => {
        await page.clock.fastForward(15_000);
        await expect(notices.getByRole('alert')).toContainText(
          `${url} sent nothing for 15 s; the load was stopped.`,
        );
      });
      figure('given up after', "15 s of the page's clock (fast-forwarded by the test)");
      figure('the 15 s passed to the sentence shown', describeMeasured(stalled));
      await expect(notices.getByRole('status')).toHaveCount(0);
      await expectNothingChanged(app, 4, before, false);
    },
  );

  test(
    "a ?skill= link's load is cancelled from its notice: it says so and imports nothing",
    HOSTILE,
    async ({ page }) => {
      const app = new Playground(page);
      const url = server.url('/slow.zip');
      const before = await openLink(app, url);
      const notices = page.getByRole('list', { name: 'Notices' });
      const progress = notices.getByRole('status').filter({ hasText: `Loading ${url}` });
      // The server declared 10 MiB, sent 64 KiB, and then sends nothing more.
      await expect(progress).toContainText(`Loading ${url}: 64 KiB of 10.0 MiB…`);
      const cancelled = await measure(page, async () => {
        await progress.getByRole('button', { name: 'Cancel' }).click();
        await expect(notices.getByRole('status')).toHaveCount(1);
        await expect(notices.getByRole('status')).toContainText(
          `Loading ${url} was cancelled: nothing was imported.`,
        );
      });
      figure('Cancel to "cancelled"', describeMeasured(cancelled));
      await expect(notices.getByRole('alert')).toHaveCount(0);
      const exchange = await server.exchange('/slow.zip');
      await expect.poll(() => exchange.closed).toBe(true);
      await expectNothingChanged(app, 4, before, false);
    },
  );

  test(
    'a folder whose index.json lists %2e%2e/secret.txt is refused before the secret is asked for',
    HOSTILE,
    async ({ page }) => {
      const app = new Playground(page);
      await app.open();
      const links = await app.skills.getByRole('link').count();
      const before = await app.storageSnapshot();
      const refused = await measure(page, async () => {
        const dialog = await openDialog(app, server.url('/skills/demo/SKILL.md'));
        await expect(dialog.getByRole('alert')).toHaveText(
          `index.json lists "%2e%2e/secret.txt", which is outside the skill's folder.`,
        );
      });
      expect(server.requests).toContain('/skills/demo/index.json');
      expect(server.requests).not.toContain('/skills/secret.txt');
      figure('Load to refusal', describeMeasured(refused));
      figure('requests for the file outside the folder', '0');
      await expectNothingChanged(app, links, before);
    },
  );
});

test(
  'a decompression bomb is inflated and refused in a worker, which is then ended',
  HOSTILE,
  async ({ page }) => {
    const app = new Playground(page);
    await app.open();
    const before = await app.storageSnapshot();
    const unzipWorkers = { started: 0, ended: 0 };
    page.on('worker', (worker: Worker) => {
      if (!worker.url().includes('archive.worker')) return;
      unzipWorkers.started += 1;
      worker.on('close', () => (unzipWorkers.ended += 1));
    });
    const bomb = zipSync({
      'bomb/SKILL.md': strToU8('x'),
      'bomb/zeros.bin': new Uint8Array(64 * MiB),
    });
    const refused = await measure(page, async () => {
      await app.pickFile('bomb.zip', bomb);
      await expect(
        page.getByRole('alert').filter({ hasText: 'a decompression bomb' }),
      ).toBeVisible();
    });
    figure('64 MiB bomb, picked to refusal (inflated in a worker)', describeMeasured(refused));
    expect(unzipWorkers.started).toBe(1);
    await expect.poll(() => unzipWorkers.ended).toBe(1);
    await expect(app.skills.getByRole('link')).toHaveCount(4);
    await app.expectStorageUnchanged(before);
    // The page goes on answering: the next dialog opens.
    await page.getByRole('button', { name: 'Load from URL' }).click();
    await expect(page.getByRole('dialog', { name: 'Load from URL' })).toBeVisible();
    await closeDialog(app);
    await app.expectNormalRunWorks();
  },
);
