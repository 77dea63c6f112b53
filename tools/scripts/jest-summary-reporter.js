// Appends each Jest run's totals to .local/test-results/, so the full suite can print one closing line.
const fs = require('node:fs');
const path = require('node:path');

class SummaryReporter {
  constructor(globalConfig) {
    this.rootDir = globalConfig.rootDir;
  }
  onRunComplete(_contexts, results) {
    const dir = path.join(__dirname, '..', '..', '.local', 'test-results');
    fs.mkdirSync(dir, { recursive: true });
    const name = `${path.relative(path.join(__dirname, '..', '..'), this.rootDir).replace(/[\\/]/g, '_') || 'root'}-${process.pid}.json`;
    fs.writeFileSync(
      path.join(dir, name),
      JSON.stringify({
        project: path.relative(path.join(__dirname, '..', '..'), this.rootDir),
        passed: results.numPassedTests,
        failed: results.numFailedTests + results.numRuntimeErrorTestSuites,
        skipped: results.numPendingTests + results.numTodoTests,
        suites: results.numTotalTestSuites,
      }),
    );
  }
}
module.exports = SummaryReporter;
