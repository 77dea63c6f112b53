/**
 * Attribution models over synthetic journeys, and one conversion end to end on the real stack.
 *   npm run -w @smarketing/attribution bench     (BENCH_JOURNEYS, BENCH_TOUCHES_PER_JOURNEY, BENCH_STACK=0 to skip the stack part)
 * 1. every rule model over BENCH_JOURNEYS journeys (10 touches each by default: 1,000,000 touches),
 *    revenue split to the cent; the same at a tenth of the size, for the cost per journey;
 * 2. the exact Markov removal effects and exact Shapley values over the same paths, and the bootstrap;
 * 3. credits for one new conversion with the database holding every journey (stack): the use case
 *    alone, and from the lifecycle-changed record produced to the credited event in the outbox.
 * Baseline, measured in the same run: one pass reading every touch (the floor of any model).
 */
import { randomUUID } from 'node:crypto';
import { TOPICS } from '@smarketing/contracts';
import { waitFor } from '@smarketing/testing';
import bundled from '../models/default.v1.json';
import {
  creditJourney,
  dataDrivenAttribution,
  parseAttributionSettings,
  ruleModel,
  seededRandom,
  type Journey,
  type Path,
  type Touch,
} from '../src/domain';
import { Recredit } from '../src/app/credit/recredit';
import { Transactions } from '../src/app/ports/transactions.port';

const JOURNEYS = Number(process.env.BENCH_JOURNEYS ?? 100_000);
const PER = Number(process.env.BENCH_TOUCHES_PER_JOURNEY ?? 10);
const STACK = process.env.BENCH_STACK !== '0';
const CHANNELS = [
  'paid_search',
  'paid_social',
  'organic_search',
  'social',
  'email',
  'referral',
  'display',
  'direct',
  'events',
  'sales',
];
const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 0, 1);
const settings = parseAttributionSettings(bundled);
const models = settings.models.map(ruleModel);

const seconds = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;
const fmt = (n: number, d = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });

/** Journeys of PER touches an hour apart, with lead and opportunity creation inside; deterministic. */
const journeys = (n: number): Journey[] => {
  const random = seededRandom(n);
  return Array.from({ length: n }, (_, j) => {
    const start = T0 + j * 1_000;
    const touches: Touch[] = Array.from({ length: PER }, (_, i) => ({
      id: `j${j}t${i}`,
      leadId: `l${j}`,
      at: start + i * HOUR,
      channel: CHANNELS[Math.floor(random() * CHANNELS.length)] ?? 'direct',
      campaignId: `c${Math.floor(random() * 50)}`,
      kind: 'touchpoint' as const,
    }));
    return {
      touches,
      milestones: {
        leadCreatedAt: start + Math.floor(random() * PER) * HOUR,
        opportunityCreatedAt: start + Math.floor(random() * PER) * HOUR,
        wonAt: start + PER * HOUR,
      },
      convertedAt: start + PER * HOUR,
    };
  });
};

const baseline = (js: readonly Journey[]) => {
  const started = process.hrtime.bigint();
  const perChannel = new Map<string, number>();
  for (const j of js)
    for (const t of j.touches) perChannel.set(t.channel, (perChannel.get(t.channel) ?? 0) + 1);
  return { s: seconds(started), checksum: perChannel.size };
};

const ruleModels = (js: readonly Journey[]) => {
  const started = process.hrtime.bigint();
  let units = 0n;
  const revenue = { amountMinor: 1_000_000n, currency: 'USD' };
  for (const j of js)
    for (const m of models)
      for (const c of creditJourney(m, j, revenue).credits) units += c.amountMinor ?? 0n;
  return { s: seconds(started), units };
};

const pathsOf = (js: readonly Journey[]): Path[] =>
  // Every third journey did not convert: the chain needs its null paths.
  js.map((j, i) => ({
    channels: j.touches.map((t) => t.channel),
    conversions: i % 3 ? 1 : 0,
    nulls: i % 3 ? 0 : 1,
  }));

const dataDriven = (js: readonly Journey[]) => {
  const paths = pathsOf(js);
  const started = process.hrtime.bigint();
  const markov = dataDrivenAttribution(paths, { model: 'markov' });
  const markovS = seconds(started);
  const s2 = process.hrtime.bigint();
  const shapley = dataDrivenAttribution(paths, { model: 'shapley' });
  const shapleyS = seconds(s2);
  return { markovS, shapleyS, markov, shapley };
};

async function stackFigures(): Promise<string[]> {
  const { startAttribution, EventProducer } = await import('../test/support/attribution-harness');
  const { lifecycleChanged } = await import('../test/support/events');
  const s = await startAttribution({ LOG_LEVEL: 'error' });
  const producer = new EventProducer();
  await producer.connect();
  try {
    // Every journey's lead, touches and an MQL conversion, bulk-inserted.
    await s.db.query(
      `INSERT INTO attribution_leads (lead_id, created_at_ms) SELECT 'seed-' || g, $1::bigint + g * 1000 FROM generate_series(1, $2::int) g`,
      [T0, JOURNEYS],
    );
    await s.db.query(
      `INSERT INTO attribution_touches (touch_id, lead_id, at_ms, channel, campaign_id, kind)
       SELECT 'seed-' || g || '-' || i, 'seed-' || g, $1::bigint + g * 1000 + i * 3600000,
              (ARRAY['paid_search','email','social','direct','referral'])[1 + (g + i) % 5], 'c' || (g % 50), 'touchpoint'
       FROM generate_series(1, $2::int) g, generate_series(0, $3::int - 1) i`,
      [T0, JOURNEYS, PER],
    );
    await s.db.query(
      `INSERT INTO attribution_conversions (conversion_id, kind, at_ms, lead_id)
       SELECT 'mql:seed-' || g || ':1', 'mql', $1::bigint + g * 1000 + $3::bigint * 3600000, 'seed-' || g FROM generate_series(1, $2::int) g`,
      [T0, JOURNEYS, PER],
    );
    await s.db.query(`ANALYZE`);
    const transactions = s.app.get(Transactions);
    const recredit = s.app.get(Recredit);
    // Warm-up: prepared statements, JIT.
    for (let g = 1; g <= 20; g++) await transactions.run((tx) => recredit.execute([`mql:seed-${g}:1`], tx));
    const times: number[] = [];
    for (let g = 1_000; g < 1_050; g++) {
      const started = process.hrtime.bigint();
      await transactions.run((tx) => recredit.execute([`mql:seed-${g}:1`], tx));
      times.push(seconds(started) * 1000);
    }
    times.sort((a, b) => a - b);
    const lead = randomUUID();
    const at = Date.now() - HOUR;
    const started = process.hrtime.bigint();
    await producer.send(TOPICS.lifecycleChanged, [lifecycleChanged(lead, 'lead', 'mql', at, 1)]);
    await waitFor(
      async () =>
        Number(
          (
            await s.db.query<{ n: string }>(
              `SELECT count(*) AS n FROM attribution_credits WHERE conversion_id = $1`,
              [`mql:${lead}:1`],
            )
          )[0]?.n,
        ) >= models.length || undefined,
      { timeoutMs: 60_000, intervalMs: 5, description: 'the new conversion credited' },
    );
    const endToEnd = seconds(started) * 1000;
    return [
      `  one conversion, ${fmt(JOURNEYS)} journeys stored: recredit ${fmt(times[Math.floor(times.length / 2)] ?? 0, 1)} ms median, ` +
        `${fmt(times[Math.floor(times.length * 0.95)] ?? 0, 1)} ms p95 (every model, in one transaction)`,
      `  one conversion end to end (lifecycle-changed produced -> credits committed with their events): ${fmt(endToEnd, 0)} ms`,
    ];
  } finally {
    await producer.close();
    await s.close();
  }
}

async function main(): Promise<void> {
  const small = journeys(Math.max(1, Math.floor(JOURNEYS / 10)));
  const large = journeys(JOURNEYS);
  ruleModels(small); // warm-up
  const base = baseline(large);
  const rulesSmall = ruleModels(small);
  const rulesLarge = ruleModels(large);
  const dd = dataDriven(large);
  const replicates = 20;
  const bootStart = process.hrtime.bigint();
  dataDrivenAttribution(pathsOf(small), { model: 'markov' }, { replicates, seed: 1 });
  const bootstrapS = seconds(bootStart);
  const usSmall = (rulesSmall.s * 1e6) / small.length;
  const usLarge = (rulesLarge.s * 1e6) / large.length;
  const touches = large.length * PER;
  console.log(
    `\nattribution bench (${fmt(large.length)} journeys, ${fmt(touches)} touches, ${models.length} rule models)`,
  );
  console.log(`  baseline: one pass over every touch                ${fmt(base.s, 3)} s`);
  console.log(
    `  all rule models, ${fmt(large.length)} journeys            ${fmt(rulesLarge.s, 2)} s  ${fmt(usLarge, 1)} µs/journey  x${fmt(rulesLarge.s / base.s, 0)} baseline`,
  );
  console.log(
    `  all rule models, ${fmt(small.length)} journeys             ${fmt(rulesSmall.s, 2)} s  ${fmt(usSmall, 1)} µs/journey`,
  );
  console.log(
    `  cost per journey, ${fmt(large.length)} vs ${fmt(small.length)}: x${fmt(usLarge / usSmall, 2)}`,
  );
  console.log(
    `  Markov removal effects (exact, order 1)             ${fmt(dd.markovS, 2)} s;  Shapley (exact, ${dd.shapley.channels.length} channels) ${fmt(dd.shapleyS, 2)} s;  together ${fmt(dd.markovS + dd.shapleyS, 2)} s`,
  );
  console.log(
    `  Markov with ${replicates} bootstrap replicates, ${fmt(small.length)} journeys  ${fmt(bootstrapS, 2)} s (${fmt(bootstrapS / replicates, 3)} s per refit)`,
  );
  const one = large[0];
  if (one) {
    const started = process.hrtime.bigint();
    for (let i = 0; i < 1_000; i++)
      for (const m of models) creditJourney(m, one, { amountMinor: 1_000_000n, currency: 'USD' });
    console.log(
      `  one conversion, every rule model (pure)             ${fmt((seconds(started) * 1e6) / 1_000, 1)} µs`,
    );
  }
  if (STACK) for (const line of await stackFigures()) console.log(line);
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
