import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// No module of src/ reaches itself through its relative imports. In a cycle one of the modules is
// evaluated before the other has defined its exports, which shows as `undefined` at start-up or
// only in some import orders (a test importing the other module first).
//
// The edges are the imports that stay in the built JavaScript: `import type` and `export type`
// declarations are erased, so they cannot cause that and are left out. Dynamic `import()` is left
// out too: it runs after both modules have been evaluated, and it is how the app splits chunks.

type Graph = Map<string, string[]>;

const SRC = import.meta.dirname;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [full] : [];
  });
}

/** The file a relative specifier names, as Vite resolves it (a query such as ?url dropped). */
function resolveRelative(from: string, specifier: string): string | null {
  const base = path.resolve(path.dirname(from), specifier.replace(/\?.*$/, ''));
  const candidates = [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`];
  return candidates.find((file) => existsSync(file) && statSync(file).isFile()) ?? null;
}

/** The relative specifiers of a module's imports and re-exports that are kept at run time. */
function runtimeImports(text: string): string[] {
  const source = ts.createSourceFile('module.ts', text, ts.ScriptTarget.Latest);
  const out: string[] = [];
  for (const statement of source.statements) {
    let specifier: ts.Expression | undefined;
    if (ts.isImportDeclaration(statement) && !statement.importClause?.isTypeOnly) {
      specifier = statement.moduleSpecifier;
    } else if (ts.isExportDeclaration(statement) && !statement.isTypeOnly) {
      specifier = statement.moduleSpecifier;
    }
    if (specifier && ts.isStringLiteral(specifier) && specifier.text.startsWith('.')) {
      out.push(specifier.text);
    }
  }
  return out;
}

function importGraph(dir: string): Graph {
  const files = sourceFiles(dir);
  const known = new Set(files);
  return new Map(
    files.map((file) => [
      file,
      runtimeImports(readFileSync(file, 'utf8'))
        .map((specifier) => resolveRelative(file, specifier))
        .filter((target): target is string => target !== null && known.has(target)),
    ]),
  );
}

/**
 * Every cycle of the graph, one per strongly connected component (Tarjan), each written as a path
 * from its first file (in name order) back to it, so a failure reads `a -> b -> a`.
 */
function findCycles(graph: Graph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (node: string) => {
    index.set(node, index.size);
    low.set(node, index.get(node)!);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, index.get(next)!));
      }
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      const selfLoop = (graph.get(node) ?? []).includes(node);
      if (component.length > 1 || selfLoop) components.push(component);
    }
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);
  return components.map((component) => cycleThrough(graph, new Set(component))).sort();
}

/** A shortest path from the component's first file back to itself, inside the component. */
function cycleThrough(graph: Graph, component: Set<string>): string[] {
  const start = [...component].sort()[0]!;
  const cameFrom = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift()!;
    for (const next of graph.get(node) ?? []) {
      if (!component.has(next)) continue;
      if (next === start) {
        const between: string[] = [];
        for (let at = node; at !== start; at = cameFrom.get(at)!) between.unshift(at);
        return [start, ...between, start];
      }
      if (!cameFrom.has(next)) {
        cameFrom.set(next, node);
        queue.push(next);
      }
    }
  }
  return [start, start];
}

describe('import cycles', () => {
  it('finds a ring of modules, and nothing in a graph without one', () => {
    const ring: Graph = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a', 'd']],
      ['d', []],
    ]);
    expect(findCycles(ring)).toEqual([['a', 'b', 'c', 'a']]);
    const tree: Graph = new Map([
      ['a', ['b', 'c']],
      ['b', ['c']],
      ['c', []],
    ]);
    expect(findCycles(tree)).toEqual([]);
  });

  it('reads the relative imports kept at run time, and leaves out type-only and dynamic ones', () => {
    const text = [
      "import { a } from './a';",
      "import type { B } from './b';",
      "import { type C } from './c';",
      "import './d.css';",
      "import adapter from './e.wasm?url';",
      "export { f } from '../f';",
      "export type { G } from './g';",
      "export * from './h';",
      "import { parse } from 'yaml';",
      "const lazy = () => import('./i');",
    ].join('\n');
    // `import { type C }` stays as `import {} from './c'` under verbatimModuleSyntax.
    expect(runtimeImports(text)).toEqual(['./a', './c', './d.css', './e.wasm?url', '../f', './h']);
  });

  // Both walks parse every file of src/ with TypeScript: seconds on a busy machine.
  it('walks all of src/ and resolves its imports to files', { timeout: 30_000 }, () => {
    const graph = importGraph(SRC);
    expect(graph.size).toBeGreaterThan(50);
    expect(graph.get(path.join(SRC, 'main.tsx'))).toContain(path.join(SRC, 'app/App.tsx'));
    expect(graph.get(path.join(SRC, 'store/fileEdits.ts'))).toContain(
      path.join(SRC, 'bundle/index.ts'),
    );
  });

  it('no module of src/ imports itself through other modules', { timeout: 30_000 }, () => {
    const cycles = findCycles(importGraph(SRC)).map((cycle) =>
      cycle.map((file) => path.relative(SRC, file)).join(' -> '),
    );
    expect(cycles).toEqual([]);
  });
});
