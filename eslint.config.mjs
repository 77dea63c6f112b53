// One flat config for the whole workspace. Module boundaries are real constraints:
// services depend on libs only (never on each other), and domain/app code stays framework-free.
// tools/lint-rules proves each boundary rule below rejects what it should.
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
    group: [
      '@smarketing/messaging',
      '@smarketing/persistence',
      '@smarketing/observability',
      '@smarketing/composition',
    ],
    message: 'domain/ and app/ depend on ports, not adapters.',
  },
];

// A project is imported by its name, never by a path into its files.
const deepImports = [
  {
    regex: '^@smarketing/[^/]+/.',
    message: 'Import a project by its name (@smarketing/x); export what you need from its index.ts.',
  },
];

// Layers inside a service: infra -> app -> domain, never back. Relative imports climbing into the
// sibling layer (../app, ../../infra/x, ...) are what these catch.
const layerImports = (...layers) => [
  {
    regex: `^(\\.\\./)+(src/)?(${layers.join('|')})(/|$)`,
    message:
      'Layers point inwards: infra/ -> app/ -> domain/. domain/ imports neither app/ nor infra/; app/ does not import infra/.',
  },
];

const restrict = (...patterns) => ['error', { patterns: patterns.flat() }];

// Code that only runs under test: the one place @smarketing/testing may be imported from a service
// or a production lib.
const testCode = ['**/__tests__/**', '**/test/**', '**/bench/**', '**/*.spec.ts', '**/*.int-spec.ts'];

// Roles of libs: contracts (types, topic registry, config schema) sit below the platform adapters
// (messaging, persistence, observability, composition); the testing lib sits on top of both and is
// for test code only. Tags are in each project's package.json.
const boundaries = ({ inTests }) => [
  'error',
  {
    enforceBuildableLibDependency: false,
    allow: [],
    depConstraints: [
      {
        sourceTag: 'type:service',
        onlyDependOnLibsWithTags: ['type:lib'],
        ...(inTests ? {} : { notDependOnLibsWithTags: ['role:testing'] }),
      },
      { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:lib'] },
      {
        sourceTag: 'role:contracts',
        onlyDependOnLibsWithTags: ['role:contracts', ...(inTests ? ['role:testing'] : [])],
      },
      {
        sourceTag: 'role:platform',
        onlyDependOnLibsWithTags: ['role:contracts', 'role:platform', ...(inTests ? ['role:testing'] : [])],
      },
      {
        sourceTag: 'role:testing',
        onlyDependOnLibsWithTags: ['role:contracts', 'role:platform', 'role:testing'],
      },
      { sourceTag: 'type:tool', onlyDependOnLibsWithTags: ['type:lib'] },
      { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:lib'] },
    ],
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
    languageOptions: {
      parserOptions: {
        // As tsconfig.base.json compiles: consistent-type-imports then leaves every import of a file
        // with decorators alone, since Nest's DI reads the emitted metadata of constructor types and an
        // `import type` would erase the class it needs at run time.
        emitDecoratorMetadata: true,
        experimentalDecorators: true,
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Type-only imports say so: `import type { A }`, or `import { b, type A }` when mixed (the second
      // rule turns the fix's `import { type A }` into `import type { A }`).
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { prefer: 'type-imports', fixStyle: 'inline-type-imports' },
      ],
      '@typescript-eslint/no-import-type-side-effects': 'error',
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
      'no-restricted-imports': restrict(deepImports),
      '@nx/enforce-module-boundaries': boundaries({ inTests: false }),
    },
  },
  {
    files: testCode,
    rules: { '@nx/enforce-module-boundaries': boundaries({ inTests: true }) },
  },
  // Later blocks win for a rule, so each repeats the patterns of the blocks before it.
  {
    files: ['services/*/src/app/**/*.ts'],
    rules: { 'no-restricted-imports': restrict(deepImports, layerImports('infra')) },
  },
  {
    files: ['services/*/src/domain/**/*.ts'],
    rules: { 'no-restricted-imports': restrict(deepImports, layerImports('app', 'infra')) },
  },
  {
    files: ['services/*/src/app/**/*.ts'],
    ignores: ['**/__tests__/**'],
    rules: { 'no-restricted-imports': restrict(deepImports, layerImports('infra'), frameworkImports) },
  },
  {
    files: ['services/*/src/domain/**/*.ts'],
    ignores: ['**/__tests__/**'],
    rules: { 'no-restricted-imports': restrict(deepImports, layerImports('app', 'infra'), frameworkImports) },
  },
);
