const path = require('node:path');

const preset = require('../../jest.preset.js').jestConfig(__dirname, 'unit');
const modules = path.join(__dirname, '..', '..', 'node_modules');

// kubernetes-models and the CRD model packages are ESM only, with `import`-only exports (so are two
// of their dependencies): Jest's CommonJS runtime finds them by path and compiles them like sources.
module.exports = {
  ...preset,
  moduleNameMapper: {
    ...preset.moduleNameMapper,
    '^kubernetes-models/(.+)$': path.join(modules, 'kubernetes-models/$1.js'),
    '^@kubernetes-models/(base|validate)$': path.join(modules, '@kubernetes-models/$1/dist/index.js'),
    '^@kubernetes-models/validate/runtime/(.+)$': path.join(
      modules,
      '@kubernetes-models/validate/dist/runtime/$1.js',
    ),
    '^@kubernetes-models/(apimachinery|keda|prometheus-operator|strimzi-kafka-operator)/(.+)$': path.join(
      modules,
      '@kubernetes-models/$1/$2.js',
    ),
  },
  transformIgnorePatterns: ['/node_modules/(?!(kubernetes-models|@kubernetes-models|is-cidr|cidr-regex)/)'],
};
