// The page while a 1 MiB output appears: the longest main-thread task from Run pressed until a
// moment after the output is shown, for a text output and for a JSON one (shown as a tree). A
// test cannot hold this to a bound on a shared machine; here it is a figure to watch.
import path from 'node:path';

/** The bulky-skill fixture's tools that return an output of the size asked. */
export const OUTPUT_TOOLS = [
  { tool: 'huge', label: 'text' },
  { tool: 'huge-json', label: 'JSON' },
];

/** One run of `tool` returning 1 MiB: the longest long task (ms) while it shows, and the output's view. */
export async function longestTaskWhileOutputAppears(browser, base, root, tool) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  try {
    await page.goto(base);
    await page.waitForSelector('nav[aria-label="Skills"] a');
    await page
      .getByLabel('Open skill folder')
      .setInputFiles(path.join(root, 'e2e/.built/bulky-skill'));
    await page.waitForSelector('form[aria-label="huge"]', { timeout: 120_000 });
    // 1 MiB of output and the wrapper around it: the limit is raised past it.
    await page.locator('details.limits summary').click();
    const limit = page.getByLabel('Output (KiB)');
    await limit.fill('4096');
    await limit.press('Enter');
    await page.getByRole('tab', { name: tool, exact: true }).click();
    const form = page.locator(`form[aria-label="${tool}"]`);
    await form.getByLabel('mebibytes', { exact: true }).fill('1');
    return await page.evaluate(
      (toolName) =>
        new Promise((resolve, reject) => {
          const result = document.querySelector('section[aria-label="Result"]');
          const before = result.getAttribute('data-run-id');
          let longest = 0;
          const tasks = new PerformanceObserver((list) => {
            for (const entry of list.getEntries()) longest = Math.max(longest, entry.duration);
          });
          tasks.observe({ type: 'longtask' });
          const observer = new MutationObserver(() => {
            const now = document.querySelector('section[aria-label="Result"]');
            const status = now?.getAttribute('data-run-status');
            if (!now || now.getAttribute('data-run-id') === before || status === 'running') return;
            observer.disconnect();
            if (status !== 'ok') reject(new Error(`${toolName} ended with ${status}`));
            // A moment more, so the output's own render and paint count too.
            setTimeout(() => {
              tasks.disconnect();
              const view = now.querySelector('[data-output-kind]');
              resolve({
                longest,
                kind: view?.getAttribute('data-output-kind') ?? 'none',
              });
            }, 500);
          });
          observer.observe(document.body, { attributes: true, subtree: true });
          document.querySelector(`form[aria-label="${toolName}"] button[type="submit"]`).click();
        }),
      tool,
    );
  } finally {
    await context.close();
  }
}

/** Each tool's figure over `runs` runs. */
export async function outputFigures(browser, base, root, runs, stats) {
  const figures = {};
  for (const { tool, label } of OUTPUT_TOOLS) {
    const longest = [];
    let kind = '';
    for (let i = 0; i < runs; i++) {
      const run = await longestTaskWhileOutputAppears(browser, base, root, tool);
      longest.push(run.longest);
      kind = run.kind;
    }
    figures[label] = { ...stats(longest), view: kind };
  }
  return figures;
}

export function outputSection(figures, fmt) {
  return [
    '## Longest main-thread task while a 1 MiB output appears',
    '',
    '| output | shown as | median | p95 | max | n |',
    '|---|---|---|---|---|---|',
    ...Object.entries(figures).map(
      ([label, s]) =>
        `| ${label} | ${s.view} | ${fmt(s.median)} | ${fmt(s.p95)} | ${fmt(s.max)} | ${s.n} |`,
    ),
    '',
  ].join('\n');
}
