import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './e2e/chromium.mjs';
import { freePortSync } from './e2e/freePort.mjs';

// Every run builds and serves the app itself, on a port free at the time, and never tests a
// server it did not start: with a fixed port, another app listening there would be tested in its
// place. Playwright loads this file in the main process and again in each worker; the port goes
// through the environment, which the workers inherit, so they all agree on it.
process.env.PLAYGROUND_TEST_PORT ??= String(freePortSync());
const PORT = Number(process.env.PLAYGROUND_TEST_PORT);
const BASE_URL = `http://localhost:${PORT}/`;

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  // Two cores: one browser at a time keeps runs fast.
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 20_000 },
  reporter: [['list']],
  use: {
    baseURL: BASE_URL,
    launchOptions: { executablePath: findChromium(), args: CHROMIUM_ARGS },
    trace: 'retain-on-failure',
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  webServer: {
    // The production build, as users get it.
    command: `npx vite build --logLevel warn && npx vite preview --port ${PORT} --strictPort`,
    url: BASE_URL,
    // Playwright refuses to start when something already answers at BASE_URL.
    reuseExistingServer: false,
    timeout: 180_000,
  },
});
