import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'data/**',
      'node_modules/**',
      'web/src/api/schema.d.ts',
      'coverage/**',
      'e2e/screenshots/**',
    ],
  },
  js.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    extends: [...tseslint.configs.strictTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unnecessary-condition': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-exports': [
        'error',
        {
          restrictDefaultExports: {
            direct: true,
            named: true,
            defaultFrom: true,
            namedFrom: true,
            namespaceFrom: true,
          },
        },
      ],
    },
  },
  {
    // The extraction engine is a library of its own: it may not reach into the rest of the app.
    files: ['src/extract/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['../*', '!../extract', '!../extract/*'],
              message: 'src/extract is a standalone library: import nothing else of src/.',
            },
          ],
        },
      ],
    },
  },
  {
    // Routes see services, never the database: presenters take the row types their service re-exports.
    files: ['src/http/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [{ regex: '(^|/)db/', message: 'src/http may not import src/db: go through a service.' }],
        },
      ],
    },
  },
  {
    // A service is one resource's use cases: what two services share belongs in a repository or in domain/.
    files: ['src/services/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '-service\\.js$', message: 'A service never imports a sibling service.' }] },
      ],
    },
  },
  {
    // Domain rules are pure: no database, HTTP or file system.
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['../db/*', '../http/*', '../services/*', 'node:fs', 'node:fs/*', 'kysely', 'fastify'],
              message: 'src/domain is pure: no I/O.',
            },
          ],
        },
      ],
    },
  },
  {
    // Repositories own all SQL: a query anywhere else would escape their tests on both dialects.
    files: ['src/**/*.ts'],
    ignores: ['src/db/**', '**/*.test.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            'CallExpression[callee.property.name=/^(selectFrom|insertInto|updateTable|deleteFrom|replaceInto|mergeInto)$/]',
          message: 'SQL belongs in src/db/repositories.',
        },
        {
          selector: 'TaggedTemplateExpression[tag.name="sql"]',
          message: 'SQL belongs in src/db/repositories.',
        },
      ],
    },
  },
  {
    files: ['web/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: globals.browser },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  // A web feature stands alone: what two features need lives in web/src/app/ or web/src/ui/.
  ...[0, 1, 2].map((depth) => ({
    // A file `depth` folders below its feature's root reaches web/src/features/ by going up depth + 1 levels.
    files: [`web/src/features/*/${'*/'.repeat(depth)}*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: `^(\\.\\./){${depth + 1}}(?!\\.\\./)|^(\\.\\./)+features/`,
              message:
                'A web feature may not import another feature: move what both need to web/src/app/ (session, region, links) or web/src/ui/ (presentational pieces).',
            },
          ],
        },
      ],
    },
  })),
  {
    // The shared layers sit below the features and the app that composes them.
    files: ['web/src/{api,domain,i18n,lib,ui}/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(\\.\\./)+(features|app)/',
              message: 'web/src/{api,domain,i18n,lib,ui} may not import features or app/.',
            },
          ],
        },
      ],
    },
  },
  {
    // One home per resource: only a feature's <resource>-api.ts calls the typed client, so every request a
    // screen makes can be found in one file. (The typescript-eslint copy of the rule is used so that these
    // options do not replace the feature-boundary options above: ESLint keeps one option set per rule.)
    files: ['web/**/*.{ts,tsx}'],
    ignores: ['web/src/features/*/*-api.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^|/)api/client$',
              message: "Call the API from the feature's <resource>-api.ts, not from components or hooks.",
            },
          ],
        },
      ],
    },
  },
  {
    // Tests read JSON responses (typed `any` by light-my-request) and assert on them; the assertion is the check.
    files: ['test/**/*.ts', 'e2e/**/*.ts', '**/*.test.ts', '**/*.test.tsx'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    files: ['web/vite.config.ts', 'vitest.config.ts', 'eslint.config.js'],
    rules: { 'no-restricted-exports': 'off' },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: globals.node },
  },
);
