import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { describeMeasured, figure, HOSTILE, measure, seconds } from './figures';
import { BUILT_FIXTURES, Playground, text } from './playground';

// Hostile input that the other specs do not already bring: broken wasm, a component with
// thousands of imports, Markdown payloads, and ?skill= links of other schemes. Each is built
// here from bytes and strings.

const UNRULY = path.join(BUILT_FIXTURES, 'unruly-skill');
const unrulyWasm = readFileSync(path.join(UNRULY, 'skill.wasm'));

const leb = (n: number) => {
  const out: number[] = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n) byte |= 0x80;
    out.push(byte);
  } while (n);
  return out;
};
const section = (id: number, body: number[]) => [id, ...leb(body.length), ...body];

/** A component that imports `count` functions `f0`, `f1`, … of type `func()` and exports none. */
function componentWithImports(count: number): Buffer {
  const types = section(7, [1, 0x40, 0x00, 0x01, 0x00]);
  const imports = [...leb(count)];
  for (let i = 0; i < count; i++) {
    const name = Buffer.from(`f${i}`);
    imports.push(0x00, ...leb(name.length), ...name, 0x01, 0x00);
  }
  const preamble = [0x00, 0x61, 0x73, 0x6d, 0x0d, 0x00, 0x01, 0x00];
  return Buffer.from([...preamble, ...types, ...section(10, imports)]);
}

test(
  'truncated and invalid wasm are refused with a sentence; nothing runs',
  HOSTILE,
  async ({ page }) => {
    test.slow();
    const app = new Playground(page);
    await app.open();
    const before = await app.storageSnapshot();
    const cases = [
      {
        // A real component cut in half: the header is right, the sections run out.
        name: 'truncated',
        bytes: unrulyWasm.subarray(0, Math.floor(unrulyWasm.length / 2)),
        says: /jco could not load this component: .*unexpected end-of-file/s,
      },
      {
        // The magic number and a version, then noise.
        name: 'invalid',
        bytes: Buffer.concat([
          Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]),
          Buffer.alloc(64, 0xff),
        ]),
        says: /This is not a component the playground can run: .* not valid WebAssembly/,
      },
    ];
    for (const { name, bytes, says } of cases) {
      const refused = await measure(page, async () => {
        await app.pickFile(`${name}.wasm`, bytes);
        await expect(app.skillLink(name)).toBeVisible();
        await expect(page.getByRole('main').getByRole('alert')).toHaveText(says);
      });
      await expect(page.getByRole('button', { name: 'Run', exact: true })).toHaveCount(0);
      figure(`${name} wasm, picked to refusal`, describeMeasured(refused));
    }
    // A picked file is listed, its refusal with it, and kept as every pick is: a reload shows
    // the same refusal. Nothing else is stored: no transpile, no instance, no run.
    await app.expectStorageUnchanged(before, {
      skills: cases.map(({ name }) => `local:${name}.wasm`),
    });
    await app.expectNormalRunWorks();
  },
);

test(
  'a component with 5,000 imports loads without freezing the page, and says it has nothing to call',
  HOSTILE,
  async ({ page }) => {
    test.slow();
    const app = new Playground(page);
    await app.open();
    const before = await app.storageSnapshot();
    const answered = await measure(page, async () => {
      await app.pickFile('many-imports.wasm', componentWithImports(5000));
      await expect(app.skillLink('many-imports')).toBeVisible();
      // Transpiled and loaded: it has nothing to call, and says so.
      await expect(
        page.getByRole('alert').filter({ hasText: 'exports no function the playground can call' }),
      ).toBeVisible({ timeout: 120_000 });
    });
    figure('picked to loaded (nothing to call)', describeMeasured(answered));
    // It loads, so it is kept and its transpile cached, as any component's; nothing else.
    await app.expectStorageUnchanged(before, {
      skills: ['local:many-imports.wasm'],
      transpiles: true,
    });
    // The page still answers: the Load from URL dialog opens.
    await page.getByRole('button', { name: 'Load from URL' }).click();
    await expect(page.getByRole('dialog', { name: 'Load from URL' })).toBeVisible();
    await page.keyboard.press('Escape');
    await app.expectNormalRunWorks();
  },
);

/** Markdown and HTML that would set window.__md if anything of it ran. */
const MARKDOWN_PAYLOADS = [
  '<script>window.__md = 1</script>',
  '<img src="x" onerror="window.__md = 2">',
  '<svg onload="window.__md = 3"></svg>',
  '<iframe srcdoc="<script>parent.__md = 4</script>"></iframe>',
  '[a](javascript:window.__md=5)',
  '[b](JaVaScRiPt:window.__md=6)',
  '[c](java&#x09;script:window.__md=7)',
  '[d](data:text/html;base64,PHNjcmlwdD5wYXJlbnQuX19tZD04PC9zY3JpcHQ+)',
  '[e](vbscript:msgbox(9))',
  '![f](javascript:window.__md=10)',
  '<a href="javascript:window.__md=11">g</a>',
  '<details open ontoggle="window.__md = 12"><summary>h</summary></details>',
  '<math><mtext><script>window.__md = 13</script></mtext></math>',
  '<style>body { background: url(javascript:window.__md=14) }</style>',
  '<object data="javascript:window.__md=15"></object>',
  '<embed src="javascript:window.__md=16">',
  '<form action="javascript:window.__md=17"><button>i</button></form>',
  '<meta http-equiv="refresh" content="0;url=javascript:window.__md=18">',
  '<base href="javascript:window.__md=19//">',
  '[j][ref]\n\n[ref]: javascript:window.__md=20',
  '<javascript:window.__md=21>',
  '<a href="#" onclick="window.__md = 22">k</a>',
];

test(
  'none of 22 Markdown and HTML payloads in a SKILL.md runs or leaves a live element',
  HOSTILE,
  async ({ page }) => {
    const app = new Playground(page);
    await app.open();
    const markdown = page.getByTestId('skill-markdown');
    const before = await app.storageSnapshot();
    const shown = await measure(page, async () => {
      await app.dropFiles({
        'payloads/SKILL.md': text(
          [
            '---',
            'name: payloads',
            'description: Markdown that tries to run.',
            '---',
            '# Payloads',
            '',
            MARKDOWN_PAYLOADS.join('\n\n'),
            '',
            'The end.',
          ].join('\n'),
        ),
      });
      await expect(markdown.getByRole('heading', { name: 'Payloads' })).toBeVisible();
      await expect(markdown).toContainText('The end.');
    });
    const found = await markdown.evaluate((root) => {
      const live = root.querySelectorAll(
        'script, iframe, object, embed, form, meta, base, style, link, svg, math',
      ).length;
      const handlers = [...root.querySelectorAll('*')].filter((el) =>
        [...el.attributes].some((a) => a.name.toLowerCase().startsWith('on')),
      ).length;
      const urls = [...root.querySelectorAll('[href], [src], [action], [data]')].filter((el) =>
        ['href', 'src', 'action', 'data'].some((a) =>
          /^\s*(javascript|vbscript|data):/i.test(el.getAttribute(a) ?? ''),
        ),
      ).length;
      return { live, handlers, urls, ran: (window as unknown as { __md?: number }).__md ?? null };
    });
    expect(found).toEqual({ live: 0, handlers: 0, urls: 0, ran: null });
    figure('payloads that ran', `0 of ${MARKDOWN_PAYLOADS.length}`);
    figure('drop to the Markdown shown', describeMeasured(shown));
    // The dropped skill is kept, as every drop is; its payloads stored nothing of their own.
    await app.expectStorageUnchanged(before, { skills: ['local:payloads'] });
    await app.expectNormalRunWorks();
  },
);

test(
  '?skill= links of other schemes are refused with a sentence and import nothing',
  HOSTILE,
  async ({ page }) => {
    const app = new Playground(page);
    const links = [
      'javascript:window.__skill=1',
      'data:application/zip;base64,UEsDBA==',
      'file:///etc/passwd',
      'blob:http://localhost/00000000-0000-0000-0000-000000000000',
      'ftp://example.test/skill.zip',
      'ws://example.test/skill.zip',
    ];
    let longest = 0;
    const times: number[] = [];
    await app.open();
    const before = await app.storageSnapshot();
    for (const link of links) {
      await app.open(`?skill=${encodeURIComponent(link)}`);
      const refused = await measure(page, () =>
        expect(
          page.getByRole('alert').filter({ hasText: 'Only http and https URLs can be loaded' }),
        ).toBeVisible(),
      );
      longest = Math.max(longest, refused.longestTaskMs);
      times.push(refused.ms);
      await expect(app.skills.getByRole('link')).toHaveCount(4);
      expect(await page.evaluate(() => (window as { __skill?: number }).__skill ?? null)).toBe(
        null,
      );
    }
    figure(
      'schemes refused',
      `${links.length} of ${links.length}, each refused ${seconds(Math.min(...times))}–${seconds(Math.max(...times))} after the skills were listed; longest task ${longest} ms`,
    );
    await app.expectStorageUnchanged(before);
    await app.expectNormalRunWorks();
  },
);
