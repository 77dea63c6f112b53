// The proving ground at CI size (issue #20): about 10,000 events of a seeded quarter through all six
// services twice, once clean and once under kill -9 every 5 ± 2 s, a PostgreSQL restart, a broker
// restart and a pause past the session timeout; the two end states must be equal part by part.
// The same run from the command line: npm run -w @smarketing/proving-ground prove -- --size short
import { prove } from '../src/prove';
import { formatReport } from '../src/report';

describe('the platform under faults ends where a clean run ends', () => {
  it(
    'holds for the short workload: no difference, nothing lost, doubled or wrongly dead-lettered',
    async () => {
      const report = await prove({
        seed: 7,
        events: 10_000,
        log: (line) => process.stdout.write(`${new Date().toISOString()} ${line}\n`),
      });
      process.stdout.write(`${formatReport(report)}\n`);
      expect(report.runs.map((r) => r.name)).toEqual(['clean', 'faults']);
      expect(report.runs[1]?.faults.length).toBeGreaterThan(3);
      expect(report.problems).toEqual([]);
    },
    45 * 60_000,
  );
});
