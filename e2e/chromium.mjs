// Shared by playwright.config.ts and bench/run.mjs: Playwright cannot download its own browser
// here, so tests and the benchmark drive a system Chromium.
import { existsSync } from 'node:fs';

/** Flags for a headless Chromium on a machine with no network but loopback and no GPU. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** CHROMIUM_PATH first, then the usual Debian and Ubuntu locations; a clear error otherwise. */
export function findChromium() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  const found = candidates.find((path) => !!path && existsSync(path));
  if (found) return found;
  throw new Error(
    [
      'No Chromium found for the browser tests.',
      process.env.CHROMIUM_PATH ? `CHROMIUM_PATH=${process.env.CHROMIUM_PATH} does not exist.` : '',
      'Install one (Debian/Ubuntu: sudo apt-get install -y chromium) or set CHROMIUM_PATH to a Chromium or Chrome binary.',
    ]
      .filter(Boolean)
      .join(' '),
  );
}
