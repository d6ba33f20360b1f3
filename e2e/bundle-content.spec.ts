import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { describeMeasured, figure, HOSTILE, measure } from './figures';
import { BUILT_FIXTURES, Playground, readFolder, text } from './playground';

// Walls between a bundle's bytes and the app. Every attack below is built here, from nothing but
// strings, so the suite needs no third-party payloads.

/** An SVG whose script, if it ever ran as the app, would leave a mark in the app's storage. */
const SVG_WITH_SCRIPT = [
  '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20">',
  '<script>',
  "localStorage.setItem('bundle-script-ran', location.href);",
  "indexedDB.open('bundle-script-ran');",
  '</script>',
  '<rect width="40" height="20" fill="teal"/>',
  '</svg>',
].join('');

const HTML_WITH_SCRIPT =
  "<!doctype html><script>localStorage.setItem('bundle-script-ran', location.href)</script>";

async function marksOfBundleScript(page: Page) {
  return page.evaluate(async () => ({
    stored: localStorage.getItem('bundle-script-ran'),
    database: (await indexedDB.databases()).some((d) => d.name === 'bundle-script-ran'),
  }));
}

test(
  'an SVG in a bundle is shown as a picture whose address, opened, runs nothing as the app',
  HOSTILE,
  async ({ page, context }) => {
    const app = new Playground(page);
    await app.open();
    const markdown = page.getByTestId('skill-markdown');
    const diagram = markdown.getByRole('img', { name: 'diagram' });
    const disguised = markdown.getByRole('img', { name: 'disguised' });
    const before = await app.storageSnapshot();
    const shown = await measure(page, async () => {
      await app.dropFiles({
        'pictures/SKILL.md': text(
          [
            '---',
            'name: pictures',
            'description: A skill with pictures.',
            '---',
            '![diagram](diagram.svg) ![disguised](img/disguised.png) ![page](page.png)',
          ].join('\n'),
        ),
        'pictures/diagram.svg': text(SVG_WITH_SCRIPT),
        // The extension says PNG, the bytes say SVG: the bytes decide.
        'pictures/img/disguised.png': text(SVG_WITH_SCRIPT),
        // Neither a raster image nor an SVG: not shown at all.
        'pictures/page.png': text(HTML_WITH_SCRIPT),
      });
      await expect(diagram).toHaveAttribute('src', /^blob:/);
    });
    figure('drop to the SVG drawn as PNG', describeMeasured(shown));
    await expect(disguised).toHaveAttribute('src', /^blob:/);
    await expect(markdown.getByRole('img', { name: 'page' })).toHaveCount(0);
    await expect(markdown).toContainText('page.png is not a PNG, JPEG, GIF, WebP or SVG image');
    // The picture is drawn: it decoded to the SVG's own size.
    await expect
      .poll(() => diagram.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
      .toBeGreaterThan(0);

    // What a reader could do: open the image's address in a tab of its own.
    for (const image of [diagram, disguised]) {
      const src = (await image.getAttribute('src'))!;
      const tab = await context.newPage();
      await tab.goto(src);
      expect(await tab.evaluate(() => document.contentType)).toBe('image/png');
      await tab.close();
    }
    expect(await marksOfBundleScript(page)).toEqual({ stored: null, database: false });
    figure('images opened in a tab of their own', '2, each image/png; 0 scripts ran');
    // The dropped skill is kept, as every drop is; its pictures stored nothing of their own.
    await app.expectStorageUnchanged(before, { skills: ['local:pictures'] });
    await app.expectNormalRunWorks();
  },
);

test(
  'the built app carries a Content-Security-Policy that refuses scripts it did not ship',
  HOSTILE,
  async ({ page }) => {
    const app = new Playground(page);
    const response = await page.goto('/');
    // Only a header can forbid framing; vite preview sends it, as hosts are told to.
    expect(response!.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(response!.headers()['x-content-type-options']).toBe('nosniff');
    const policy = page.locator('meta[http-equiv="Content-Security-Policy"]');
    await expect(policy).toHaveAttribute('content', /object-src 'none'/);
    await expect(policy).toHaveAttribute('content', /base-uri 'none'/);
    await expect(app.skills.getByRole('link').first()).toBeVisible();
    const before = await app.storageSnapshot();

    let refused: { inlineRan: boolean; violations: string[] } | undefined;
    const answered = await measure(page, async () => {
      refused = await page.evaluate(async () => {
        const violations: string[] = [];
        document.addEventListener('securitypolicyviolation', (e) =>
          violations.push(`${e.effectiveDirective} ${e.blockedURI}`),
        );
        const inline = document.createElement('script');
        inline.textContent = 'window.__inlineRan = true';
        document.head.append(inline);
        const remote = document.createElement('script');
        remote.src = 'https://scripts.example.test/x.js';
        const remoteSettled = new Promise((resolve) => (remote.onerror = remote.onload = resolve));
        document.head.append(remote);
        await remoteSettled;
        return {
          inlineRan: (window as unknown as { __inlineRan?: boolean }).__inlineRan === true,
          violations,
        };
      });
    });
    expect(refused!.inlineRan).toBe(false);
    // The <meta> and the header each report what they refuse.
    expect(new Set(refused!.violations)).toEqual(
      new Set(['script-src-elem inline', 'script-src-elem https://scripts.example.test/x.js']),
    );
    figure('scripts added to the page that ran', '0 of 2 (inline, remote)');
    figure('added to refused', describeMeasured(answered));
    await app.expectStorageUnchanged(before);
    await app.expectNormalRunWorks();
  },
);

test('under the Content-Security-Policy an example opens, runs, shows its Markdown and edits a file, with no violation', async ({
  page,
}) => {
  test.slow();
  // What the policy refuses in the page is an event there; in a worker it shows in its console.
  const reported: string[] = [];
  page.on('pageerror', (error) => reported.push(error.message));
  page.on('worker', (worker) =>
    worker.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) reported.push(message.text());
    }),
  );
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const w = window as unknown as { __violations?: string[] };
      (w.__violations ??= []).push(`${e.effectiveDirective} ${e.blockedURI}`);
    });
  });

  const app = new Playground(page);
  await app.open();
  await app.skillLink('text-tools').click();
  // The first load transpiles the component, which a busy machine makes slow.
  await expect(app.form('greet')).toBeVisible({ timeout: 60_000 });
  await app.field('greet', 'name').fill('World');
  await app.run('greet');
  await app.expectStatus('ok');
  await expect(app.output).toHaveText('Hello, World.');

  // SKILL.md shows rendered in the Files pane, then in the editor: Monaco brings its own styles
  // and workers.
  await expect(page.getByTestId('skill-markdown')).toBeVisible();
  await app.openFile('SKILL.md');
  await expect(page.locator('.monaco-editor').first()).toBeVisible({ timeout: 60_000 });

  const violations = await page.evaluate(
    () => (window as unknown as { __violations?: string[] }).__violations ?? [],
  );
  expect(violations).toEqual([]);
  expect(reported).toEqual([]);
});

test(
  'a 10 MB SKILL.md shows its beginning with a note, and the page stays responsive',
  HOSTILE,
  async ({ page }) => {
    const app = new Playground(page);
    await app.open();
    const markdown = page.getByTestId('skill-markdown');
    // Built in the page, as dropFiles would hand it over: 10 MB never crosses the test protocol.
    // One part, as a file read from disk is.
    await page.evaluate(
      (bytes) => {
        const parts = ['---\nname: huge-skill\ndescription: A very long skill.\n---\n# Huge\n\n'];
        let size = parts[0]!.length;
        for (let i = 0; size < bytes; i++) {
          parts.push(
            `## Section ${i}\n\nSome *text* with \`code\` and a [link](https://example.test/${i}).\n\n- one\n- two\n\n`,
          );
          size += parts.at(-1)!.length;
        }
        const file = new File([parts.join('')], 'huge-skill/SKILL.md');
        (window as unknown as { __huge: File }).__huge = file;
      },
      10 * 1024 * 1024,
    );
    const firstShown = await measure(page, async () => {
      await page.evaluate(() => {
        const data = new DataTransfer();
        data.items.add((window as unknown as { __huge: File }).__huge);
        const target = document.querySelector('main')!;
        for (const type of ['dragenter', 'dragover', 'drop'])
          target.dispatchEvent(
            new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: data }),
          );
      });
      await expect(markdown.getByRole('heading', { name: 'Huge', exact: true })).toBeVisible();
    });
    figure('drop to the first Markdown shown', describeMeasured(firstShown));
    // Parsed off the main thread: the Markdown worker is alive (one that failed is ended, and
    // the page parses in its place).
    expect(page.workers().map((worker) => worker.url())).toContainEqual(
      expect.stringContaining('markdown.worker'),
    );

    // The rest of the first page comes in pieces; meanwhile the page answers a click at once.
    const theme = page.getByRole('button', { name: 'Dark theme' });
    const pressed = await theme.getAttribute('aria-pressed');
    const answered = await measure(page, async () => {
      await theme.click();
      await expect(theme).not.toHaveAttribute('aria-pressed', pressed!);
    });
    figure('a click answered while the rest is drawn', describeMeasured(answered));
    const firstPage = await measure(page, async () => {
      await expect(markdown).toHaveAttribute('aria-busy', 'false');
    });
    figure('then to the first page of Markdown drawn', describeMeasured(firstPage));

    const note = page.getByRole('note');
    await expect(note).toContainText(/Showing the first [\d,]+ of [\d,]+ characters/);
    await expect(markdown.getByRole('heading', { name: 'Section 0', exact: true })).toBeVisible();
    const shown = await markdown.getByRole('heading').count();
    const before = await note.textContent();

    // The next page comes when asked for, and another skill opens at a click meanwhile.
    await note.getByRole('button', { name: /Show the next/ }).click();
    await expect(note).not.toHaveText(before!);
    await expect(markdown).toHaveAttribute('aria-busy', 'false');
    expect(await markdown.getByRole('heading').count()).toBeGreaterThan(shown);
    await app.skillLink('text-tools').click();
    await expect(page.getByRole('heading', { name: 'text-tools', level: 2 })).toBeVisible();
    await app.skillLink('huge-skill').click();
    await expect(note).toContainText(/Showing the first [\d,]+ of [\d,]+ characters/);
  },
);

test(
  'a bad image URL in SKILL.md takes down only itself: the tools still run',
  HOSTILE,
  async ({ page }) => {
    test.slow();
    const files = readFolder(path.join(BUILT_FIXTURES, 'c-command'));
    files['c-command/SKILL.md'] = text(
      [
        '---',
        'name: c-command',
        'description: A command whose SKILL.md has a broken image.',
        '---',
        '# Broken image',
        '',
        '![x](https://[oops) and text after it',
      ].join('\n'),
    );
    const app = new Playground(page);
    await app.open();
    const before = await app.storageSnapshot();
    await app.dropFiles(files);
    // The first load wraps and transpiles the command, which a busy machine makes slow.
    await expect(app.form('echo')).toBeVisible({ timeout: 60_000 });
    const markdown = page.getByTestId('skill-markdown');
    await expect(markdown.getByRole('heading', { name: 'Broken image' })).toBeVisible();
    await expect(markdown).toContainText('and text after it');
    await expect(page.getByText(/Something went wrong/)).toHaveCount(0);
    // The dropped skill is kept and its component transpiled, as any; the image stored nothing.
    await app.expectStorageUnchanged(before, { skills: ['local:c-command'], transpiles: true });

    await app.field('echo', 'message').fill('still runs');
    const ran = await measure(page, async () => {
      await app.run('echo');
      await app.expectStatus('ok');
    });
    figure('a run beside the broken image', describeMeasured(ran));
    await expect(app.output).toContainText('"message": "still runs"');
  },
);

test(
  'a billion-laughs SKILL.md is that skill’s own finding; the other skill of the drop opens',
  HOSTILE,
  async ({ page }) => {
    const laughs = ['---', 'name: laughs', 'description: Expands without end.'];
    laughs.push('l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]');
    for (let i = 1; i < 10; i++) {
      laughs.push(
        `l${i}: &l${i} [${Array(10)
          .fill(`*l${i - 1}`)
          .join(', ')}]`,
      );
    }
    laughs.push('---', 'Body');
    const app = new Playground(page);
    await app.open();
    const before = await app.storageSnapshot();
    const listed = await measure(page, async () => {
      await app.dropFolderAsEntries({
        'two-skills/laughs/SKILL.md': text(laughs.join('\n')),
        'two-skills/plain-skill/SKILL.md': text(
          '---\nname: plain-skill\ndescription: A plain skill.\n---\n# Plain\n',
        ),
      });
      await expect(app.skillLink('plain-skill')).toBeVisible();
      await expect(app.skillLink('laughs')).toBeVisible();
    });
    figure('drop to both skills listed', describeMeasured(listed));

    await app.skillLink('laughs').click();
    const diagnostics = page.getByRole('region', { name: 'Diagnostics' });
    await expect(diagnostics.locator('[data-rule="yaml-alias-limit"]')).toHaveCount(1);

    await app.skillLink('plain-skill').click();
    await expect(page.getByRole('heading', { name: 'plain-skill' })).toBeVisible();
    await expect(
      page.getByTestId('skill-markdown').getByRole('heading', { name: 'Plain' }),
    ).toBeVisible();
    await expect(diagnostics).toHaveCount(0);
    // Both skills of the drop are kept, the one with its finding too, as every drop is.
    await app.expectStorageUnchanged(before, {
      skills: ['local:two-skills/laughs', 'local:two-skills/plain-skill'],
    });
    await app.expectNormalRunWorks();
  },
);
