import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// The orchestrator core must stay framework- and driver-free (ARCHITECTURE.md rule 1).
const forbiddenInCore = [
  'next',
  'next/*',
  'react',
  'react-dom',
  'react/*',
  '@trpc/*',
  'drizzle-orm',
  'drizzle-orm/*',
  'pg',
  'ioredis',
  '@electric-sql/pglite',
  '@electric-sql/pglite/*',
  'pino',
  'prom-client',
];

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      '.next/**',
      '.flightdeck/**',
      'db/migrations/**',
      'test-results/**',
      'playwright-report/**',
      'next-env.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    files: ['server/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: forbiddenInCore,
              message:
                'server/core is plain TypeScript: use a port (server/core/ports.ts) and put the driver in server/adapters.',
            },
          ],
        },
      ],
      'no-console': 'error',
    },
  },
  {
    // Time in the core comes from the Clock port, so tests drive it and replicas agree on it.
    files: ['server/core/**/*.ts'],
    ignores: ['server/core/**/*.test.ts', 'server/core/testing/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='Date'][property.name='now']",
          message: 'No wall-clock reads in server/core: take the time from the Clock port (clock.now()).',
        },
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'No wall-clock reads in server/core: new Date(clock.now()) instead of new Date().',
        },
      ],
    },
  },
  {
    files: ['cli/**/*.mjs', 'e2e/**/*.mjs', '*.js', '*.mjs'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
      },
    },
  },
);
