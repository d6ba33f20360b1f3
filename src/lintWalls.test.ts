import path from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

// The module walls in eslint.config.js, each tried on a probe file that breaks it and on one that
// keeps to it, so that a wall cannot silently stop holding (a glob that no longer matches, a later
// config block that replaces the rule setting).

const root = path.resolve(import.meta.dirname, '..');
let eslint: ESLint;

beforeAll(async () => {
  eslint = new ESLint({ cwd: root });
  // The first lint loads the config and the TypeScript parser.
  await eslint.lintText('export {};\n', { filePath: path.join(root, 'src/warmUp.ts') });
}, 60_000);

/** The import-wall messages ESLint gives for `code` as if it were the file at `file` (from the root). */
async function walls(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  const messages = result!.messages;
  const fatal = messages.find((m) => m.fatal);
  if (fatal) throw new Error(`The probe does not parse: ${fatal.message}`);
  return messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('main-thread code does not import the worker', () => {
  it('refuses a UI file importing from runtime/worker', async () => {
    const found = await walls(
      'src/ui/panels/Probe.tsx',
      "import { executeRun } from '../../runtime/worker/executeRun';\nexport const x = executeRun;\n",
    );
    expect(found).toEqual([expect.stringContaining('does not import the worker')]);
  });

  it('refuses the runtime host importing its worker beside it, even for types', async () => {
    const found = await walls(
      'src/runtime/probe.ts',
      "import type { TranspileOptions } from './worker/transpile';\nexport type X = TranspileOptions;\n",
    );
    expect(found).toEqual([expect.stringContaining('does not import the worker')]);
  });

  it('refuses a top-level file importing the worker entry for its side effects', async () => {
    const found = await walls('src/probe.ts', "import './runtime/worker/runtime.worker';\n");
    expect(found).toEqual([expect.stringContaining('does not import the worker')]);
  });

  it('allows starting the worker with new Worker(new URL(...)), which is not an import', async () => {
    const found = await walls(
      'src/runtime/createProbeWorker.ts',
      [
        "import type { WorkerCommand } from './protocol';",
        'export const start = (): Worker =>',
        "  new Worker(new URL('./worker/runtime.worker.ts', import.meta.url), { type: 'module' });",
        'export type E = WorkerCommand;',
        '',
      ].join('\n'),
    );
    expect(found).toEqual([]);
  });

  it('allows the worker to import its own modules and the protocol', async () => {
    const found = await walls(
      'src/runtime/worker/probe.ts',
      "export { transpileComponent } from './transpile';\nexport type { WorkerCommand } from '../protocol';\n",
    );
    expect(found).toEqual([]);
  });

  it('keeps the worker from importing the host', async () => {
    const found = await walls(
      'src/runtime/worker/probe.ts',
      "export { RuntimeHost } from '../host';\n",
    );
    expect(found).toEqual([expect.stringContaining('shares only protocol.ts')]);
  });
});

describe('only src/storage imports idb-keyval', () => {
  it.each(['src/store/probe.ts', 'src/ui/panels/Probe.tsx', 'src/runtime/probe.ts'])(
    'refuses it in %s',
    async (file) => {
      const found = await walls(file, "export { get, set } from 'idb-keyval';\n");
      expect(found).toEqual([expect.stringContaining('Only src/storage talks to IndexedDB')]);
    },
  );

  it('allows it in src/storage', async () => {
    expect(await walls('src/storage/probe.ts', "export { get, set } from 'idb-keyval';\n")).toEqual(
      [],
    );
  });
});

describe('the pure core imports neither the runtime nor storage', () => {
  const cases = ['bundle', 'forms', 'vfs', 'wit', 'share', 'packaging'].flatMap((part) =>
    ['../runtime', '../runtime/protocol', '../storage', '../storage/keys'].map(
      (target) => [part, target] as const,
    ),
  );
  it.each(cases)('refuses src/%s importing %s', async (part, target) => {
    const found = await walls(`src/${part}/probe.ts`, `export type { X } from '${target}';\n`);
    expect(found).toEqual([expect.stringContaining('neither the runtime nor storage')]);
  });

  it('allows a pure module its own files and packages', async () => {
    const found = await walls(
      'src/vfs/probe.ts',
      "export { parse } from 'yaml';\nexport type { X } from './types';\n",
    );
    expect(found).toEqual([]);
  });
});

describe('src/bundle imports neither forms nor wit', () => {
  it.each(['../forms', '../forms/jsonSchema', '../wit', '../wit/decodeComponent'])(
    'refuses src/bundle importing %s',
    async (target) => {
      const found = await walls('src/bundle/probe.ts', `export type { X } from '${target}';\n`);
      expect(found).toEqual([expect.stringContaining('src/bundle imports neither forms nor wit')]);
    },
  );

  it('still lets src/forms read WIT types', async () => {
    expect(await walls('src/forms/probe.ts', "export type { WitType } from '../wit';\n")).toEqual(
      [],
    );
  });
});

describe('the walls that were there before still hold beside the new ones', () => {
  it('keeps React out of the pure core, along with its other walls', async () => {
    const found = await walls(
      'src/bundle/probe.ts',
      "export { useState } from 'react';\nexport type { X } from '../runtime';\n",
    );
    expect(found).toEqual([
      expect.stringContaining('no React'),
      expect.stringContaining('neither the runtime nor storage'),
    ]);
  });

  it('keeps zustand in src/store', async () => {
    expect(await walls('src/ui/Probe.tsx', "export { create } from 'zustand';\n")).toEqual([
      expect.stringContaining('Only src/store imports zustand'),
    ]);
    expect(await walls('src/store/probe.ts', "export { create } from 'zustand';\n")).toEqual([]);
  });
});

describe('links and packages are pure', () => {
  it.each(['share', 'packaging'])('refuses src/%s importing React or the store', async (part) => {
    const found = await walls(
      `src/${part}/probe.ts`,
      "import { useState } from 'react';\nimport { usePlayground } from '../store';\nexport const x = [useState, usePlayground];\n",
    );
    expect(found).toEqual([
      expect.stringContaining('no React'),
      expect.stringContaining('do not reach into the UI or the store'),
    ]);
  });
});

describe('the tool model is pure', () => {
  it('refuses src/tools importing React or the store', async () => {
    const found = await walls(
      'src/tools/probe.ts',
      "import { useState } from 'react';\nimport { usePlayground } from '../store';\nexport const x = [useState, usePlayground];\n",
    );
    expect(found).toHaveLength(2);
  });
});
