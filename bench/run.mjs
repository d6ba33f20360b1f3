#!/usr/bin/env node
// npm run bench: the playground against a bare jco page (bench/baseline.html), measured in one
// run of headless Chromium on the production build. Prints a Markdown table and writes it, with
// the raw figures as JSON, to bench/results/. Ratios within one run are what to compare: the
// machines are shared and noisy.
//
//   --only=workers          only the live-workers figure (30 skills opened one after another);
//                           it replaces that section of latest.md and its key in latest.json
//   --only=output           only the longest main-thread task while a 1 MiB output appears, the
//                           same way
//   --only=discovery        only the large-checkout figure (500 skills among 20,000 other files
//                           dropped, to all listed); printed, not written
//   --only=bigskillmd       only the figures of a 10 MB SKILL.md dropped (first Markdown shown,
//                           longest main-thread task); printed, not written
//   --compare-dist=DIR      measure the live-workers (or bigskillmd) figure on another build too,
//                           served from DIR
//   --compare-label=TEXT    what to call that build in the table (e.g. the commit it was built at)
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from '../e2e/chromium.mjs';
import { freePortSync } from '../e2e/freePort.mjs';
import { bigSkillMdDrop, bigSkillMdSection } from './bigSkillMd.mjs';
import { outputFigures, outputSection } from './outputFigures.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// A port free now, so the figures are never taken from some other server left listening.
const PORT = freePortSync();
const BASE = `http://localhost:${PORT}/`;
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const CALLS = Number(process.env.BENCH_CALLS ?? 200);
const flag = (name) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const ONLY = flag('only');
const COMPARE_DIST = flag('compare-dist');
const COMPARE_LABEL = flag('compare-label') ?? 'the compared build';
// Another free port, for the compared build's server.
const COMPARE_PORT = freePortSync();
const OPENED_SKILLS = 30;

const stats = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { median: at(0.5), p95: at(0.95), min: sorted[0], max: sorted.at(-1), n: sorted.length };
};
const fmt = (ms) => (ms >= 100 ? `${ms.toFixed(0)} ms` : `${ms.toFixed(2)} ms`);

async function startServer(port = PORT, outDir = undefined) {
  const args = ['vite', 'preview', '--port', String(port), '--strictPort'];
  if (outDir) args.push('--outDir', path.resolve(outDir));
  // Its own process group: npx runs vite as a child, which a kill of npx alone leaves running.
  const server = spawn('npx', args, { cwd: root, stdio: 'pipe', detached: true });
  let exited = false;
  server.on('exit', () => (exited = true));
  for (let i = 0; i < 100 && !exited; i++) {
    try {
      if ((await fetch(`http://localhost:${port}/`)).ok) return server;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  stopServer(server);
  throw new Error('vite preview did not start');
}

function stopServer(server) {
  try {
    process.kill(-server.pid, 'SIGTERM');
  } catch {
    server.kill('SIGTERM');
  }
}

/** Clicks in the page and resolves when `selector` exists, timed inside the page (sub-ms). */
async function timeInPage(page, click, selector) {
  return page.evaluate(
    ([clickSelector, waitSelector]) =>
      new Promise((resolve) => {
        const started = performance.now();
        const done = () => {
          if (!document.querySelector(waitSelector)) return false;
          observer.disconnect();
          resolve(performance.now() - started);
          return true;
        };
        const observer = new MutationObserver(done);
        observer.observe(document.body, { subtree: true, childList: true, attributes: true });
        document.querySelector(clickSelector).click();
        done();
      }),
    [click, selector],
  );
}

/** `n` round trips of the baseline page's call, each timed in the page. */
function baselineCalls(page, [fn, args], n) {
  return page.evaluate(
    async ([f, a, count]) => {
      const out = [];
      for (let k = 0; k < count; k++) out.push(await window.baseline.call(f, a));
      return out;
    },
    [fn, args, n],
  );
}

/**
 * One component, below the UI, against the baseline in the same browser: cold (worker, fetch,
 * transpile, instantiate, first call), cached (a new worker given the kept transpile), the call
 * round trip with a fresh instance per call, and the linear memory an idle (kept warm) instance
 * holds. The bytes are served from Node at one URL to both pages.
 */
async function componentFigures(browser, spec, runs, calls) {
  const url = `${BASE}bench-components/${spec.name}.wasm`;
  const serve = (page) =>
    page.route(url, (route) =>
      route.fulfill({ body: spec.bytes, contentType: 'application/wasm' }),
    );
  const baseCold = [];
  let baseCalls = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await serve(page);
    await page.goto(`${BASE}bench/baseline.html`);
    baseCold.push(
      (
        await page.evaluate(
          ([u, fn, args]) => window.baseline.cold(u, fn, args),
          [url, ...spec.call],
        )
      ).coldMs,
    );
    if (i === 0) {
      baseCalls = await baselineCalls(page, spec.call, calls);
    }
    await context.close();
  }
  const cold = [];
  const cached = [];
  let fresh = [];
  let memoryBytes = NaN;
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await serve(page);
    await page.goto(BASE);
    await page.waitForSelector('nav[aria-label="Skills"] a');
    const figures = await page.evaluate(
      async ([u, name, exportName, args, stdin, n, measureCalls]) => {
        const { RuntimeHost, MemoryTranspileCache, createRuntimeWorker } = window.skillPlayground;
        const cache = new MemoryTranspileCache();
        const request = (bytes, id, extra = {}) => ({
          component: { id, name, bytes },
          calls: [{ exportName, args }],
          env: [],
          ...(stdin ? { stdin: new TextEncoder().encode(stdin) } : {}),
          timeoutMs: 60000,
          maxOutputBytes: 1 << 20,
          ...extra,
        });
        let started = performance.now();
        const host = new RuntimeHost(createRuntimeWorker, cache);
        const bytes = new Uint8Array(await (await fetch(u)).arrayBuffer());
        const digest = await crypto.subtle.digest('SHA-256', bytes);
        const id = Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join(
          '',
        );
        const first = await host.run(request(bytes, id));
        if (first.status !== 'ok') throw new Error(`${name}: ${first.error.message}`);
        const coldMs = performance.now() - started;
        host.dispose();
        started = performance.now();
        const again = new RuntimeHost(createRuntimeWorker, cache);
        await again.run(request(bytes, id));
        const cachedMs = performance.now() - started;
        const fresh = [];
        if (measureCalls) {
          for (let k = 0; k < n; k++) {
            const t = performance.now();
            await again.run(request(bytes, id));
            fresh.push(performance.now() - t);
          }
        }
        const warm = await again.run(request(bytes, id, { keepWarm: true }));
        again.dispose();
        return { coldMs, cachedMs, fresh, memoryBytes: warm.memoryBytes ?? NaN };
      },
      [url, spec.name, spec.exportName, spec.args, spec.stdin ?? null, calls, i === 0],
    );
    cold.push(figures.coldMs);
    cached.push(figures.cachedMs);
    if (i === 0) {
      fresh = figures.fresh;
      memoryBytes = figures.memoryBytes;
    }
    await context.close();
  }
  return {
    name: spec.name,
    label: spec.label,
    bytes: spec.bytes.length,
    baselineCold: stats(baseCold),
    baselineCall: stats(baseCalls),
    cold: stats(cold),
    cached: stats(cached),
    freshCall: stats(fresh),
    idleMemoryBytes: memoryBytes,
  };
}

/**
 * The memory of every renderer process (the page's workers are threads of its renderer): PSS
 * from /proc, so pages shared with other processes are counted once. NaN where /proc is not
 * readable (not Linux).
 */
async function rendererMemory(browser) {
  const session = await browser.newBrowserCDPSession();
  const { processInfo } = await session.send('SystemInfo.getProcessInfo');
  await session.detach();
  let total = 0;
  for (const { type, id } of processInfo) {
    if (type !== 'renderer') continue;
    try {
      const rollup = readFileSync(`/proc/${id}/smaps_rollup`, 'utf8');
      total += Number(/^Pss:\s+(\d+) kB/m.exec(rollup)[1]) * 1024;
    } catch {
      return NaN;
    }
  }
  return total;
}

/**
 * The page's JS heap and each of its workers' (after a garbage collection), through a CDP session
 * that attaches to the workers itself: Playwright gives no CDP session for a worker.
 */
async function heapsOf(context, page) {
  const session = await context.newCDPSession(page);
  const workers = [];
  session.on('Target.attachedToTarget', ({ sessionId, targetInfo }) => {
    if (targetInfo.type === 'worker') workers.push({ sessionId, url: targetInfo.url });
  });
  const replies = new Map();
  session.on('Target.receivedMessageFromTarget', ({ message }) => {
    const reply = JSON.parse(message);
    if (reply.id) replies.set(reply.id, reply);
  });
  await session.send('Target.setAutoAttach', {
    autoAttach: true,
    waitForDebuggerOnStart: false,
    flatten: false,
  });
  // The workers already running are announced just after the call returns.
  await new Promise((resolve) => setTimeout(resolve, 500));
  let nextId = 1;
  const ask = async (sessionId, method) => {
    const id = nextId++;
    await session.send('Target.sendMessageToTarget', {
      sessionId,
      message: JSON.stringify({ id, method }),
    });
    for (let i = 0; i < 100 && !replies.has(id); i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return replies.get(id)?.result;
  };
  let workerHeap = 0;
  for (const { sessionId } of workers) {
    await ask(sessionId, 'HeapProfiler.collectGarbage');
    workerHeap += (await ask(sessionId, 'Runtime.getHeapUsage'))?.usedSize ?? NaN;
  }
  await session.send('HeapProfiler.collectGarbage');
  const { usedSize: pageHeap } = await session.send('Runtime.getHeapUsage');
  await session.detach();
  return {
    runtimeWorkers: workers.filter(({ url }) => url.includes('runtime.worker')).length,
    allWorkers: workers.length,
    pageHeap,
    workerHeap,
  };
}

/**
 * Live workers and memory after opening 30 skills one after another, each to tools ready: 30
 * stored copies of data-tools, each with a custom section naming it, so each is a different
 * component that a worker transpiles with jco, as 30 different skills would be.
 */
async function openedSkillsFigures(chromiumPath, base) {
  // A browser of its own, so the renderer memory is this page's and not a closed one's.
  const browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });
  try {
    return await openedSkillsIn(browser, base);
  } finally {
    await Promise.race([browser.close(), new Promise((resolve) => setTimeout(resolve, 5000))]);
  }
}

async function openedSkillsIn(browser, base) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(base);
  await page.waitForSelector('nav[aria-label="Skills"] a');
  const examples = await page.locator('nav[aria-label="Skills"] a').count();
  await page.evaluate(
    async ([count, wasmUrl]) => {
      const original = new Uint8Array(await (await fetch(wasmUrl)).arrayBuffer());
      const encoder = new TextEncoder();
      const leb = (n) => {
        const out = [];
        do {
          out.push((n & 0x7f) | (n > 0x7f ? 0x80 : 0));
          n >>>= 7;
        } while (n);
        return out;
      };
      for (let n = 0; n < count; n++) {
        const name = `workers-${n}`;
        const sectionName = encoder.encode('bench-copy');
        const content = [...leb(sectionName.length), ...sectionName, ...encoder.encode(name)];
        const custom = [0, ...leb(content.length), ...content];
        const wasm = new Uint8Array(original.length + custom.length);
        wasm.set(original);
        wasm.set(custom, original.length);
        const md = encoder.encode(
          `---\nname: ${name}\ndescription: Copy ${n} of data-tools.\n---\nBody ${n}\n`,
        );
        await window.skillPlayground.saveSkill(
          {
            version: 1,
            key: `folder:${name}`,
            source: { kind: 'folder', name },
            rootName: name,
            name,
            description: `Copy ${n} of data-tools.`,
            bytes: wasm.length + md.length,
            addedAt: n,
          },
          new Map([
            ['SKILL.md', md],
            ['skill.wasm', wasm],
          ]),
        );
      }
    },
    [OPENED_SKILLS, `${base}examples/data-tools/skill.wasm`],
  );
  await page.reload();
  await page.waitForFunction(
    (expected) => document.querySelectorAll('nav[aria-label="Skills"] a').length >= expected,
    examples + OPENED_SKILLS,
  );
  const memoryBefore = await rendererMemory(browser);
  const openMs = [];
  for (let n = 0; n < OPENED_SKILLS; n++) {
    openMs.push(
      await page.evaluate(
        (name) =>
          new Promise((resolve, reject) => {
            const started = performance.now();
            const done = () => {
              const panel = document.querySelector('article.skill-panel');
              if (document.querySelector('#skill-title')?.textContent !== name) return;
              const status = panel?.getAttribute('data-skill-status');
              if (status === 'ready') resolve(performance.now() - started);
              else if (status === 'failed') reject(new Error(`${name} failed to open`));
              else return;
              observer.disconnect();
            };
            const observer = new MutationObserver(done);
            observer.observe(document.body, { subtree: true, childList: true, attributes: true });
            document
              .querySelector(`nav[aria-label="Skills"] a[href="#skill=folder%3A${name}"]`)
              .click();
            done();
          }),
        `workers-${n}`,
      ),
    );
  }
  const heaps = await heapsOf(context, page);
  const memoryAfter = await rendererMemory(browser);
  await context.close();
  return {
    ...heaps,
    rendererBytesBefore: memoryBefore,
    rendererBytesAfter: memoryAfter,
    open: stats(openMs),
  };
}

const mib = (bytes) => (Number.isFinite(bytes) ? `${(bytes / 2 ** 20).toFixed(0)} MiB` : 'n/a');

function openedSkillsSection(figures) {
  const growth = (b) => b.rendererBytesAfter - b.rendererBytesBefore;
  const [first, last] = [figures.builds[0], figures.builds.at(-1)];
  return [
    `## Live workers after opening ${OPENED_SKILLS} skills one after another`,
    '',
    `${figures.date.slice(0, 10)}, ${figures.machine}. ${OPENED_SKILLS} stored copies of data-tools, each a different component (a custom section names it), opened from the list one after another, each to tools ready. Workers are counted, and their JS heaps read after a garbage collection, through CDP (auto-attach to the page's workers). Renderer memory is the PSS of Chromium's renderer processes from /proc (the workers are threads of the page's renderer), each build in a browser of its own; PSS shares out pages that other processes map too, other Chromiums on this shared machine included, so the growth is the figure to compare, not the levels. One run of each build, one after the other.`,
    '',
    '| build | live runtime workers | JS heap, workers | renderer memory before → after (growth) | open to tools ready, median (p95) |',
    '|---|---|---|---|---|',
    ...figures.builds.map(
      (b) =>
        `| ${b.label} | ${b.runtimeWorkers} | ${mib(b.workerHeap)} | ${mib(b.rendererBytesBefore)} → ${mib(b.rendererBytesAfter)} (+${mib(growth(b))}) | ${fmt(b.open.median)} (${fmt(b.open.p95)}) |`,
    ),
    ...(figures.builds.length > 1
      ? [
          '',
          `This build against ${first.label}: ${last.runtimeWorkers} / ${first.runtimeWorkers} live workers, renderer growth ${(growth(last) / growth(first)).toFixed(2)}×, open median ${(last.open.median / first.open.median).toFixed(2)}×.`,
        ]
      : []),
    '',
  ].join('\n');
}

/** The compared build (--compare-dist) if any, then this one. */
async function measureOpenedSkills(chromiumPath, machine) {
  const builds = [];
  if (COMPARE_DIST) {
    const server = await startServer(COMPARE_PORT, COMPARE_DIST);
    try {
      const figures = await openedSkillsFigures(chromiumPath, `http://localhost:${COMPARE_PORT}/`);
      builds.push({ label: COMPARE_LABEL, ...figures });
    } finally {
      stopServer(server);
    }
  }
  builds.push({ label: 'this build', ...(await openedSkillsFigures(chromiumPath, BASE)) });
  return { date: new Date().toISOString(), machine, builds };
}

/** --only=workers: the one figure, written into the last full run's results. */
async function mainOnlyWorkers(chromiumPath, machine) {
  const server = await startServer();
  let figures;
  try {
    figures = await measureOpenedSkills(chromiumPath, machine);
  } finally {
    stopServer(server);
  }
  const section = openedSkillsSection(figures);
  const mdPath = path.join(root, 'bench/results/latest.md');
  const jsonPath = path.join(root, 'bench/results/latest.json');
  const md = await fs.readFile(mdPath, 'utf8').catch(() => '');
  const heading = md.indexOf('## Live workers after opening');
  const next = heading < 0 ? -1 : md.indexOf('\n## ', heading + 1);
  const kept = heading < 0 ? md : md.slice(0, heading) + (next < 0 ? '' : md.slice(next + 1));
  await fs.writeFile(mdPath, `${kept.trimEnd()}\n\n${section}`);
  const json = JSON.parse(await fs.readFile(jsonPath, 'utf8').catch(() => '{}'));
  await fs.writeFile(jsonPath, JSON.stringify({ ...json, openedSkills: figures }, null, 2));
  console.log(section);
}

/** Skills and other files in the generated checkout of the large-drop figure. */
const LARGE_DROP = { skills: 500, otherFiles: 20_000 };

/**
 * A generated repository checkout of 500 skills (SKILL.md and a script each) and 20,000 other
 * files, dropped on a fresh page: the time from the drop to every skill listed and the import
 * notice shown. The files are made in the page, as a drop's File objects, so the figure is the
 * playground's own work: walking the paths, finding the skills, reading their SKILL.md.
 */
async function measureLargeDrop(browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(BASE);
  await page.waitForSelector('nav[aria-label="Skills"] a');
  const examples = await page.locator('nav[aria-label="Skills"] a').count();
  const ms = await page.evaluate(
    ([{ skills, otherFiles }, expected]) =>
      new Promise((resolve) => {
        const data = new DataTransfer();
        for (let n = 0; n < skills; n++) {
          const md = `---\nname: skill-${n}\ndescription: Generated skill ${n}.\n---\nBody ${n}\n`;
          data.items.add(new File([md], `big-repo/skills/group-${n % 20}/skill-${n}/SKILL.md`));
          data.items.add(
            new File(['print(1)\n'], `big-repo/skills/group-${n % 20}/skill-${n}/run.py`),
          );
        }
        for (let n = 0; n < otherFiles; n++) {
          data.items.add(new File(['export {};\n'], `big-repo/src/module-${n % 400}/file-${n}.ts`));
        }
        const started = performance.now();
        const done = () => {
          const listed = document.querySelectorAll('nav[aria-label="Skills"] a').length;
          const notice = document.querySelector('ul[aria-label="Notices"]')?.textContent ?? '';
          if (listed >= expected && notice.includes(`${skills} skills found`)) {
            resolve(performance.now() - started);
          } else requestAnimationFrame(done);
        };
        document
          .querySelector('main')
          .dispatchEvent(
            new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: data }),
          );
        requestAnimationFrame(done);
      }),
    [LARGE_DROP, examples + LARGE_DROP.skills],
  );
  await context.close();
  return ms;
}

async function mainOnlyDiscovery(chromiumPath, machine) {
  const server = await startServer();
  const browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });
  const drops = [];
  try {
    for (let i = 0; i < RUNS; i++) drops.push(await measureLargeDrop(browser));
  } finally {
    stopServer(server);
    await Promise.race([browser.close(), new Promise((resolve) => setTimeout(resolve, 5000))]);
  }
  const s = stats(drops);
  console.log(
    `Machine: ${machine}. A checkout of ${LARGE_DROP.skills} skills and ${LARGE_DROP.otherFiles} other files dropped, to all listed: median ${fmt(s.median)}, p95 ${fmt(s.p95)}, min ${fmt(s.min)}, max ${fmt(s.max)} (n=${s.n}); target < 2 s.`,
  );
}

/** --only=bigskillmd: this build, and the compared one in the same run when asked. */
async function mainOnlyBigSkillMd(chromiumPath, machine) {
  const servers = [{ label: 'this build', base: BASE, server: await startServer() }];
  if (COMPARE_DIST) {
    const base = `http://localhost:${COMPARE_PORT}/`;
    servers.push({
      label: COMPARE_LABEL,
      base,
      server: await startServer(COMPARE_PORT, COMPARE_DIST),
    });
  }
  const browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });
  const builds = servers.map(({ label }) => ({ label, runs: [] }));
  try {
    for (let i = 0; i < RUNS; i++) {
      // Alternating which build goes first, so neither gets the quieter moments.
      const order = i % 2 ? [...servers.keys()].reverse() : [...servers.keys()];
      for (const at of order) builds[at].runs.push(await bigSkillMdDrop(browser, servers[at].base));
    }
  } finally {
    for (const { server } of servers) stopServer(server);
    await Promise.race([browser.close(), new Promise((resolve) => setTimeout(resolve, 5000))]);
  }
  console.log(
    bigSkillMdSection(builds, stats, fmt, `${machine}, load ${os.loadavg()[0].toFixed(1)}`),
  );
}

/**
 * The longest pause of the page's main thread while a tool floods stdout until the 1 MiB output
 * limit ends its run: the widest gap between ticks of a 10 ms timer, from Run pressed until a
 * moment after the error is shown (so the last render and paint count too). A test cannot hold
 * this to a bound on a shared machine; here it is a figure to watch.
 */
async function pauseDuringFlood(browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(BASE);
  await page.waitForSelector('nav[aria-label="Skills"] a');
  await page
    .getByLabel('Open skill folder')
    .setInputFiles(path.join(root, 'e2e/.built/unruly-skill'));
  await page.getByRole('tab', { name: 'flood', exact: true }).click();
  await page.waitForSelector('form[aria-label="flood"]');
  const gap = await page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const result = document.querySelector('section[aria-label="Result"]');
        const before = result.getAttribute('data-run-id');
        let last = performance.now();
        let widest = 0;
        const ticks = setInterval(() => {
          const now = performance.now();
          widest = Math.max(widest, now - last);
          last = now;
        }, 10);
        const observer = new MutationObserver(() => {
          const status = result.getAttribute('data-run-status');
          if (result.getAttribute('data-run-id') === before || status === 'running') return;
          observer.disconnect();
          if (status !== 'error') reject(new Error(`the flood ended with ${status}`));
          setTimeout(() => {
            clearInterval(ticks);
            resolve(widest);
          }, 100);
        });
        observer.observe(result, { attributes: true });
        document.querySelector('form[aria-label="flood"] button[type="submit"]').click();
      }),
  );
  await context.close();
  return gap;
}

/** --only=output: the one figure, written into the last full run's results. */
async function mainOnlyOutput(chromiumPath) {
  const server = await startServer();
  const browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });
  let figures;
  try {
    figures = await outputFigures(browser, BASE, root, RUNS, stats);
    // The stdout flood (figure 7 of a full run), which streams into the same kind of view.
    const floodPauses = [];
    for (let i = 0; i < RUNS; i++) floodPauses.push(await pauseDuringFlood(browser));
    figures['stdout flooding to 1 MiB (widest gap of a 10 ms timer)'] = {
      ...stats(floodPauses),
      view: 'text, streamed',
    };
  } finally {
    stopServer(server);
    await Promise.race([browser.close(), new Promise((resolve) => setTimeout(resolve, 5000))]);
  }
  const section = outputSection(figures, fmt);
  const mdPath = path.join(root, 'bench/results/latest.md');
  const jsonPath = path.join(root, 'bench/results/latest.json');
  const md = await fs.readFile(mdPath, 'utf8').catch(() => '');
  const heading = md.indexOf('## Longest main-thread task while a 1 MiB output appears');
  const next = heading < 0 ? -1 : md.indexOf('\n## ', heading + 1);
  const kept = heading < 0 ? md : md.slice(0, heading) + (next < 0 ? '' : md.slice(next + 1));
  await fs.writeFile(mdPath, `${kept.trimEnd()}\n\n${section}`);
  const json = JSON.parse(await fs.readFile(jsonPath, 'utf8').catch(() => '{}'));
  await fs.writeFile(jsonPath, JSON.stringify({ ...json, output: figures }, null, 2));
  console.log(section);
}

async function main() {
  const chromiumPath = findChromium();
  const machine =
    `${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.cpus()[0]?.model ?? ''}`.trim();
  if (ONLY === 'workers') return mainOnlyWorkers(chromiumPath, machine);
  if (ONLY === 'output') return mainOnlyOutput(chromiumPath);
  if (ONLY === 'discovery') return mainOnlyDiscovery(chromiumPath, machine);
  if (ONLY === 'bigskillmd') return mainOnlyBigSkillMd(chromiumPath, machine);
  if (ONLY) {
    throw new Error(
      `--only=${ONLY}: the parts that run alone are "workers", "output", "discovery" and "bigskillmd".`,
    );
  }
  const server = await startServer();
  const browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });
  const results = {
    date: new Date().toISOString(),
    machine,
    runs: RUNS,
    figures: {},
  };
  const put = (name, values, note) => (results.figures[name] = { ...stats(values), note });
  try {
    const component = 'examples/data-tools/skill.wasm';
    const call = ['executeTool', ['scale', '{"value":"1","factor":"2"}']];

    // 1 and 4: the baseline's cold path, worker start, and instantiate per run.
    const baseCold = [];
    const baseWorker = [];
    const baseInstantiate = [];
    let baseCalls = [];
    for (let i = 0; i < RUNS; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${BASE}bench/baseline.html`);
      const cold = await page.evaluate(
        ([url, fn, args]) => window.baseline.cold(url, fn, args),
        [`${BASE}${component}`, ...call],
      );
      baseCold.push(cold.coldMs);
      baseWorker.push(cold.workerStartMs);
      baseInstantiate.push(await page.evaluate(() => window.baseline.instantiate()));
      if (i === 0) {
        baseCalls = await baselineCalls(page, call, CALLS);
      }
      await context.close();
    }
    put('baseline: cold (worker, fetch, transpile, instantiate, first call)', baseCold);
    put('baseline: worker start', baseWorker);
    put('baseline: instantiate', baseInstantiate);
    put('baseline: call round trip (same instance)', baseCalls);

    // 1, 2, 3 and 5: the playground.
    const cold = [];
    const cached = [];
    const workerStart = [];
    const firstPaint = [];
    const interactive = [];
    let uiCalls = [];
    let warmCalls = [];
    for (let i = 0; i < RUNS; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(BASE);
      await page.waitForSelector('nav[aria-label="Skills"] a');
      const paint = await page.evaluate(() => {
        const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN;
        return { fcp };
      });
      firstPaint.push(paint.fcp);
      interactive.push(
        await page.evaluate(
          () => performance.getEntriesByName('examples-listed')[0]?.startTime ?? NaN,
        ),
      );
      workerStart.push(
        await page.evaluate(
          () =>
            new Promise((resolve) => {
              const started = performance.now();
              const worker = window.skillPlayground.createRuntimeWorker();
              worker.onmessage = () => {
                resolve(performance.now() - started);
                worker.terminate();
              };
            }),
        ),
      );
      cold.push(
        await timeInPage(
          page,
          'nav[aria-label="Skills"] a[href*="data-tools"]',
          'form[aria-label="stats"]',
        ),
      );
      await page.reload();
      await page.waitForSelector('nav[aria-label="Skills"] a');
      cached.push(
        await timeInPage(
          page,
          'nav[aria-label="Skills"] a[href*="data-tools"]',
          'form[aria-label="stats"]',
        ),
      );
      if (i === 0) {
        await page.getByRole('tab', { name: 'scale', exact: true }).click();
        await page.getByLabel('value', { exact: true }).fill('1');
        const runCalls = async (n) => {
          const out = [];
          for (let k = 0; k < n; k++) {
            await page.evaluate(() =>
              document
                .querySelector('section[aria-label="Result"]')
                .setAttribute('data-bench', 'waiting'),
            );
            out.push(
              await page.evaluate(
                () =>
                  new Promise((resolve) => {
                    const result = document.querySelector('section[aria-label="Result"]');
                    const before = result.getAttribute('data-run-id');
                    const started = performance.now();
                    const observer = new MutationObserver(() => {
                      if (
                        result.getAttribute('data-run-id') !== before &&
                        result.getAttribute('data-run-status') === 'ok'
                      ) {
                        observer.disconnect();
                        resolve(performance.now() - started);
                      }
                    });
                    observer.observe(result, { attributes: true, subtree: true, childList: true });
                    document
                      .querySelector('form[aria-label="scale"] button[type="submit"]')
                      .click();
                  }),
              ),
            );
          }
          return out;
        };
        uiCalls = await runCalls(CALLS);
        await page.getByLabel('Keep warm').check();
        warmCalls = await runCalls(CALLS);
      }
      await context.close();
    }
    put('playground: cold (click to tools ready, empty cache)', cold);
    put('playground: cached (after reload, transpile cache hit)', cached);
    put('playground: worker start', workerStart);
    // 3: the worker round trip alone, below the UI: the runtime host calling execute-tool.
    const roundTrip = async (keepWarm) => {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(BASE);
      const values = await page.evaluate(
        async ([url, n, warm]) => {
          const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
          const digest = await crypto.subtle.digest('SHA-256', bytes);
          const id = Array.from(new Uint8Array(digest), (b) =>
            b.toString(16).padStart(2, '0'),
          ).join('');
          const { RuntimeHost, createRuntimeWorker } = window.skillPlayground;
          const host = new RuntimeHost(createRuntimeWorker);
          const request = {
            component: { id, name: 'data-tools', bytes },
            calls: [{ exportName: 'execute-tool', args: ['scale', '{"value":"1","factor":"2"}'] }],
            env: [],
            timeoutMs: 10000,
            maxOutputBytes: 1 << 20,
            keepWarm: warm,
          };
          await host.run(request);
          const out = [];
          const instantiate = [];
          for (let k = 0; k < n; k++) {
            const started = performance.now();
            const outcome = await host.run(request);
            out.push(performance.now() - started);
            instantiate.push(outcome.timings.instantiateMs);
          }
          host.dispose();
          return { out, instantiate };
        },
        [`${BASE}${component}`, CALLS, keepWarm],
      );
      await context.close();
      return values;
    };
    const fresh = await roundTrip(false);
    put('playground: worker round trip, fresh instance', fresh.out);
    put('playground: instantiate per run (fresh instance)', fresh.instantiate);
    put('playground: worker round trip, keep warm', (await roundTrip(true)).out);
    put('playground: Run to result shown (fresh instance per run)', uiCalls);
    put('playground: Run to result shown (keep warm)', warmCalls);
    put('playground: first contentful paint', firstPaint);
    put('playground: examples listed (interactive)', interactive);

    // Components of three sizes, each against the baseline: a C/WASI command, the QuickJS
    // skill-engine component, and a large one.
    const scaleArgs = ['scale', '{"value":"1","factor":"2"}'];
    const componentSpecs = [
      {
        name: 'c-command',
        label: 'C/WASI preview1 command (clang)',
        bytes: readFileSync(path.join(root, 'e2e/.built/c-command/skill.wasm')),
        call: ['wasi:cli/run#run', []],
        exportName: 'wasi:cli/run#run',
        args: [],
        stdin: '{"message":"bench"}',
      },
      {
        name: 'data-tools',
        label: 'QuickJS skill-engine component',
        bytes: readFileSync(path.join(root, 'public/examples/data-tools/skill.wasm')),
        call: ['executeTool', scaleArgs],
        exportName: 'execute-tool',
        args: scaleArgs,
      },
      {
        name: 'large-skill',
        label: 'large QuickJS component (data-tools + 3 MB of data)',
        bytes: readFileSync(path.join(root, 'bench/.built/large-skill.wasm')),
        call: ['executeTool', scaleArgs],
        exportName: 'execute-tool',
        args: scaleArgs,
      },
    ];
    results.components = [];
    for (const spec of componentSpecs) {
      results.components.push(await componentFigures(browser, spec, RUNS, Math.min(CALLS, 50)));
    }

    // 6: a workspace of 200 stored skills, listed at start-up.
    const listing = [];
    {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(BASE);
      await page.waitForSelector('nav[aria-label="Skills"] a');
      // The built-in examples are listed beside the stored skills.
      const examples = await page.locator('nav[aria-label="Skills"] a').count();
      await page.evaluate(async () => {
        const md = (n) =>
          new TextEncoder().encode(
            `---\nname: skill-${n}\ndescription: Stored skill ${n}.\n---\nBody ${n}\n`,
          );
        for (let n = 0; n < 200; n++) {
          await window.skillPlayground.saveSkill(
            {
              version: 1,
              key: `folder:skill-${n}`,
              source: { kind: 'folder', name: `skill-${n}` },
              rootName: `skill-${n}`,
              name: `skill-${n}`,
              description: `Stored skill ${n}.`,
              bytes: 64,
              addedAt: n,
            },
            new Map([['SKILL.md', md(n)]]),
          );
        }
      });
      for (let i = 0; i < RUNS; i++) {
        await page.reload();
        await page.waitForFunction(
          (expected) => document.querySelectorAll('nav[aria-label="Skills"] a').length >= expected,
          examples + 200,
        );
        listing.push(
          await page.evaluate(
            () => performance.getEntriesByName('workspace-listed')[0]?.startTime ?? NaN,
          ),
        );
      }
      await context.close();
    }
    put('playground: 200-skill workspace listed after start-up', listing);

    // 6: a checkout of 500 skills among 20,000 other files, dropped, to all listed.
    const drops = [];
    for (let i = 0; i < RUNS; i++) drops.push(await measureLargeDrop(browser));
    put('playground: 500-skill checkout (20,000 other files) dropped, all listed', drops);

    // 7: workers and memory after opening 30 skills one after another.
    results.openedSkills = await measureOpenedSkills(chromiumPath, machine);
    // 7: the page while a tool floods stdout to the output limit.
    const floodPauses = [];
    for (let i = 0; i < RUNS; i++) floodPauses.push(await pauseDuringFlood(browser));
    put('playground: longest main-thread pause while stdout floods to 1 MiB', floodPauses);
    // 8: the page while a 1 MiB output (text, then JSON) appears in its view.
    results.output = await outputFigures(browser, BASE, root, RUNS, stats);

    // 5: JavaScript shipped before interaction (gzip), from the built index.html's entry chunk.
    const html = readFileSync(path.join(root, 'dist/index.html'), 'utf8');
    const scripts = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
    const shipped = scripts.reduce(
      (sum, file) => sum + gzipSync(readFileSync(path.join(root, 'dist', file))).length,
      0,
    );
    results.initialJsGzipBytes = shipped;
  } finally {
    stopServer(server);
    // A page whose worker was busy can keep close() waiting; the figures are in by now.
    await Promise.race([browser.close(), new Promise((resolve) => setTimeout(resolve, 5000))]);
  }

  const f = results.figures;
  const ratio = (a, b) => (f[a].median / f[b].median).toFixed(2);
  const rows = Object.entries(f).map(
    ([name, s]) =>
      `| ${name} | ${fmt(s.median)} | ${fmt(s.p95)} | ${fmt(s.min)} | ${fmt(s.max)} | ${s.n} |`,
  );
  const md = [
    `# Benchmark, ${results.date.slice(0, 10)}`,
    '',
    `Machine: ${results.machine}. ${RUNS} runs each (calls: ${CALLS}). Component: examples/data-tools (QuickJS, 1.6 MB).`,
    '',
    '| figure | median | p95 | min | max | n |',
    '|---|---|---|---|---|---|',
    ...rows,
    '',
    '| ratio / target | value | target |',
    '|---|---|---|',
    `| cold / baseline cold | ${ratio('playground: cold (click to tools ready, empty cache)', 'baseline: cold (worker, fetch, transpile, instantiate, first call)')} | ≤ 1.1 |`,
    `| cached / baseline cold | ${ratio('playground: cached (after reload, transpile cache hit)', 'baseline: cold (worker, fetch, transpile, instantiate, first call)')} | ≤ 0.3 |`,
    `| round-trip overhead over baseline call, p50 (keep warm) | ${fmt(f['playground: worker round trip, keep warm'].median - f['baseline: call round trip (same instance)'].median)} | < 1 ms |`,
    `| round-trip overhead over baseline call, p50 (fresh instance) | ${fmt(f['playground: worker round trip, fresh instance'].median - f['baseline: call round trip (same instance)'].median)} | < 1 ms |`,
    `| Run pressed to result shown, p50 (keep warm) | ${fmt(f['playground: Run to result shown (keep warm)'].median)} | (UI figure) |`,
    `| worker start | ${fmt(f['playground: worker start'].median)} | < 50 ms |`,
    `| initial JavaScript (gzip) | ${(results.initialJsGzipBytes / 1024).toFixed(0)} KB | < 300 KB |`,
    `| first contentful paint | ${fmt(f['playground: first contentful paint'].median)} | < 1 s |`,
    `| 200-skill workspace listed | ${fmt(f['playground: 200-skill workspace listed after start-up'].median)} | < 300 ms |`,
    `| 500-skill checkout dropped, all listed | ${fmt(f['playground: 500-skill checkout (20,000 other files) dropped, all listed'].median)} | < 2 s |`,
    `| longest main-thread pause while stdout floods, p95 | ${fmt(f['playground: longest main-thread pause while stdout floods to 1 MiB'].p95)} | < 500 ms |`,
    '',
    '## Components (runtime host against the baseline, medians)',
    '',
    '| component | size | baseline cold | cold (ratio) | cached (ratio) | call, fresh instance / baseline call | idle instance memory |',
    '|---|---|---|---|---|---|---|',
    ...results.components.map(
      (c) =>
        `| ${c.label} | ${c.bytes < 2 ** 20 ? `${(c.bytes / 1024).toFixed(0)} KiB` : `${(c.bytes / 2 ** 20).toFixed(1)} MiB`} | ${fmt(c.baselineCold.median)} | ${fmt(c.cold.median)} (${(c.cold.median / c.baselineCold.median).toFixed(2)}x) | ${fmt(c.cached.median)} (${(c.cached.median / c.baselineCold.median).toFixed(2)}x) | ${fmt(c.freshCall.median)} / ${fmt(c.baselineCall.median)} | ${(c.idleMemoryBytes / 2 ** 20).toFixed(1)} MiB |`,
    ),
    '',
    outputSection(results.output, fmt),
    openedSkillsSection(results.openedSkills),
  ].join('\n');
  await fs.mkdir(path.join(root, 'bench/results'), { recursive: true });
  await fs.writeFile(path.join(root, 'bench/results/latest.md'), md);
  await fs.writeFile(
    path.join(root, 'bench/results/latest.json'),
    JSON.stringify(results, null, 2),
  );
  console.log(md);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(`bench: ${error.message}`);
    process.exit(1);
  },
);
