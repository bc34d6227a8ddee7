// ESLint (flat config): typescript-eslint's recommended rules and React's hooks rules, no warnings allowed (npm test).
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report', 'bench/*.json'] },
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser, ...globals.worker } },
    // The two rules of hooks. The React Compiler's rules (refs, immutability, purity) are not on:
    // react-three-fiber code mutates three.js objects and reads refs in render by design.
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    // The page never loads TensorFlow.js: tfjs is imported only where training runs (train/,
    // worker/, and the losses' tfjs halves, handed the ops by the worker), and in tests.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/train/**', 'src/worker/**', 'src/losses/**', 'src/**/*.test.ts', 'src/**/test/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@tensorflow/*'],
              message: 'The page never loads TensorFlow.js: tfjs belongs in src/train/, src/worker/ or src/losses/ (run on the worker).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['public/**/*.js'],
    languageOptions: { sourceType: 'script', globals: { ...globals.browser } },
  },
  {
    files: ['e2e/**/*.{ts,mts,mjs,js}', 'vite.config.ts', 'eslint.config.js', 'src/**/*.test.ts', 'src/losses/test/**', 'src/build/**'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
);
