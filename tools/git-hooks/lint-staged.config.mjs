// The pre-commit hook's tasks, on the staged files only (lint-staged passes them as arguments and
// stages what the fixes change). TypeScript is fixed by ESLint, then formatted; everything else
// Prettier knows is formatted (.prettierignore still applies). The two globs never overlap, so no
// file is written by two tasks at once.
export default {
  '*.ts': ['eslint --fix --no-warn-ignored', 'prettier --write'],
  '*.{js,cjs,mjs,json,md,yml,yaml,css,html}': 'prettier --write --ignore-unknown',
};
