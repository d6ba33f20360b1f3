import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

// Lint guards the module boundaries, so reviewers need not.
const noReact = {
  group: ['react', 'react-dom', 'react/*', 'react-dom/*'],
  message: 'This module is pure: no React.',
};
const noZustand = { group: ['zustand', 'zustand/*'], message: 'Only src/store imports zustand.' };
const noUi = {
  group: ['**/ui/**', '**/app/**', '**/store', '**/store/**'],
  message: 'Pure modules do not reach into the UI or the store.',
};

export default tseslint.config(
  {
    ignores: [
      'dist',
      'node_modules',
      'public/examples',
      'e2e/.built',
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
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/store/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noZustand] }] },
  },
  {
    files: [
      'src/bundle/**',
      'src/forms/**',
      'src/runtime/**',
      'src/storage/**',
      'src/vfs/**',
      'src/wit/**',
    ],
    rules: { 'no-restricted-imports': ['error', { patterns: [noReact, noZustand, noUi] }] },
  },
  {
    files: ['src/runtime/worker/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            noReact,
            noZustand,
            noUi,
            {
              group: ['../host', '../index', '../skillEngineClient'],
              message: 'The worker shares only protocol.ts with the host.',
            },
          ],
        },
      ],
    },
  },
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
        TextEncoder: 'readonly',
        fetch: 'readonly',
        setTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        crypto: 'readonly',
      },
    },
  },
);
