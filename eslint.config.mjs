// Lint rules, including the architecture's boundaries: resolvers never see the driver or Cypher,
// libraries never import the apps, and everything goes through a library's public index.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'tools/neo4j/target/**', 'coverage/**', '.data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { patterns: [{ group: ['@tadoru/*/src/*', '**/libs/*/src/**'], message: 'import a library through @tadoru/<lib>' }] }],
    },
  },
  {
    files: ['apps/api/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'neo4j-driver', message: 'the API layer never sees the driver; go through a service' }],
          patterns: [{ group: ['@tadoru/*/src/*', '**/libs/*/src/**', '**/*.repository'], message: 'resolvers use services, not repositories' }],
        },
      ],
    },
  },
  {
    files: ['libs/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/apps/**'], message: 'libraries never import the apps' }, { group: ['@nestjs/graphql'], message: 'libraries are transport-agnostic' }] }],
    },
  },
  {
    files: ['**/*.spec.ts', 'test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
