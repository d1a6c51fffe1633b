// Lint: typescript-eslint's recommended rules over the sources, tests, bench and scripts.
// Formatting is Prettier's job (`npm run format`), so no stylistic rules here.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'build/', 'dist/', 'demo-output/', 'bench-output/', 'coverage/', '.ci/node/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'smart'],
      'no-restricted-syntax': [
        'error',
        {
          selector: "ImportDeclaration[source.value='zod']",
          message: "Import zod as `import * as z from 'zod/mini'`.",
        },
      ],
    },
  },
  {
    // Data flows one way: the core imports no adapter, and neither adapter imports the other.
    files: ['src/core/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['**/gas/**', '**/local/**', '**/cli/**', 'node:*'] }] },
  },
  {
    files: ['src/gas/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['**/local/**', '**/cli/**', 'node:*'] }] },
  },
  {
    // The import dialog runs in the browser: the core and the .xlsx reader, never Node or Apps Script code.
    files: ['src/dialog/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['**/gas/**', '**/cli/**', 'node:*'] }] },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: {
      globals: {
        console: 'readonly',
        process: 'readonly',
        Buffer: 'readonly',
        module: 'writable',
        require: 'readonly',
        __dirname: 'readonly',
      },
    },
  },
);
