module.exports = {
  ...require('../../jest.preset.js').jestConfig(__dirname, 'unit'),
  testMatch: ['<rootDir>/test/**/*.spec.ts'],
};
