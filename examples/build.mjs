#!/usr/bin/env node
// Builds every example skill (examples/skills/*) into public/examples/ and, with --fixtures, every
// test fixture (e2e/fixtures/*) into e2e/.built/, from source, with the toolchains the repo pins,
// and the repository shapes of e2e/fixtures/make-repos.mjs into e2e/.built/repos/.
// A skill folder holds its published files (SKILL.md, ...) plus an optional build.json that says
// how to make its wasm; src/ and build.json are not published. Builds are skipped when the inputs
// and the toolchain are unchanged (a stamp of their hash is kept in examples/.cache), so `npm run dev`
// stays fast after the first time.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { buildComponentFixtures } from './componentFixtures.mjs';

const run = promisify(execFile);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const jcoPackage = path.join(root, 'node_modules/@bytecodealliance/jco');
const jcoBin = path.join(jcoPackage, 'dist/jco.js');
const witRoot = path.join(root, 'examples/wit');
const stampDir = path.join(root, 'examples/.cache');

// The examples need Node, and clang for the one in C (left out without it); the test fixtures
// (--fixtures) need clang for their C parts.
const targets = [
  { from: path.join(root, 'examples/skills'), to: path.join(root, 'public/examples'), index: true },
  ...(process.argv.includes('--fixtures')
    ? [{ from: path.join(root, 'e2e/fixtures'), to: path.join(root, 'e2e/.built'), index: false }]
    : []),
];

async function exists(p) {
  return fs.access(p).then(
    () => true,
    () => false,
  );
}

async function listFiles(dir, base = dir) {
  const out = [];
  for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await listFiles(full, base)));
    else out.push(path.relative(base, full).split(path.sep).join('/'));
  }
  return out.sort();
}

async function hashInputs(dirs, extra) {
  const hash = createHash('sha256').update(extra);
  for (const dir of dirs) {
    for (const file of await listFiles(dir)) {
      if (file.startsWith('deps/')) continue;
      hash.update(file).update(await fs.readFile(path.join(dir, file)));
    }
  }
  return hash.digest('hex');
}

/** jco ships the WASI WIT packages; a world that imports wasi:cli needs them under deps/. */
async function prepareWit(name) {
  const dir = path.join(witRoot, name);
  const deps = path.join(dir, 'deps');
  if (await exists(deps)) return dir;
  const builtin = path.join(jcoPackage, 'lib/wit/builtin/0.2.12');
  await fs.mkdir(deps, { recursive: true });
  for (const pkg of await fs.readdir(builtin)) {
    await fs.cp(path.join(builtin, pkg), path.join(deps, pkg), { recursive: true });
  }
  return dir;
}

async function componentize(skillDir, outDir, spec) {
  const wit = await prepareWit(spec.wit);
  await fs.mkdir(path.dirname(path.join(outDir, spec.out ?? 'skill.wasm')), { recursive: true });
  const args = [
    jcoBin,
    'componentize',
    '--backend',
    'qjs',
    path.join(skillDir, spec.source),
    '--wit',
    wit,
    '--world-name',
    spec.world,
    '--out',
    path.join(outDir, spec.out ?? 'skill.wasm'),
  ];
  if (spec.async === false) args.push('--backend-qjs-disable-async');
  await run(process.execPath, args, { cwd: skillDir });
}

class ClangMissingError extends Error {}

/**
 * C sources to wasm with Debian's clang: a WASI preview1 command with wasi-libc by default, or
 * what `target` and `flags` say (an Extism plugin is a reactor, or wasm32-unknown-unknown without
 * libc). `includes` are header folders of the repo, named from its root.
 */
async function compileC(skillDir, outDir, spec) {
  const out = path.join(outDir, spec.out);
  await fs.mkdir(path.dirname(out), { recursive: true });
  const args = [
    `--target=${spec.target ?? 'wasm32-wasi'}`,
    '-O2',
    '-Wl,--strip-all',
    ...(spec.includes ?? []).map((dir) => `-I${path.join(root, dir)}`),
    ...(spec.flags ?? []),
    '-o',
    out,
    ...spec.sources.map((source) => path.join(skillDir, source)),
  ];
  try {
    await run('clang', args, { cwd: skillDir });
  } catch (error) {
    if (error.code === 'ENOENT') {
      throw new ClangMissingError(
        'clang is not installed. Install the C toolchain for WASI: apt-get install -y clang lld wasi-libc libclang-rt-14-dev-wasm32',
        { cause: error },
      );
    }
    throw error;
  }
}

/**
 * C sources to a component of a WIT world: clang makes a core module whose imports and exports
 * follow the canonical ABI (written by hand in the source), and jco's wasm-tools embeds the
 * world in it and makes the component. Used where no JavaScript toolchain can build the world.
 */
async function componentFromC(skillDir, outDir, spec) {
  const out = path.join(outDir, spec.out ?? 'skill.wasm');
  const core = `${out}.core`;
  await fs.mkdir(path.dirname(out), { recursive: true });
  await compileC(skillDir, outDir, {
    sources: spec.sources,
    out: path.relative(outDir, core),
    // A library of exports, not a program: no _start, nothing run before a call.
    flags: ['-nostartfiles', '-Wl,--no-entry'],
  });
  const wit = await prepareWit(spec.wit);
  // wasm-tools reads the WIT through preview2-shim's Node filesystem, which preopens nothing
  // unless told: give it the root so the absolute path resolves.
  const { _setPreopens } = await import('@bytecodealliance/preview2-shim/filesystem');
  _setPreopens({ '/': '/' });
  const { componentEmbed, componentNew } =
    await import('@bytecodealliance/jco-transpile/wasm-tools');
  const embedded = await componentEmbed({
    binary: await fs.readFile(core),
    witPath: wit,
    world: spec.world,
  });
  await fs.writeFile(out, await componentNew(embedded));
  await fs.rm(core);
}

/** WebAssembly text to a binary with jco's wasm-tools: modules shaped by hand, byte for byte. */
async function parseWat(skillDir, outDir, spec) {
  const { parse } = await import('@bytecodealliance/jco-transpile/wasm-tools');
  const out = path.join(outDir, spec.out);
  await fs.mkdir(path.dirname(out), { recursive: true });
  await fs.writeFile(out, await parse(await fs.readFile(path.join(skillDir, spec.source), 'utf8')));
}

async function buildSkill(skillDir, outDir, toolchain) {
  const buildFile = path.join(skillDir, 'build.json');
  const spec = (await exists(buildFile)) ? JSON.parse(await fs.readFile(buildFile, 'utf8')) : {};
  const witDirs = [spec.componentize?.wit, spec.component?.wit]
    .filter(Boolean)
    .map((name) => path.join(witRoot, name));
  const includeDirs = [...new Set((spec.clang ?? []).flatMap((c) => c.includes ?? []))].map((dir) =>
    path.join(root, dir),
  );
  const stamp = await hashInputs([skillDir, ...witDirs, ...includeDirs], toolchain);
  const stampFile = path.join(
    stampDir,
    `${path.relative(root, outDir).replaceAll(path.sep, '_')}.stamp`,
  );
  const upToDate =
    (await exists(outDir)) &&
    (await exists(stampFile)) &&
    (await fs.readFile(stampFile, 'utf8')) === stamp;
  if (upToDate) return false;

  await fs.rm(outDir, { recursive: true, force: true });
  await fs.mkdir(outDir, { recursive: true });
  for (const file of await listFiles(skillDir)) {
    if (file === 'build.json' || file.startsWith('src/')) continue;
    await fs.mkdir(path.dirname(path.join(outDir, file)), { recursive: true });
    await fs.copyFile(path.join(skillDir, file), path.join(outDir, file));
  }
  if (spec.componentize) await componentize(skillDir, outDir, spec.componentize);
  for (const c of spec.clang ?? []) await compileC(skillDir, outDir, c);
  for (const w of spec.wat ?? []) await parseWat(skillDir, outDir, w);
  if (spec.component) await componentFromC(skillDir, outDir, spec.component);
  await fs.mkdir(stampDir, { recursive: true });
  await fs.writeFile(stampFile, stamp);
  return true;
}

/** The components the WIT decoder is tested against (see componentFixtures.mjs). */
async function buildComponents(toolchain) {
  const started = performance.now();
  const outDir = path.join(root, 'e2e/.built/components');
  const cCommand = await fs.readFile(path.join(root, 'e2e/.built/c-command/skill.wasm'));
  const stamp = createHash('sha256')
    .update(toolchain)
    .update(await fs.readFile(path.join(root, 'examples/componentFixtures.mjs')))
    .update(cCommand)
    .digest('hex');
  const stampFile = path.join(stampDir, 'e2e_.built_components.stamp');
  const upToDate =
    (await exists(outDir)) &&
    (await exists(stampFile)) &&
    (await fs.readFile(stampFile, 'utf8')) === stamp;
  if (!upToDate) {
    await buildComponentFixtures({
      outDir,
      cCommand,
      jcoLib: path.join(jcoPackage, 'lib'),
      scratchDir: stampDir,
    });
    await fs.mkdir(stampDir, { recursive: true });
    await fs.writeFile(stampFile, stamp);
  }
  const ms = Math.round(performance.now() - started);
  console.log(`${upToDate ? 'up to date' : 'built'}: e2e/.built/components (${ms} ms)`);
}

async function clangVersion() {
  try {
    const { stdout } = await run('clang', ['--version']);
    return stdout.split('\n')[0];
  } catch {
    return 'no clang';
  }
}

async function main() {
  const jcoVersion = JSON.parse(
    await fs.readFile(path.join(jcoPackage, 'package.json'), 'utf8'),
  ).version;
  const toolchain = `jco ${jcoVersion}; ${await clangVersion()}`;
  for (const target of targets) {
    if (!(await exists(target.from))) continue;
    const names = (await fs.readdir(target.from, { withFileTypes: true }))
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort();
    const index = [];
    for (const name of names) {
      const started = performance.now();
      const outDir = path.join(target.to, name);
      let built;
      try {
        built = await buildSkill(path.join(target.from, name), outDir, toolchain);
      } catch (error) {
        // An example in C (the astrid capsule) is left out where clang is missing, so the app
        // still builds with Node alone; test fixtures need it.
        if (!(error instanceof ClangMissingError) || !target.index) throw error;
        await fs.rm(outDir, { recursive: true, force: true });
        console.warn(`skipped: ${path.relative(root, outDir)} (${error.message})`);
        continue;
      }
      const files = (await listFiles(outDir)).filter((f) => f !== 'index.json');
      // Folder URLs (?skill=.../name/) list their other files here: a static server cannot.
      await fs.writeFile(path.join(outDir, 'index.json'), JSON.stringify(files, null, 2));
      index.push({ id: name, files });
      const ms = Math.round(performance.now() - started);
      console.log(`${built ? 'built' : 'up to date'}: ${path.relative(root, outDir)} (${ms} ms)`);
    }
    if (target.index) {
      await fs.writeFile(
        path.join(target.to, 'index.json'),
        JSON.stringify({ version: 1, examples: index }, null, 2),
      );
    }
  }
  if (process.argv.includes('--fixtures')) {
    await buildComponents(toolchain);
    // Sites publishing an Agent Skills Discovery index, for e2e/wellKnown.spec.ts.
    const { makeWellKnown } = await import('../e2e/fixtures/make-well-known.mjs');
    await makeWellKnown(path.join(root, 'e2e/.built/well-known'));
    console.log('built: e2e/.built/well-known');
    // Repository shapes and archives for the discovery tests, some holding a fixture's wasm.
    const { makeRepos } = await import('../e2e/fixtures/make-repos.mjs');
    console.log(`written: ${path.relative(root, await makeRepos())}`);
  }
}

main().catch((error) => {
  console.error(`examples: build failed: ${error.stderr || error.message}`);
  process.exit(1);
});
