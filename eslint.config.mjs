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
  {
    files: ['**/*.mjs', '**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
);
