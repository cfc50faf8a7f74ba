const js = require('@eslint/js');
const tseslint = require('typescript-eslint');
const reactHooks = require('eslint-plugin-react-hooks');
const officeAddins = require('eslint-plugin-office-addins').default ?? require('eslint-plugin-office-addins');
const globals = require('globals');

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
    // the pane calls use-cases (src/app) only; its composition roots (index.tsx, and the worker's entry) pick the adapters
    files: ['src/taskpane/**/*.{ts,tsx}'],
    ignores: ['src/taskpane/index.tsx', 'src/taskpane/worker/worker.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/adapters/**', '**/adapters', 'exceljs'], message: 'The pane calls src/app use-cases; only src/taskpane/index.tsx picks adapters.' }] }],
      'no-restricted-syntax': [
        'error',
        { selector: "ImportExpression[source.value=/adapters/]", message: 'The pane calls src/app use-cases; only src/taskpane/index.tsx picks adapters.' },
        { selector: "CallExpression[callee.object.name='Excel'][callee.property.name='run']", message: 'Only the Office adapter (src/adapters/office.ts) calls Excel.run.' },
      ],
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
