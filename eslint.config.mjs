// Lint rules follow the project's code-style anchors: no floating promises, type-only imports,
// strict equality, and layering enforced with no-restricted-imports (the domain core does no I/O).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const ioModules = [
  'node:fs',
  'node:fs/promises',
  'fs',
  'node:http',
  'node:net',
  'node:child_process',
  'better-sqlite3',
  'kysely',
  'fastify',
  'unpdf',
  'mammoth',
];

// Outside src/storage, the database is reached through the AtlasStore only: its interface
// (storage/atlas-store.ts, which re-exports the read model's types), the opening functions
// (storage/database.ts) and the interfaces of its parts (storage/analyses|jobs|iati|people|transfer
// *-store/job-queue/export types). The engines, the SQL and the schema stay inside.
const storageInternals = {
  group: [
    '**/storage/queries/**',
    '**/storage/sqlite/**',
    '**/storage/postgres/**',
    '**/storage/search/**',
    '**/storage/store/**',
    '**/storage/migrations/**',
    '**/storage/schema.ts',
    '**/storage/kysely-store.ts',
    '**/storage/records.ts',
    '**/storage/instrument-records.ts',
    '**/storage/engine.ts',
    '**/storage/atlas-queries.ts',
  ],
  message: 'Storage internals: go through the AtlasStore (storage/atlas-store.ts, storage/database.ts).',
};
const databaseDrivers = ['kysely', 'better-sqlite3', 'pg'].map((name) => ({
  name,
  message: 'Only src/storage talks to a database: use the AtlasStore.',
}));
/** The restriction for one adapter layer, plus the layers it must not import. */
const adapterLayer = (files, forbiddenLayers = []) => ({
  files,
  rules: {
    'no-restricted-imports': [
      'error',
      {
        paths: databaseDrivers,
        patterns: [
          storageInternals,
          ...(forbiddenLayers.length === 0
            ? []
            : [
                {
                  group: forbiddenLayers,
                  message:
                    'src/http and src/web do not import each other: share through src/presentation, compose in src/app.',
                },
              ]),
        ],
      },
    ],
  },
});

export default tseslint.config(
  { ignores: ['node_modules', 'data', 'dist', 'test-output', 'coverage', 'src/web/assets/vendor'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
      curly: ['error', 'multi-line'],
    },
  },
  {
    files: ['src/domain/**/*.ts', 'src/extraction/**/*.ts', 'src/analysis/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ioModules.map((name) => ({ name, message: 'The domain core does no I/O: use an adapter.' })),
          patterns: [
            {
              group: ['**/storage/**', '**/readers/**', '**/http/**', '**/cli/**', '**/web/**'],
              message: 'The domain core imports no adapter.',
            },
          ],
        },
      ],
    },
  },
  adapterLayer(['src/http/**/*.ts'], ['**/web/**']),
  adapterLayer(['src/web/**/*.ts'], ['**/http/**']),
  adapterLayer(['src/presentation/**/*.ts'], ['**/http/**', '**/web/**']),
  adapterLayer(['src/cli/**/*.ts', 'src/services/**/*.ts', 'src/app/**/*.ts']),
  {
    files: ['**/*.mjs', '**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
);
