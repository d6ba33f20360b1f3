// --only=bigskillmd: a 10 MB SKILL.md dropped on a fresh page, measured in the page: the time to
// the first Markdown shown, and the longest main-thread task until then and until the first page
// of it is drawn. With --compare-dist, the compared build is measured in the same run, its runs
// alternating with this build's, so the ratios hold on a shared, noisy machine.

/** The SKILL.md's size, and its body: a heading, then sections with a list and a link each. */
export const BIG_SKILL_MD_BYTES = 10 * 1024 * 1024;

/** One drop of the 10 MB SKILL.md on a fresh page of `base`: figures in ms. */
export async function bigSkillMdDrop(browser, base) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  try {
    await page.goto(base);
    await page.waitForSelector('nav[aria-label="Skills"] a');
    // Made in a task of its own: building 10 MB of text is not the playground's work.
    await page.evaluate((bytes) => {
      const parts = ['---\nname: huge-skill\ndescription: A very long skill.\n---\n# Huge\n\n'];
      let size = parts[0].length;
      for (let i = 0; size < bytes; i++) {
        parts.push(
          `## Section ${i}\n\nSome *text* with \`code\` and a [link](https://example.test/${i}).\n\n- one\n- two\n\n`,
        );
        size += parts.at(-1).length;
      }
      // One part, as a file from disk is.
      window.__bigSkillMd = new File([parts.join('')], 'huge-skill/SKILL.md');
    }, BIG_SKILL_MD_BYTES);
    return await page.evaluate(
      () =>
        new Promise((resolve) => {
          const tasks = [];
          new PerformanceObserver((list) => tasks.push(...list.getEntries())).observe({
            type: 'longtask',
          });
          const started = performance.now();
          const longestUntil = (end) =>
            Math.max(
              0,
              ...tasks
                .filter((t) => t.startTime >= started && t.startTime < end)
                .map((t) => t.duration),
            );
          let first;
          const check = () => {
            const markdown = document.querySelector('[data-testid="skill-markdown"]');
            if (first === undefined && markdown?.querySelector('h4')?.textContent === 'Huge') {
              first = performance.now();
            }
            if (first !== undefined && markdown?.getAttribute('aria-busy') === 'false') {
              const drawn = performance.now();
              // A moment more, so the last task is reported.
              setTimeout(
                () =>
                  resolve({
                    firstMs: first - started,
                    longestToFirstMs: longestUntil(first),
                    pageMs: drawn - started,
                    longestToPageMs: longestUntil(drawn),
                  }),
                300,
              );
              return;
            }
            requestAnimationFrame(check);
          };
          const data = new DataTransfer();
          data.items.add(window.__bigSkillMd);
          const target = document.querySelector('main');
          for (const type of ['dragenter', 'dragover', 'drop']) {
            target.dispatchEvent(
              new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: data }),
            );
          }
          requestAnimationFrame(check);
        }),
    );
  } finally {
    await context.close();
  }
}

const FIGURES = [
  ['firstMs', 'drop to the first Markdown shown'],
  ['longestToFirstMs', 'longest main-thread task until then'],
  ['pageMs', 'drop to the first page of Markdown drawn'],
  ['longestToPageMs', 'longest main-thread task until then'],
];

/** The figures of each build as a Markdown table, with this build's medians over the other's. */
export function bigSkillMdSection(builds, stats, fmt, machine) {
  const lines = [
    '## A 10 MB SKILL.md dropped',
    '',
    `Machine: ${machine}; medians of ${builds[0].runs.length} drops each, the builds' runs alternating.`,
    '',
    `| figure | ${builds.map((b) => b.label).join(' | ')}${builds.length > 1 ? ' | ratio |' : ''}`,
    `|---|${builds.map(() => '---|').join('')}${builds.length > 1 ? '---|' : ''}`,
  ];
  for (const [key, label] of FIGURES) {
    const medians = builds.map((b) => stats(b.runs.map((r) => r[key])));
    const cells = medians.map((s) => `${fmt(s.median)} (${fmt(s.min)}–${fmt(s.max)})`);
    const ratio =
      builds.length > 1 ? ` ${(medians[0].median / medians[1].median).toFixed(2)} |` : '';
    lines.push(`| ${label} | ${cells.join(' | ')} |${ratio}`);
  }
  return lines.join('\n');
}
