// ESLint flat config (npm run lint, and the `lint` step of npm run check): the recommended rules of
// ESLint, typescript-eslint and eslint-plugin-astro, plus the type-aware promise rules, since an
// unawaited promise is an unhandled rejection in the browser and a lost error in the runner.
// Formatting is Prettier's (npm run format); nothing here is about layout.
import comments from '@eslint-community/eslint-plugin-eslint-comments/configs';
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/',
      '.astro/',
      '.cache/',
      'node_modules/',
      'test-results/',
      'playwright-report/',
      // Deliberately broken lessons and their files: data for the checks' tests, not code.
      'tests/broken-lessons/',
      // Compose files and shown files that lessons display: data, not code.
      'content/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...astro.configs.recommended,
  comments.recommended,
  {
    // A rule switched off in the code says why, after `--` in the directive.
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: { '@eslint-community/eslint-comments/require-description': 'error' },
  },
  {
    // Node tools, tests and config files: Node's globals.
    files: ['**/*.{js,mjs,ts}'],
    languageOptions: { globals: globals.node },
  },
  {
    // Browser code (the copy button and friends) and the pages that ship it.
    files: ['src/client/**/*.ts', '**/*.astro'],
    languageOptions: { globals: globals.browser },
  },
  {
    // Type-aware rules for TypeScript files: a promise nobody awaits or catches.
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  {
    rules: {
      // `_name` marks a parameter or binding that is there for its position, not its value.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
    },
  },
);
