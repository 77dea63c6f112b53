// Preload (node -r) that records a V8 CPU profile of the whole process and writes it when the
// process gets SIGTERM or exits: .local/profiles/<pid>.cpuprofile (open it in Chrome DevTools or
// speedscope). `node --cpu-prof` writes nothing when a signal ends the process, which is how the
// benchmarks stop services. Example:
//   BENCH_SERVICE_NODE_ARGS="-r ./tools/scripts/cpu-profile.preload.js" npm run -w @smarketing/ingestion bench
'use strict';
const fs = require('node:fs');
const inspector = require('node:inspector');
const path = require('node:path');

const dir = process.env.CPU_PROFILE_DIR || path.resolve(__dirname, '../../.local/profiles');
const session = new inspector.Session();
session.connect();
session.post('Profiler.enable');
session.post('Profiler.setSamplingInterval', { interval: 500 });
session.post('Profiler.start');
let written = false;
const write = () => {
  if (written) return;
  written = true;
  session.post('Profiler.stop', (err, result) => {
    if (err) return;
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `${process.pid}.cpuprofile`);
    fs.writeFileSync(file, JSON.stringify(result.profile));
    process.stderr.write(`cpu profile written to ${file}\n`);
  });
};
process.prependListener('SIGTERM', write);
process.on('exit', write);
