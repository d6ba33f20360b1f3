import { test, type Page } from '@playwright/test';

// The hostile suite (tests tagged @hostile) prints what it measured: how long the wall took to
// answer and the longest main-thread task meanwhile. Tests assert the right error and a page
// that answers, never a time; the figures go to docs/security.md through e2e/figuresReporter.ts
// (`npm run security-figures`).

/** Tags a test as part of the hostile suite, whose figures docs/security.md collects. */
export const HOSTILE = { tag: '@hostile' };

/** Records one figure of the running test: an annotation for the reporter, and a line printed. */
export function figure(measure: string, value: string): void {
  const info = test.info();
  info.annotations.push({ type: 'figure', description: `${measure}: ${value}` });
  // The figure is the point of the line: it shows with every reporter, the list one included.
  // eslint-disable-next-line no-console
  console.log(`figure · ${info.title} · ${measure}: ${value}`);
}

export interface Measured {
  /** From the start of `action` to its end, as the test saw it (polling included). */
  ms: number;
  /** The longest main-thread task in the page meanwhile (`longtask` entries: 50 ms and up). */
  longestTaskMs: number;
}

/**
 * Times `action` (which should end when the page shows the wall's answer) and finds the longest
 * main-thread task in the page meanwhile. The page must stay the same document throughout.
 */
export async function measure(page: Page, action: () => Promise<void>): Promise<Measured> {
  const since = await page.evaluate(() => {
    const w = window as unknown as { __longTasks?: PerformanceEntry[] };
    if (!w.__longTasks) {
      const tasks: PerformanceEntry[] = [];
      w.__longTasks = tasks;
      new PerformanceObserver((list) => tasks.push(...list.getEntries())).observe({
        type: 'longtask',
        buffered: true,
      });
    }
    return performance.now();
  });
  const started = Date.now();
  await action();
  const ms = Date.now() - started;
  // Entries arrive after their task: a frame later is enough for the last one.
  const longestTaskMs = await page.evaluate(async (from) => {
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    const tasks = (window as unknown as { __longTasks: PerformanceEntry[] }).__longTasks;
    return Math.max(0, ...tasks.filter((t) => t.startTime >= from).map((t) => t.duration));
  }, since);
  return { ms, longestTaskMs: Math.round(longestTaskMs) };
}

/** A measured action as a figure's value: "1.62 s; longest task 85 ms". */
export function describeMeasured({ ms, longestTaskMs }: Measured): string {
  return `${seconds(ms)}; longest task ${longestTaskMs} ms`;
}

export const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** A time as the runtime's own figures give it: "512 ms", "1.52 s". */
export const duration = (ms: number) => (ms < 1000 ? `${Math.round(ms)} ms` : seconds(ms));
