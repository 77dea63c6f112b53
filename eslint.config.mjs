// One flat config for the whole workspace. Module boundaries are real constraints:
// services depend on libs only (never on each other), and domain/app code stays framework-free.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import nx from '@nx/eslint-plugin';

const frameworkImports = [
  {
    group: ['@nestjs/*', '@nestjs/**'],
    message: 'domain/ and app/ are framework-free: keep Nest in infra/.',
  },
  {
    group: ['typeorm', 'typeorm/*', 'pg', 'pg/*'],
    message: 'domain/ and app/ are framework-free: keep persistence in infra/.',
  },
  {
    group: ['kafkajs', 'kafkajs/*', '@kafkajs/*', '@platformatic/kafka'],
    message: 'domain/ and app/ are framework-free: use a port.',
  },
  {
    group: ['@opentelemetry/*', 'prom-client', 'pino', 'fastify'],
    message: 'domain/ and app/ are framework-free.',
  },
  {
    group: ['@smarketing/messaging', '@smarketing/persistence', '@smarketing/observability'],
    message: 'domain/ and app/ depend on ports, not adapters.',
  },
];

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '.local/**',
      '.nx/**',
      '**/generated/**',
      '**/*.js',
      '**/*.mjs',
      '**/*.cjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    plugins: { '@nx': nx },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'off',
      'no-restricted-syntax': [
        'error',
        { selector: 'TSEnumDeclaration', message: 'Use string-literal unions, not enums.' },
        {
          selector: "CallExpression[callee.object.name=/^(describe|it|test)$/][callee.property.name='only']",
          message: 'No .only.',
        },
        {
          selector: "CallExpression[callee.object.name=/^(describe|it|test)$/][callee.property.name='skip']",
          message: 'No skipped tests.',
        },
        {
          selector: 'CallExpression[callee.name=/^(xit|xdescribe|xtest|fit|fdescribe)$/]',
          message: 'No focused or skipped tests.',
        },
      ],
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            { sourceTag: 'type:service', onlyDependOnLibsWithTags: ['type:lib'] },
            { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:lib'] },
            { sourceTag: 'type:tool', onlyDependOnLibsWithTags: ['type:lib'] },
            { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:lib'] },
          ],
        },
      ],
    },
  },
  {
    files: ['services/*/src/domain/**/*.ts', 'services/*/src/app/**/*.ts'],
    ignores: ['**/__tests__/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: frameworkImports }] },
  },
);
