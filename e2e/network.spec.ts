import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { describeMeasured, figure, HOSTILE, measure } from './figures';
import { BUILT_FIXTURES, Playground, readFolder } from './playground';

const NET_SKILL = path.join(BUILT_FIXTURES, 'net-skill');
const GLOBALS_SKILL = path.join(BUILT_FIXTURES, 'globals-skill');

/** More than the worker's 4 MiB cap on a response body. */
const BIG_BYTES = 5 * 1024 * 1024;

// A server of the test's own on a free port, counting every request that reaches it. It listens
// on every interface, so a request to "localhost" (IPv4 or IPv6) would be counted too.
let server: Server;
let port = 0;
const received: string[] = [];

test.beforeAll(async () => {
  server = createServer((request, response) => {
    received.push(request.url ?? '');
    // The page's origin differs from the server's: the worker's fetch needs CORS.
    response.setHeader('access-control-allow-origin', '*');
    if (request.url === '/hello') {
      response.end('hello from the test server');
    } else if (request.url === '/redirect') {
      response.writeHead(302, { location: `http://localhost:${port}/hello` }).end();
    } else if (request.url === '/big') {
      response.writeHead(200, { 'content-type': 'application/octet-stream' });
      response.end(Buffer.alloc(BIG_BYTES, 0x61));
    } else {
      response.writeHead(404).end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, resolve));
  port = (server.address() as AddressInfo).port;
});

test.afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

test.beforeEach(() => {
  received.length = 0;
});

async function openNetSkill(page: Page): Promise<Playground> {
  const app = new Playground(page);
  await app.open();
  await app.dropFiles(readFolder(NET_SKILL));
  await expect(app.form('fetch')).toBeVisible();
  return app;
}

async function fetchUrl(app: Playground, url: string) {
  await app.field('fetch', 'url').fill(url);
  await app.run('fetch');
}

test(
  'with no allowed hosts, a request is refused inside the worker and never reaches a server',
  HOSTILE,
  async ({ page }) => {
    const app = await openNetSkill(page);
    await expect(
      page.getByRole('form', { name: 'Permissions' }).getByLabel('Allowed hosts'),
    ).toHaveValue('');
    const before = await app.storageSnapshot();
    const denied = await measure(page, async () => {
      await fetchUrl(app, `http://127.0.0.1:${port}/hello`);
      await app.expectStatus('error');
    });
    await expect(app.result).toContainText('HTTP-request-denied');
    // The refusal is the run's error, and its audit record names the host refused.
    await expect(app.result).toContainText('PermissionDenied');
    await expect(app.result).toContainText(`refused network access to 127.0.0.1:${port}`);
    await app.result.getByText('Run details').click();
    const audit = JSON.parse((await app.result.getByTestId('audit-record').textContent()) ?? '{}');
    expect(audit).toMatchObject({
      networkRequests: 0,
      networkDenied: [`127.0.0.1:${port}`],
      grants: { hosts: [] },
      sandbox: expect.stringContaining('no network'),
    });
    await fetchUrl(app, `http://localhost:${port}/hello`);
    await app.expectStatus('error');
    await expect(app.result).toContainText('HTTP-request-denied');
    expect(received).toEqual([]);
    // The refused runs are kept in History, and the URLs typed, as always; nothing else.
    await app.expectStorageUnchanged(before, { history: true, transpiles: true, inputs: true });
    figure('Run to HTTP-request-denied', describeMeasured(denied));
    figure('requests that reached the server', String(received.length));
    await app.expectNormalRunWorks();
  },
);

test('a granted host is fetched; other hosts, redirects and oversized bodies are refused', async ({
  page,
}) => {
  const app = await openNetSkill(page);
  const permissions = page.getByRole('form', { name: 'Permissions' });
  await permissions.getByLabel('Allowed hosts').fill(`127.0.0.1:${port}`);

  await fetchUrl(app, `http://127.0.0.1:${port}/hello`);
  await app.expectStatus('ok');
  await expect(app.output).toContainText('200 hello from the test server');
  expect(received).toEqual(['/hello']);

  // The same server under another name is another host: refused before sending.
  await fetchUrl(app, `http://localhost:${port}/hello`);
  await app.expectStatus('error');
  await expect(app.result).toContainText('HTTP-request-denied');
  // Userinfo that names the granted host does not make another host granted.
  await fetchUrl(app, `http://127.0.0.1:${port}@localhost:${port}/hello`);
  await app.expectStatus('error');
  await expect(app.result).toContainText('refused the authority');
  expect(received).toEqual(['/hello']);

  // A redirect is not followed: its target was never checked against the grants.
  await fetchUrl(app, `http://127.0.0.1:${port}/redirect`);
  await app.expectStatus('error');
  await expect(app.result).toContainText('redirect');
  expect(received).toEqual(['/hello', '/redirect']);

  // A body over the cap fails the request instead of filling the worker's memory.
  await fetchUrl(app, `http://127.0.0.1:${port}/big`);
  await app.expectStatus('error');
  await expect(app.result).toContainText('HTTP-response-body-size');
  expect(received).toEqual(['/hello', '/redirect', '/big']);
});

test("the component's own JavaScript reaches none of the worker's network or storage globals", async ({
  page,
}) => {
  const app = new Playground(page);
  await app.open();
  await app.dropFiles(readFolder(GLOBALS_SKILL));
  await expect(app.form('globals')).toBeVisible();
  await app.run('globals');
  await app.expectStatus('ok');
  await expect(app.output).toHaveText(
    'fetch=undefined XMLHttpRequest=undefined WebSocket=undefined indexedDB=undefined importScripts=undefined postMessage=undefined caches=undefined',
  );
});
