import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

// Lint guards the module boundaries, so reviewers need not. Each wall is an import pattern and
// the parts of src/ it holds in; every file gets all the walls of its part in one rule setting,
// because a later setting of no-restricted-imports replaces an earlier one instead of adding to it.
const noReact = {
  group: ['react', 'react-dom', 'react/*', 'react-dom/*'],
  message: 'This module is pure: no React.',
};
const noZustand = { group: ['zustand', 'zustand/*'], message: 'Only src/store imports zustand.' };
const noUi = {
  group: ['**/ui/**', '**/app/**', '**/store', '**/store/**'],
  message: 'Pure modules do not reach into the UI or the store.',
};
const noIdb = {
  group: ['idb-keyval', 'idb-keyval/*'],
  message: 'Only src/storage talks to IndexedDB: use what src/storage exports.',
};
const workerMessage =
  'Main-thread code does not import the worker (it would pull jco into the first chunk); start it with new Worker(new URL(...)) and talk through protocol.ts.';
const noWorker = { regex: '(^|/)runtime/worker(/|$)', message: workerMessage };
// What src/runtime/worker/ is called from the rest of src/runtime.
const noWorkerBeside = { regex: '^\\./worker(/|$)', message: workerMessage };
const workerSharesProtocol = {
  group: ['../host', '../index', '../skillEngineClient'],
  message: 'The worker shares only protocol.ts with the host.',
};
const noRuntimeOrStorage = {
  group: ['**/runtime', '**/runtime/**', '**/storage', '**/storage/**'],
  message:
    'The pure core (bundle, forms, vfs, wit, share, packaging) imports neither the runtime nor storage.',
};
const noFormsOrWit = {
  group: ['**/forms', '**/forms/**', '**/wit', '**/wit/**'],
  message: 'src/bundle imports neither forms nor wit: the tool model they share lives apart.',
};

/** The parts of src/ with walls of their own; a file elsewhere in src/ gets the walls for all. */
const PARTS = [
  'app',
  'bundle',
  'forms',
  'packaging',
  'runtime',
  'runtime/worker',
  'share',
  'storage',
  'store',
  'test',
  'tools',
  'ui',
  'vfs',
  'wit',
];
const PURE = [
  'bundle',
  'forms',
  'packaging',
  'runtime',
  'runtime/worker',
  'share',
  'storage',
  'tools',
  'vfs',
  'wit',
];
const WALLS = [
  { pattern: noZustand, except: ['store'] },
  { pattern: noIdb, except: ['storage'] },
  { pattern: noWorker, except: ['runtime/worker'] },
  { pattern: noWorkerBeside, only: ['runtime'] },
  { pattern: noReact, only: PURE },
  { pattern: noUi, only: PURE },
  { pattern: workerSharesProtocol, only: ['runtime/worker'] },
  { pattern: noRuntimeOrStorage, only: ['bundle', 'forms', 'vfs', 'wit', 'share', 'packaging'] },
  { pattern: noFormsOrWit, only: ['bundle'] },
];
const wallsOf = (part) =>
  WALLS.filter(({ only, except }) => (only ? only.includes(part) : !except.includes(part))).map(
    ({ pattern }) => pattern,
  );
const restricted = (part) => ({
  'no-restricted-imports': ['error', { patterns: wallsOf(part) }],
});
const moduleWalls = [
  { files: ['src/**/*.{ts,tsx}'], rules: restricted(null) },
  ...PARTS.map((part) => ({
    files: [`src/${part}/**/*.{ts,tsx}`],
    ignores: PARTS.filter((other) => other.startsWith(`${part}/`)).map((p) => `src/${p}/**`),
    rules: restricted(part),
  })),
];

export default tseslint.config(
  {
    ignores: [
      'dist',
      'node_modules',
      'public/examples',
      'e2e/.built',
      'src/generated',
      'examples/wit',
      'test-results',
      'playwright-report',
      'bench/results',
      'bench/.built',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-console': 'error',
    },
  },
  ...moduleWalls,
  {
    files: [
      'examples/**/*.{js,mjs}',
      'e2e/fixtures/**/*.js',
      'bench/**/*.{js,mjs}',
      '.ci/**/*.mjs',
      'e2e/**/*.mjs',
      'scripts/**/*.mjs',
    ],
    languageOptions: {
      globals: {
        console: 'readonly',
        process: 'readonly',
        performance: 'readonly',
        URL: 'readonly',
      },
    },
    rules: { 'no-console': 'off' },
  },
  {
    // bench/run.mjs hands functions to page.evaluate: they run in the browser.
    files: ['bench/**/*.mjs'],
    languageOptions: {
      globals: {
        window: 'readonly',
        document: 'readonly',
        MutationObserver: 'readonly',
        PerformanceObserver: 'readonly',
        TextEncoder: 'readonly',
        fetch: 'readonly',
        setTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        crypto: 'readonly',
        DataTransfer: 'readonly',
        DragEvent: 'readonly',
        File: 'readonly',
        requestAnimationFrame: 'readonly',
      },
    },
  },
);
