// The generator's own tests (test/*.spec.ts). files/ holds the templates of a service: never tests
// of this project, and never modules (its package.json would clash with the generated one's name).
const base = require('../../../jest.preset.js').jestConfig(__dirname, 'unit');

module.exports = {
  ...base,
  testMatch: ['<rootDir>/test/**/*.spec.ts'],
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/files/'],
  modulePathIgnorePatterns: ['<rootDir>/files/'],
};
