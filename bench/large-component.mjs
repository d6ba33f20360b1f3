#!/usr/bin/env node
// Builds the benchmark's large component into bench/.built/large-skill.wasm: the data-tools
// example plus a few megabytes of generated words in its script, which componentize-qjs keeps in
// the component's memory image. It stands in for skills that bundle a library or a dataset.
// Skipped when its inputs are unchanged.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'bench/.built');
const WORDS = 200_000;

const base = await fs.readFile(path.join(root, 'examples/skills/data-tools/src/skill.js'), 'utf8');
const stamp = createHash('sha256').update(base).update(String(WORDS)).digest('hex');
const stampFile = path.join(outDir, 'large-skill.stamp');
const current = await fs.readFile(stampFile, 'utf8').catch(() => '');
if (current === stamp) {
  console.log('up to date: bench/.built/large-skill.wasm');
  process.exit(0);
}

// A fixed pseudo-random sequence, so every build is the same component.
let seed = 1;
const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const syllables = ['ka', 'lo', 'mi', 'ra', 'ten', 'sho', 'vi', 'del', 'ar', 'on', 'us', 'bri'];
const words = Array.from({ length: WORDS }, () =>
  Array.from(
    { length: 2 + Math.floor(next() * 3) },
    () => syllables[Math.floor(next() * syllables.length)],
  ).join(''),
);
await fs.mkdir(outDir, { recursive: true });
await fs.writeFile(
  path.join(outDir, 'large-skill.js'),
  `${base}\n// ${WORDS} generated words: the bulk of a large component.\nglobalThis.WORDS = ${JSON.stringify(words.join(' '))};\n`,
);
const started = Date.now();
await promisify(execFile)(
  process.execPath,
  [
    path.join(root, 'node_modules/@bytecodealliance/jco/dist/jco.js'),
    'componentize',
    '--backend',
    'qjs',
    'large-skill.js',
    '--wit',
    path.join(root, 'examples/wit/skill-engine'),
    '--world-name',
    'skill',
    '--backend-qjs-disable-async',
    '--out',
    'large-skill.wasm',
  ],
  // componentize-qjs resolves the script against its working directory.
  { cwd: outDir },
);
await fs.writeFile(stampFile, stamp);
const { size } = await fs.stat(path.join(outDir, 'large-skill.wasm'));
console.log(
  `built: bench/.built/large-skill.wasm (${(size / 2 ** 20).toFixed(1)} MiB, ${Date.now() - started} ms)`,
);
