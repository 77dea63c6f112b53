import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { METRICS_CATALOG } from '../../../domain/metrics-catalog';
import { renderMetricsDoc } from '../metrics-doc';

describe('docs/metrics.md', () => {
  it('is the catalog as it is now (run scripts/render-metrics-doc.ts when this fails)', () => {
    const path = join(__dirname, '../../../../docs/metrics.md');
    expect(readFileSync(path, 'utf8')).toBe(renderMetricsDoc());
  });

  it('has one section per metric, ids unique', () => {
    const ids = METRICS_CATALOG.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    const doc = renderMetricsDoc();
    for (const id of ids) expect(doc).toContain(`(\`${id}\`)`);
  });
});
