// Shared Jest settings. Tests run in UTC so that no assertion depends on the machine's zone.
process.env.TZ = 'UTC';
const path = require('node:path');
const fs = require('node:fs');

const swcrc = JSON.parse(fs.readFileSync(path.join(__dirname, '.swcrc'), 'utf8'));
const moduleNameMapper = {
  '^@smarketing/(composition|config|contracts|http|messaging|persistence|observability|testing|service-testing)$':
    path.join(__dirname, 'libs/$1/src/index.ts'),
};

/** kind: 'unit' runs src/**\/__tests__/*.spec.ts; 'int' runs test/**\/*.int-spec.ts against the local stack. */
function jestConfig(projectDir, kind = 'unit') {
  return {
    rootDir: projectDir,
    testEnvironment: 'node',
    transform: { '^.+\\.(t|j)s$': ['@swc/jest', { ...swcrc, swcrc: false }] },
    moduleNameMapper,
    testMatch:
      kind === 'unit' ? ['<rootDir>/src/**/__tests__/**/*.spec.ts'] : ['<rootDir>/test/**/*.int-spec.ts'],
    testTimeout: kind === 'unit' ? 20_000 : 180_000,
    setupFiles: [
      path.join(__dirname, 'jest.setup.js'),
      ...(kind === 'int' ? [path.join(__dirname, 'tools/scripts/use-test-stack.ts')] : []),
    ],
    reporters: ['default', path.join(__dirname, 'tools/scripts/jest-summary-reporter.js')],
    ...(kind === 'int' ? { maxWorkers: 1 } : {}),
  };
}
module.exports = { jestConfig };
