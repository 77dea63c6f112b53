// Seeded generator of realistic marketing and sales traffic, posted through the public HTTP API.
//   npm run -w @smarketing/ingestion sample -- --url http://127.0.0.1:3001 --write-key <key> --api-key <key> \
//     [--seed 42] [--run <tag>] [--leads 50] [--rate 20] [--duration 60 | --duration 0 | --once]
// Keys default to INGESTION_DEV_WRITE_KEY and to SAMPLE_API_KEY, else the first API_KEYS entry with
// the ingest scope (the local platform's keys, set by ./smarketing).
// --duration 0 runs until stopped; without --duration it sends one cohort (--once).
// The seed fixes what happens; --run tags the ids (leads, messageIds, CRM ids), a fresh tag per
// run by default, so a second run is new traffic rather than duplicates the service drops.
import { buildJourney, campaignCosts, type Step } from './journey';
import { mulberry32 } from './random';

type Args = {
  url: string;
  writeKey: string;
  apiKey: string;
  seed: number;
  run: string;
  leads: number;
  rate: number;
  duration: number | null;
  once: boolean;
};

/** The key of the first `<scope>[+<scope>…]:<key>` entry of API_KEYS that has the ingest scope. */
const ingestKeyOf = (apiKeys: string | undefined): string | undefined =>
  (apiKeys ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .find((entry) =>
      entry
        .slice(0, Math.max(entry.indexOf(':'), 0))
        .split('+')
        .includes('ingest'),
    )
    ?.replace(/^[^:]*:/, '');

function parseArgs(argv: readonly string[]): Args {
  const value = (name: string): string | undefined => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const writeKey = value('write-key') ?? process.env.INGESTION_DEV_WRITE_KEY;
  const apiKey = value('api-key') ?? process.env.SAMPLE_API_KEY ?? ingestKeyOf(process.env.API_KEYS);
  if (!writeKey || !apiKey)
    throw new Error(
      '--write-key and --api-key (or INGESTION_DEV_WRITE_KEY, and SAMPLE_API_KEY or an API_KEYS entry with ingest) are required',
    );
  return {
    url: (value('url') ?? 'http://127.0.0.1:3001').replace(/\/$/, ''),
    writeKey,
    apiKey,
    seed: Number(value('seed') ?? 42),
    run: value('run') ?? Date.now().toString(36),
    leads: Number(value('leads') ?? 50),
    rate: Number(value('rate') ?? 20),
    duration: value('duration') === undefined ? null : Number(value('duration')),
    once: argv.includes('--once') || value('duration') === undefined,
  };
}

async function post(args: Args, step: Step): Promise<number> {
  const authorization =
    step.auth === 'write'
      ? `Basic ${Buffer.from(`${args.writeKey}:`).toString('base64')}`
      : `Bearer ${args.apiKey}`;
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const res = await fetch(`${args.url}${step.path}`, {
      method: 'POST',
      headers: { authorization, 'content-type': 'application/json' },
      body: JSON.stringify(step.body),
    });
    if (res.status !== 429 && res.status !== 503) {
      if (res.status >= 400) console.error(`${step.path} -> ${res.status} ${await res.text()}`);
      return res.status;
    }
    await new Promise((r) => setTimeout(r, 1_000 * Number(res.headers.get('retry-after') ?? 1)));
  }
  return 429;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const random = mulberry32(args.seed);
  const until = args.duration === null || args.duration === 0 ? Infinity : Date.now() + args.duration * 1_000;
  const counts = new Map<string, number>();
  const started = Date.now();
  let sent = 0;
  let failed = 0;
  let lastReport = started;
  // One progress line every 10 s and at the end of each round, so the log shows it is working.
  const progress = (what: string) => {
    const s = Math.round((Date.now() - started) / 1_000);
    console.log(`${new Date().toISOString()} ${what}: ${sent} requests sent in ${s} s, ${failed} refused`);
    lastReport = Date.now();
  };
  let round = 0;
  do {
    // Each round is a new cohort of leads (ids deterministic per run tag, seed and round).
    const steps = Array.from({ length: args.leads }, (_, i) =>
      buildJourney(random, `${args.run}-${args.seed}-${round}-${i}`, Date.now()),
    ).flat();
    steps.sort((a, b) => a.at - b.at);
    steps.unshift(...campaignCosts(random, new Date().toISOString().slice(0, 7)));
    for (const step of steps) {
      const status = await post(args, step);
      counts.set(`${step.path} ${status}`, (counts.get(`${step.path} ${status}`) ?? 0) + 1);
      sent += 1;
      if (status >= 400) failed += 1;
      if (Date.now() - lastReport >= 10_000) progress(`round ${round + 1}`);
      if (args.rate > 0) await new Promise((r) => setTimeout(r, 1_000 / args.rate));
      if (Date.now() > until) break;
    }
    round += 1;
    progress(`round ${round} done (${args.leads} leads)`);
  } while (!args.once && Date.now() < until);
  for (const [key, n] of [...counts].sort()) console.log(`${key.padEnd(40)} ${n}`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
