const js = require('@eslint/js');
const tseslint = require('typescript-eslint');
const reactHooks = require('eslint-plugin-react-hooks');
const officeAddins = require('eslint-plugin-office-addins').default ?? require('eslint-plugin-office-addins');
const globals = require('globals');

// The pane and the command line: core values only through src/app; adapters only in their composition roots.
const CORE_VALUES = { group: ['**/core/**', '**/core'], allowTypeImports: true, message: 'The pane and the command line call src/app use-cases; core values reach them through src/app (types are fine).' };
const ADAPTERS = { group: ['**/adapters/**', '**/adapters', 'exceljs'], message: 'The pane and the command line call src/app use-cases; only their entry files (src/taskpane/index.tsx, the worker, src/cli/main.ts) pick adapters.' };

// src/core is the pure domain: no Office, React, exceljs or Node I/O.
const CORE_FORBIDDEN = [
  { name: 'react', message: 'src/core is pure: no React.' },
  { name: 'react-dom', message: 'src/core is pure: no React.' },
  { name: 'exceljs', message: 'src/core is pure: workbooks go through the port (src/port).' },
  { name: 'fs', message: 'src/core is pure: no I/O.' },
  { name: 'path', message: 'src/core is pure: no I/O.' },
  { name: 'child_process', message: 'src/core is pure: no I/O.' },
  { name: 'http', message: 'src/core is pure: no I/O.' },
  { name: 'https', message: 'src/core is pure: no I/O.' },
];

module.exports = tseslint.config(
  { ignores: ['dist/**', 'build/**', 'node_modules/**', 'coverage/**', 'out/**', 'test/e2e/screenshots/**', 'test/stubs/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser, ...globals.node, Office: 'readonly', Excel: 'readonly', OfficeExtension: 'readonly' } },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      'no-eval': 'error',
      'no-new-func': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Office.js discipline where Office.js is used (the rules read exceljs cells as Office proxies elsewhere)
    files: ['src/adapters/office.ts', 'src/taskpane/**/*.{ts,tsx}', 'src/commands/**/*.ts', 'bench/**/*.ts'],
    plugins: { 'office-addins': officeAddins },
    rules: {
      'office-addins/call-sync-after-load': 'error',
      'office-addins/call-sync-before-read': 'error',
      'office-addins/load-object-before-read': 'error',
      'office-addins/no-context-sync-in-loop': 'error',
      'office-addins/no-empty-load': 'error',
      'office-addins/no-navigational-load': 'warn',
      'office-addins/no-office-initialize': 'error',
      'office-addins/test-for-null-using-isNullObject': 'error',
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: CORE_FORBIDDEN, patterns: [{ group: ['node:*', '@fluentui/*', '@microsoft/office-js', '**/adapters/**', '**/taskpane/**', '**/cli/**', '**/app/**'], message: 'src/core is pure: no Office, React, exceljs or I/O.' }] }],
      'no-restricted-globals': ['error', { name: 'Excel', message: 'src/core is pure: no Office.' }, { name: 'Office', message: 'src/core is pure: no Office.' }, { name: 'fetch', message: 'No network.' }, { name: 'XMLHttpRequest', message: 'No network.' }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/adapters/office.ts'],
    rules: {
      'no-restricted-syntax': ['error', { selector: "CallExpression[callee.object.name='Excel'][callee.property.name='run']", message: 'Only the Office adapter (src/adapters/office.ts) calls Excel.run.' }],
    },
  },
  {
    // the pane and the command line call use-cases (src/app) only: core values reach them through src/app
    // (core types are fine); their composition roots (index.tsx, the worker's entry, the CLI's main and
    // codec) pick the adapters
    files: ['src/taskpane/**/*.{ts,tsx}', 'src/cli/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: [CORE_VALUES, ADAPTERS] }],
      'no-restricted-syntax': [
        'error',
        { selector: "ImportExpression[source.value=/adapters/]", message: ADAPTERS.message },
        { selector: "CallExpression[callee.object.name='Excel'][callee.property.name='run']", message: 'Only the Office adapter (src/adapters/office.ts) calls Excel.run.' },
      ],
    },
  },
  {
    files: ['src/taskpane/index.tsx', 'src/taskpane/worker/worker.ts', 'src/cli/main.ts', 'src/cli/codec.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: [CORE_VALUES] }],
      'no-restricted-syntax': ['error', { selector: "CallExpression[callee.object.name='Excel'][callee.property.name='run']", message: 'Only the Office adapter (src/adapters/office.ts) calls Excel.run.' }],
    },
  },
  {
    files: ['**/*.js'],
    languageOptions: { globals: { ...globals.node }, sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // the e2e runner passes callbacks to page.evaluate that run in the browser
    files: ['test/e2e/**/*.js'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
  },
);
