/// <reference types="vitest/config" />
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

// The worker transpiles with jco-transpile's bindgen (jco's `component` entry only wraps it), so
// its version, not jco's, is what decides the output.
const transpilerPackage = new URL(
  './node_modules/@bytecodealliance/jco-transpile/package.json',
  import.meta.url,
);
const transpilerVersion = (
  JSON.parse(readFileSync(transpilerPackage, 'utf8')) as { version: string }
).version;

// The app's Content-Security-Policy (docs/security.md, "Bundle content in the page"). It goes into
// the built index.html as a <meta>, so every static host serves it; the dev server goes without,
// because Vite's dev client and React's refresh preamble are inline scripts.
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  // blob:: the worker imports jco's transpiled JavaScript from blob: URLs it makes itself.
  // No 'unsafe-eval': nothing compiles code at run time (the manifests' Ajv validators are
  // generated ahead of time, tool schemas are interpreted; src/csp.test.ts).
  "script-src 'self' blob: 'wasm-unsafe-eval'",
  "worker-src 'self'",
  // Skills load from any https URL and from this origin; http only from this machine.
  "connect-src 'self' https: http://localhost:* http://127.0.0.1:*",
  // The bundle's own images are blob: URLs, an SVG is drawn from a data: URL, and remote images
  // load over https after consent.
  "img-src 'self' blob: data: https:",
  // Monaco adds <style> elements of its own.
  "style-src 'self' 'unsafe-inline'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** Only a header can carry these; vite preview sends them, and hosts are told to (docs/security.md). */
const SECURITY_HEADERS = {
  'Content-Security-Policy': `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`,
  'X-Content-Type-Options': 'nosniff',
};

/** Puts the policy into the built index.html, right after the charset and before any script. */
function contentSecurityPolicyMeta(): Plugin {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`;
  const charset = /<meta charset="UTF-8" \/>/;
  return {
    name: 'playground:content-security-policy',
    apply: 'build',
    transformIndexHtml(html, context) {
      // The benchmark's baseline page measures bare jco and keeps no policy of its own.
      if (!context.filename.endsWith('index.html')) return html;
      if (!charset.test(html)) throw new Error('index.html lost the charset the policy follows.');
      return html.replace(charset, (tag) => `${tag}\n    ${meta}`);
    },
  };
}

export default defineConfig({
  plugins: [react(), contentSecurityPolicyMeta()],
  preview: { headers: SECURITY_HEADERS },
  // Part of the transpile cache key: a new transpiler never reuses an old transpile.
  define: { __JCO_VERSION__: JSON.stringify(`transpile-${transpilerVersion}`) },
  resolve: {
    alias: {
      // The Markdown parser runs in a worker (src/ui/markdown/). This package's browser build
      // decodes entities with `document`, which a worker lacks; its other build carries a table.
      'decode-named-character-reference': createRequire(import.meta.url).resolve(
        'decode-named-character-reference',
      ),
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
    // Correctness, not speed, is what a unit test checks; CI machines are shared and slow at times.
    testTimeout: 30_000,
  },
});
