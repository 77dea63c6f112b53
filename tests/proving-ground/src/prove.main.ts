// The proving ground from the command line (README: "Proving ground"):
//   npm run -w @smarketing/proving-ground prove -- [--size short|long|<events>] [--seed 7] [--runs clean,faults]
// --runs clean,again compares two clean runs (what varies without faults); --runs clean makes one.
// Runs on the test stack (started when it is not running), prints the report, exits 1 on any problem.
import { useTestStack } from '@smarketing/testing';
import { prove, type RunName } from './prove';
import { formatReport } from './report';

const SIZES: Record<string, number> = { short: 10_000, long: 100_000 };

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const value = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const size = value('size') ?? 'short';
  const events = SIZES[size] ?? Number(size);
  if (!Number.isInteger(events) || events <= 0)
    throw new Error(`--size is short, long or a number of events, not ${size}`);
  useTestStack();
  const report = await prove({
    seed: Number(value('seed') ?? 7),
    events,
    runs: (value('runs') ?? 'clean,faults').split(',') as RunName[],
    log: (line) => console.log(`${new Date().toISOString()} ${line}`),
  });
  console.log(formatReport(report));
  process.exitCode = report.problems.length ? 1 : 0;
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(2);
});
