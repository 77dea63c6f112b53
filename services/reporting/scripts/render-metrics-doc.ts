import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderMetricsDoc } from '../src/app/catalog/metrics-doc';

// Usage (from services/reporting):
//   SWC_NODE_PROJECT=../../tsconfig.base.json node -r @swc-node/register scripts/render-metrics-doc.ts
const target = join(__dirname, '../docs/metrics.md');
writeFileSync(target, renderMetricsDoc());
process.stdout.write(`wrote ${target}\n`);
