import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The page's Content-Security-Policy has no 'unsafe-eval' (vite.config.ts): code that compiles
// code at run time would fail in the built app, and only there. Ajv compiles every schema it is
// given with Function(), so the app's own modules may use it for types alone: the manifests'
// validators are generated ahead of time (scripts/validators.mjs) and tool schemas are
// interpreted (forms/inputCheck.ts). Tests run in Node, without the policy, and may compile.

const SRC = import.meta.dirname;

function appModules(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === 'generated' ? [] : appModules(full);
    return /\.tsx?$/.test(name) && !/\.(test|d)\.tsx?$/.test(name) ? [full] : [];
  });
}

describe('nothing in the app compiles code at run time', () => {
  const modules = appModules(SRC).map((file) => ({
    file: path.relative(SRC, file),
    text: readFileSync(file, 'utf8'),
  }));

  it('finds the modules it checks', () => {
    expect(modules.length).toBeGreaterThan(50);
  });

  it('imports ajv for its types only', () => {
    const runtime = modules.filter(({ text }) =>
      /^import (?!type )[^;]*from 'ajv(\/[^']*)?';/m.test(text),
    );
    expect(runtime.map(({ file }) => file)).toEqual([]);
  });

  it('calls neither eval nor Function()', () => {
    const code = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
    const compiling = modules.filter(({ text }) =>
      /(^|[^.\w])Function\(|\beval\(/m.test(code(text)),
    );
    expect(compiling.map(({ file }) => file)).toEqual([]);
  });
});
