/// <reference types="vitest/config" />
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The worker transpiles with jco-transpile's bindgen (jco's `component` entry only wraps it), so
// its version, not jco's, is what decides the output.
const transpilerPackage = new URL(
  './node_modules/@bytecodealliance/jco-transpile/package.json',
  import.meta.url,
);
const transpilerVersion = (
  JSON.parse(readFileSync(transpilerPackage, 'utf8')) as { version: string }
).version;

export default defineConfig({
  plugins: [react()],
  // Part of the transpile cache key: a new transpiler never reuses an old transpile.
  define: { __JCO_VERSION__: JSON.stringify(`transpile-${transpilerVersion}`) },
  resolve: {
    alias: {
      // jco's package exports do not include lib/, where it ships the WASI preview1 adapters
      // (jco-transpile, which the rest comes from, does not ship them).
      'jco-lib': fileURLToPath(
        new URL('./node_modules/@bytecodealliance/jco/lib', import.meta.url),
      ),
    },
  },
  worker: { format: 'es' },
  // jco finds its own wasm with `new URL(..., import.meta.url)`; pre-bundling would move the
  // JavaScript away from those files.
  optimizeDeps: {
    exclude: ['@bytecodealliance/jco', '@bytecodealliance/jco-transpile'],
    // Pre-bundled together, so the worker's shim and its in-memory filesystem share one module.
    include: [
      '@bytecodealliance/preview2-shim/instantiation',
      '@bytecodealliance/preview2-shim/in-memory-filesystem',
      // Its streams and pollables serve wasi:http: they must be the classes the shim uses.
      '@bytecodealliance/preview2-shim/io',
    ],
  },
  build: {
    target: 'es2022',
    // The benchmark's baseline page is built beside the app (see bench/run.mjs).
    chunkSizeWarningLimit: 4096,
    rollupOptions: {
      // The benchmark's baseline page is built beside the app (see bench/run.mjs).
      input: {
        main: fileURLToPath(new URL('./index.html', import.meta.url)),
        baseline: fileURLToPath(new URL('./bench/baseline.html', import.meta.url)),
      },
      onwarn(warning, warn) {
        // jco's generated bindings start with a "use components" directive that bundlers drop.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    environment: 'node',
  },
});
