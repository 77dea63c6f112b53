/**
 * Scoring throughput and re-scoring time on the real stack. Prints figures only.
 *   npm run -w @smarketing/scoring bench            (BENCH_EVENTS, BENCH_LEADS, BENCH_STORED_LEADS to change the sizes;
 *                                                     BENCH_PARTS=3 or 1,2 to run only those parts)
 * 1. events/s from pre-produced touchpoint-recorded to committed score + published outbox event, 10k stored leads;
 * 2. the same with 100k stored leads (cost per event must not grow with the leads stored);
 * 3. account scoring: the same with profiled leads, without an account and then 5 leads per account
 *    (the ratio is what rolling leads up into accounts adds per event);
 * 4. a backtest of a candidate model over every stored lead's history (POST /v1/backtests), against a
 *    comparison of two models on the same leads (POST /v1/models/compare) as the baseline;
 * 5. re-scoring time of every stored lead after publishing a new default model version.
 */
import { randomUUID } from 'node:crypto';
import { TOPICS, type TouchpointType } from '@smarketing/contracts';
import { MessagingRuntime } from '@smarketing/messaging';
import { sleep, waitFor, waitForOutboxDrained } from '@smarketing/testing';
import aligned from '../models/aligned.v1.json';
import { AccountRollUpWorker } from '../src/infra/accounts/account-roll-up-worker';
import { touchpoint } from '../test/support/events';
import {
  ADMIN_KEY,
  EventProducer,
  startScoring,
  type ScoringUnderTest,
} from '../test/support/scoring-harness';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 50_000);
const LEADS = Number(process.env.BENCH_LEADS ?? 10_000);
const STORED = Number(process.env.BENCH_STORED_LEADS ?? 100_000);
const ACCOUNT_PAIRS = Number(process.env.BENCH_ACCOUNT_PAIRS ?? 3);
const PARTS = new Set((process.env.BENCH_PARTS ?? '1,2,3,4,5').split(',').map((p) => Number(p.trim())));
const TYPES: TouchpointType[] = [
  'page_view',
  'page_view',
  'pricing_page_view',
  'content_download',
  'demo_request',
  'webinar',
];

const count = async (s: ScoringUnderTest, sql: string): Promise<number> =>
  Number((await s.db.query<{ n: string }>(sql))[0]?.n ?? 0);

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};

/** Produces the events while the consumer is stopped, then times consumption until every score is committed and every outgoing event published. */
async function run(s: ScoringUnderTest, producer: EventProducer, leadIds: readonly string[], label: string) {
  const runtime = s.app.get(MessagingRuntime);
  await runtime.consumer.stop();
  const base = Date.now() - 3_600_000;
  const events = Array.from({ length: EVENTS }, (_, i) =>
    touchpoint(leadIds[i % leadIds.length] as string, TYPES[i % TYPES.length] as TouchpointType, base + i),
  );
  const ids = await producer.send(TOPICS.touchpointRecorded, events);
  const publishedBefore = runtime.relay.published;
  const started = process.hrtime.bigint();
  await runtime.consumer.start();
  // Only this run's events count: the topic is shared with other people's tests, whose events are applied too.
  const mine = async () =>
    Number(
      (
        await s.db.query<{ n: string }>(
          `SELECT count(*) AS n FROM messaging_inbox WHERE consumer = 'scoring' AND event_id = ANY($1::uuid[])`,
          [ids],
        )
      )[0]?.n,
    );
  await waitFor(async () => (await mine()) >= EVENTS, {
    timeoutMs: 600_000,
    intervalMs: 100,
    description: `${label}: events applied`,
  });
  // Accounts are rolled up after the lead batches (scoring_account_queue): the run ends when they are
  // too. The last round runs at once rather than at the next interval, so no idle wait is timed.
  await s.app.get(AccountRollUpWorker).flush();
  await waitFor(async () => (await count(s, `SELECT count(*) AS n FROM scoring_account_queue`)) === 0, {
    timeoutMs: 600_000,
    intervalMs: 50,
    description: `${label}: accounts rolled up`,
  });
  const applied = Number(process.hrtime.bigint() - started) / 1e9;
  await waitForOutboxDrained(s.db, {
    timeoutMs: 600_000,
    intervalMs: 50,
    description: `${label}: outbox published`,
  });
  const published = Number(process.hrtime.bigint() - started) / 1e9;
  // Rows inserted by one transaction share received_at (now() is the transaction start): one group = one batch.
  const batches = (
    await s.db.query<{ n: string }>(
      `SELECT count(*) AS n FROM messaging_inbox GROUP BY received_at ORDER BY received_at OFFSET $1`,
      [0],
    )
  ).map((r) => Number(r.n));
  const emitted = runtime.relay.published - publishedBefore;
  // Everything applied in the window (other people's concurrent events included) is work the instance did.
  const appliedAll = await count(s, `SELECT count(*) AS n FROM messaging_inbox`);
  const stored = await count(s, `SELECT count(*) AS n FROM scoring_leads`);
  await s.db.query(`TRUNCATE messaging_inbox`);
  return {
    label,
    stored,
    events: EVENTS,
    emitted,
    applied,
    published,
    appliedAll,
    eventsPerSecond: appliedAll / published,
    usPerEvent: (published * 1e6) / appliedAll,
    medianBatch: median(batches),
  };
}

type RunResult = Awaited<ReturnType<typeof run>>;

/** Profiles (fit 65 under aligned) for the given leads, with `perAccount` leads per account or none. */
async function seedProfiles(
  s: ScoringUnderTest,
  ids: readonly string[],
  perAccount: number | null,
  accountPrefix: string,
): Promise<void> {
  const t = Date.now() - 7_200_000;
  await s.db.query(
    `INSERT INTO scoring_leads (lead_id, first_seen_at_ms, profile, profile_at_ms, lifecycle, stage, account, account_id)
     SELECT id, $2::bigint,
            jsonb_build_object('seniority', (ARRAY['director','manager','c_level_vp','individual_contributor'])[1 + (n % 4)::int],
                               'employeeCount', 500, 'industry', 'software', 'region', 'NA', 'isFreeMail', false, 'properties', '{}'::jsonb),
            $2::bigint,
            jsonb_build_object('stage', 'lead', 'enteredAt', $2::bigint, 'mqlCycle', 0, 'openOpportunityIds', '[]'::jsonb), 'lead',
            CASE WHEN $3::int IS NULL THEN NULL ELSE jsonb_build_object('accountId', $4 || '-' || (n / $3::int)) END,
            CASE WHEN $3::int IS NULL THEN NULL ELSE $4 || '-' || (n / $3::int) END
     FROM unnest($1::text[]) WITH ORDINALITY AS v(id, n)`,
    [ids, t, perAccount, `bench-acct-${accountPrefix}`],
  );
}

/** Stored leads beyond the benchmark's own: bulk-inserted with a profile and a few touchpoints each. */
async function seedLeads(s: ScoringUnderTest, n: number): Promise<void> {
  const t = Date.now() - 7_200_000;
  await s.db.query(
    `INSERT INTO scoring_leads (lead_id, first_seen_at_ms, profile, profile_at_ms, touchpoints, lifecycle, stage, outcome)
     SELECT 'seed-' || lpad(g::text, 7, '0'), $1::bigint,
            jsonb_build_object('seniority', (ARRAY['director','manager','c_level_vp','unknown'])[1 + g % 4], 'employeeCount', 50 + (g % 20) * 60,
                               'industry', (ARRAY['software','retail','fintech'])[1 + g % 3], 'region', (ARRAY['NA','EMEA','APAC'])[1 + g % 3],
                               'isFreeMail', g % 10 = 0, 'properties', '{}'::jsonb),
            $1::bigint,
            jsonb_build_object('page_view', jsonb_build_array(jsonb_build_array($1::bigint + g, 'pv-' || g)),
                               'content_download', CASE WHEN g % 3 = 0 THEN jsonb_build_array(jsonb_build_array($1::bigint + g, 'cd-' || g)) ELSE '[]'::jsonb END),
            jsonb_build_object('stage', 'lead', 'enteredAt', $1::bigint, 'mqlCycle', 0, 'openOpportunityIds', '[]'::jsonb), 'lead',
            -- Sales outcomes, mostly for the leads that downloaded content at a senior level (what the models reward),
            -- so the backtest's precision and recall have something to measure.
            CASE WHEN g % 3 = 0 AND g % 4 IN (0, 2) THEN (ARRAY['accepted', 'sql', 'won', 'rejected'])[1 + (g / 12) % 4]
                 WHEN g % 17 = 0 THEN 'rejected'
                 WHEN g % 29 = 0 THEN 'accepted'
            END
     FROM generate_series(1, $2::int) AS g`,
    [t, n],
  );
  await s.db.query(`ANALYZE scoring_leads`);
}

async function main(): Promise<void> {
  // Accounts roll up at the default interval (ACCOUNT_ROLLUP_INTERVAL_MS to change it).
  const s = await startScoring({ LOG_LEVEL: 'error', RESCORE_CHUNK_SIZE: '1000' });
  const producer = new EventProducer();
  await producer.connect();
  try {
    // Warm-up (JIT, registry lookups, model cache), not reported.
    await run(
      s,
      producer,
      Array.from({ length: 1_000 }, () => randomUUID()),
      'warm-up',
    );
    const first = Array.from({ length: LEADS }, () => randomUUID());
    const small = PARTS.has(1)
      ? await run(s, producer, first, `${LEADS.toLocaleString('en-US')} leads stored`)
      : undefined;
    // The later parts run on the stored leads whichever parts run.
    await seedLeads(s, STORED - LEADS - 1_000);
    const second = Array.from({ length: LEADS }, () => randomUUID());
    const large = PARTS.has(2)
      ? await run(s, producer, second, `${(STORED + LEADS).toLocaleString('en-US')} leads stored`)
      : undefined;

    // The account ratio compares two runs of ~10 s each on a shared 2-core machine: one pair is noisy,
    // so the pairs alternate and the medians are compared.
    const pairs: { noAccounts: RunResult; withAccounts: RunResult }[] = [];
    // Which of the two goes first alternates too: each run leaves the tables larger for the next.
    for (let i = 1; PARTS.has(3) && i <= ACCOUNT_PAIRS; i++) {
      const plain = Array.from({ length: LEADS }, () => randomUUID());
      const grouped = Array.from({ length: LEADS }, () => randomUUID());
      await seedProfiles(s, plain, null, `p${i}`);
      await seedProfiles(s, grouped, 5, `p${i}`);
      await s.db.query(`ANALYZE scoring_leads`);
      const runPlain = () => run(s, producer, plain, `profiles, no account #${i}`);
      const runGrouped = () => run(s, producer, grouped, `5 per account #${i}`);
      if (i % 2 === 1) {
        const noAccounts = await runPlain();
        pairs.push({ noAccounts, withAccounts: await runGrouped() });
      } else {
        const withAccounts = await runGrouped();
        pairs.push({ noAccounts: await runPlain(), withAccounts });
      }
    }
    const medianOf = (runs: RunResult[]): RunResult =>
      [...runs].sort((a, b) => a.usPerEvent - b.usPerEvent)[Math.floor(runs.length / 2)] as RunResult;
    const noAccounts = pairs.length ? medianOf(pairs.map((p) => p.noAccounts)) : undefined;
    const withAccounts = pairs.length ? medianOf(pairs.map((p) => p.withAccounts)) : undefined;
    const pairRatios = pairs.map((p) => p.withAccounts.usPerEvent / p.noAccounts.usPerEvent);
    const accounts = await count(s, `SELECT count(*) AS n FROM scoring_accounts`);

    const candidate = {
      ...aligned,
      version: 2,
      bands: [
        { band: 'hot', min: 70 },
        { band: 'mql', min: 55 },
        { band: 'nurture', min: 40 },
        { band: 'cold', min: 0 },
      ],
    };
    const post = async (url: string, payload: object) => {
      const startedAt = process.hrtime.bigint();
      const res = await s.app
        .getHttpAdapter()
        .getInstance()
        .inject({ method: 'POST', url, headers: { authorization: `Bearer ${ADMIN_KEY}` }, payload });
      if (res.statusCode !== 200 && res.statusCode !== 201)
        throw new Error(`${url}: ${res.statusCode} ${res.body}`);
      return {
        seconds: Number(process.hrtime.bigint() - startedAt) / 1e9,
        body: JSON.parse(res.body) as Record<string, unknown>,
      };
    };
    const backtesting = async () => ({
      compared: await post('/v1/models/compare', {
        models: [{ modelId: 'aligned' }, { modelId: 'aligned-guarded' }],
        maxBandChanges: 20,
      }),
      backtest: await post('/v1/backtests', {
        candidate: { model: candidate },
        from: Date.now() - 8 * 3_600_000,
        to: Date.now(),
        sampleSize: 20,
      }),
    });
    const part4 = PARTS.has(4) ? await backtesting() : undefined;

    const rescoring = async () => {
      const total = await count(s, `SELECT count(*) AS n FROM scoring_leads`);
      const publishedAt = process.hrtime.bigint();
      const res = await s.app
        .getHttpAdapter()
        .getInstance()
        .inject({
          method: 'POST',
          url: '/v1/models',
          headers: { authorization: `Bearer ${ADMIN_KEY}` },
          payload: candidate,
        });
      const jobId = (JSON.parse(res.body) as { rescoreJobId: string }).rescoreJobId;
      await sleep(50);
      await s.rescoreIdle();
      const job = (
        await s.db.query<{ status: string; processed: number; changed: number }>(
          `SELECT * FROM scoring_rescore_jobs WHERE job_id = $1`,
          [jobId],
        )
      )[0];
      const rescoreSeconds = Number(process.hrtime.bigint() - publishedAt) / 1e9;
      await waitForOutboxDrained(s.db, { timeoutMs: 600_000, intervalMs: 100 });
      const rescorePublished = Number(process.hrtime.bigint() - publishedAt) / 1e9;
      return { total, job, rescoreSeconds, rescorePublished };
    };
    const part5 = PARTS.has(5) ? await rescoring() : undefined;

    const fmt = (n: number, d = 0) =>
      n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
    console.log(
      `\nscoring bench (${EVENTS.toLocaleString('en-US')} touchpoint-recorded over ${LEADS.toLocaleString('en-US')} leads per run; consumer concurrency ${s.config.CONSUMER_CONCURRENCY}, max batch ${s.config.CONSUMER_MAX_BATCH_SIZE})`,
    );
    for (const r of [small, large, ...pairs.flatMap((p) => [p.noAccounts, p.withAccounts])]) {
      if (r === undefined) continue;
      console.log(
        `  ${r.label.padEnd(22)} ${fmt(r.eventsPerSecond).padStart(7)} events/s  ${fmt(r.usPerEvent, 1).padStart(7)} µs/event  ` +
          `median batch ${r.medianBatch}  ${fmt(r.appliedAll)} applied (${fmt(r.events)} ours) in ${fmt(r.applied, 2)} s, ${fmt(r.emitted)} events published by ${fmt(r.published, 2)} s`,
      );
    }
    if (small && large)
      console.log(
        `  cost per event, ${fmt(large.stored)} vs ${fmt(small.stored)} stored leads: x${fmt(large.usPerEvent / small.usPerEvent, 2)}`,
      );
    if (noAccounts && withAccounts)
      console.log(
        `  account scoring (${fmt(accounts)} accounts): ${fmt(withAccounts.usPerEvent, 1)} vs ${fmt(noAccounts.usPerEvent, 1)} µs/event ` +
          `without accounts (medians of ${ACCOUNT_PAIRS} alternating runs each): x${fmt(withAccounts.usPerEvent / noAccounts.usPerEvent, 2)} (budget x1.20)`,
      );
    if (pairRatios.length)
      console.log(
        `  account scoring per pair (each run against its neighbour, so drift over the runs cancels): median x${fmt(median(pairRatios), 2)}, ` +
          `range x${fmt(Math.min(...pairRatios), 2)} to x${fmt(Math.max(...pairRatios), 2)}`,
      );
    if (part4) {
      const { backtest, compared } = part4;
      const backtested = Number(backtest.body.leads ?? 0);
      console.log(
        `  backtest of aligned v2 over ${fmt(backtested)} leads' history: ${fmt(backtest.seconds, 2)} s ` +
          `(${fmt(backtested / backtest.seconds)} leads/s); comparison of 2 models on the same leads ${fmt(compared.seconds, 2)} s: ` +
          `x${fmt(backtest.seconds / compared.seconds, 2)}`,
      );
      for (const line of (backtest.body.summary as string[] | undefined) ?? []) console.log(`    ${line}`);
    }
    if (part5) {
      const { total, job, rescoreSeconds, rescorePublished } = part5;
      console.log(
        `  re-scoring ${fmt(total)} leads (job ${job?.status}, processed ${fmt(job?.processed ?? 0)}, changed ${fmt(job?.changed ?? 0)}): ` +
          `${fmt(rescoreSeconds, 2)} s (${fmt((job?.processed ?? 0) / rescoreSeconds)} leads/s), events published by ${fmt(rescorePublished, 2)} s`,
      );
    }
  } finally {
    await producer.close();
    await s.close();
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
