// Lint: typescript-eslint's recommended rules over the sources, tests, bench and scripts.
// Formatting is Prettier's job (`npm run format`), so no stylistic rules here.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Adapters (gas, cli, local, dialog) call the core's use cases through src/core/use-cases/index.ts,
// never a use case's own file and never the steps a use case is made of: a use case is the one
// place that decides which steps run in which order, so the add-on and the CLI cannot drift apart.
const USE_CASE_STEPS = [
  'readTabs',
  'validateTabs',
  'validateTab',
  'markTabs',
  'validateAgency',
  'consolidate',
  'examineFile',
  'resolveDuplicates',
  'tabWrite',
  'carryOver',
  'stampSent',
  'markPlan',
];
const adapterRules = (forbidden) => ({
  'no-restricted-imports': [
    'error',
    {
      patterns: [
        { group: forbidden, message: 'Data flows one way: this layer may not import that one.' },
        { group: ['**/core/use-cases/*'], message: 'Import use cases from core/use-cases (its index).' },
        {
          group: ['**/core/**', '!**/core/use-cases'],
          importNames: USE_CASE_STEPS,
          message: 'Adapters call use cases, not their steps.',
        },
      ],
    },
  ],
});

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
    rules: adapterRules(['**/local/**', '**/cli/**', 'node:*']),
  },
  {
    // The import dialog runs in the browser: the core and the .xlsx reader, never Node or Apps Script code.
    files: ['src/dialog/**/*.ts'],
    rules: adapterRules(['**/gas/**', '**/cli/**', 'node:*']),
  },
  {
    files: ['src/cli/**/*.ts'],
    rules: adapterRules(['**/gas/**', '**/dialog/**']),
  },
  {
    files: ['src/local/**/*.ts'],
    rules: adapterRules(['**/gas/**', '**/cli/**', '**/dialog/**']),
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
