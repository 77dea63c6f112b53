/**
 * Reporting's read models on the real stack. Prints figures and ratios to baselines measured in
 * the same run; nothing passes or fails.
 *   npm run -w @smarketing/reporting bench
 *     BENCH_EVENTS (100,000), BENCH_LEADS (1,000,000), BENCH_EVENTS_BEHIND (10,000,000),
 *     BENCH_REQUESTS (50 per query), BENCH_PARTS (1,2,3: part 3 needs part 1)
 * 1. events/s applied to the read models: BENCH_EVENTS events of a funnel mix over the consumed
 *    topics (bench/journeys.ts), pre-produced with the consumer stopped, then timed from its start
 *    until every one is in the inbox (committed with its read-model change). Baseline: the same
 *    events through the same consumer with handlers that do nothing (inbox and offsets only).
 * 2. dashboard API latency (p50, p95 over BENCH_REQUESTS requests through the HTTP stack, read
 *    key) with BENCH_LEADS leads and about BENCH_EVENTS_BEHIND events behind them, built in bulk by
 *    the service's own use cases and stores (bench/bulk-state.ts), not sent through Kafka: the
 *    dashboard of a quarter, a month and a week, unfiltered and with one filter of each kind, the
 *    filters and a weekly review. Baseline: GET /health/live.
 * 3. rebuild: a second instance on a fresh database and a fresh consumer group moved to the
 *    offsets from before part 1 produced replays part 1's events; events/s against part 1's.
 * Part 3 runs right after part 1 (same topics' offsets), before the long bulk load of part 2.
 */
import { randomUUID } from 'node:crypto';
import { MessagingRuntime } from '@smarketing/messaging';
import { topicPositions, waitFor } from '@smarketing/testing';
import type { LogEntry } from '../src/app/__tests__/lifecycle-fixture';
import { parsePeriod, previousPeriod, quarterOf, weekOf } from '../src/domain/period';
import { moveGroupTo, type Positions } from '../test/support/consumer-group';
import { startPassThrough } from '../test/support/pass-through';
import {
  CONSUMED_TOPICS,
  EventProducer,
  READ_KEY,
  startReporting,
  type ReportingUnderTest,
} from '../test/support/reporting-harness';
import { buildBulkState } from './bulk-state';
import { createdAt, DAY, factEvents, FILTERS, leadJourney, seeded, TOPIC_OF, type Window } from './journeys';

const positiveInt = (name: string, fallback: number): number => {
  const raw = process.env[name];
  const n = raw === undefined || raw === '' ? fallback : Number(raw.replace(/[_,]/g, ''));
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return n;
};
const EVENTS = positiveInt('BENCH_EVENTS', 100_000);
const LEADS = positiveInt('BENCH_LEADS', 1_000_000);
const EVENTS_BEHIND = positiveInt('BENCH_EVENTS_BEHIND', 10_000_000);
const REQUESTS = positiveInt('BENCH_REQUESTS', 50);
const PARTS = new Set((process.env.BENCH_PARTS ?? '1,2,3').split(',').map((p) => p.trim()));
const PER_LEAD = 10;
const WARM_UP_EVENTS = Math.min(5_000, Math.max(100, Math.floor(EVENTS / 20)));
const QUIET = { LOG_LEVEL: 'error' };

const fmt = (n: number, d = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
const secondsSince = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;
const progress = (line: string) => process.stderr.write(`  … ${line}\n`);

/** Two years up to the start of today (UTC). */
const twoYears = (): Window => {
  const to = Math.floor(Date.now() / DAY) * DAY;
  return { from: to - 730 * DAY, to };
};

/** `n` events of the funnel mix (whole journeys, the last one cut), for leads no one else uses. */
function eventMix(n: number, seed: number): LogEntry[] {
  const random = seeded(seed);
  const window = twoYears();
  const run = randomUUID().slice(0, 8);
  const leads = Math.ceil(n / PER_LEAD);
  const accounts = Array.from({ length: Math.max(1, Math.floor(leads / 10)) }, (_, i) => `${run}-acct-${i}`);
  // Facts (costs, account scores, volume) in proportion to the leads: those of a few recent weeks.
  const facts = factEvents({ from: window.to - 8 * 7 * DAY, to: window.to }, accounts, random);
  const out: LogEntry[] = [...facts.slice(0, Math.ceil(n / 20))];
  for (let i = 0; out.length < n; i++)
    out.push(
      ...leadJourney(
        `${run}-lead-${i}`,
        random() < 0.7 ? accounts[i % accounts.length]! : null,
        random,
        createdAt(Math.min(i, leads - 1), leads, window, random),
        window,
        PER_LEAD,
      ),
    );
  return out.slice(0, n);
}

/** Produces a log topic by topic; returns the event ids. */
async function produce(producer: EventProducer, log: readonly LogEntry[]): Promise<string[]> {
  const ids: string[] = [];
  for (const topic of Object.keys(TOPIC_OF) as LogEntry['topic'][]) {
    const values = log.filter((e) => e.topic === topic).map((e) => e.event.value);
    if (values.length) ids.push(...(await producer.send(TOPIC_OF[topic], values as never[])));
  }
  return ids;
}

const inboxCount = async (s: ReportingUnderTest): Promise<number> =>
  (await s.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM messaging_inbox`))[0]?.n ?? 0;

const oursInInbox = async (s: ReportingUnderTest, ids: readonly string[]): Promise<number> =>
  (
    await s.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM messaging_inbox WHERE event_id = ANY($1::uuid[])`,
      [ids],
    )
  )[0]?.n ?? 0;

const consumerOf = (s: ReportingUnderTest) => s.app.get(MessagingRuntime).consumer;

type Drain = {
  readonly label: string;
  readonly seconds: number;
  readonly applied: number;
  readonly ours: number;
  readonly medianBatch: number;
};

/** Rows one transaction inserted share received_at (now() is the transaction's start): one group, one batch. */
const medianBatchOf = async (s: ReportingUnderTest, ids: readonly string[]): Promise<number> => {
  const sizes = (
    await s.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM messaging_inbox WHERE event_id = ANY($1::uuid[]) GROUP BY received_at ORDER BY 1`,
      [ids],
    )
  ).map((r) => r.n);
  return sizes[Math.floor(sizes.length / 2)] ?? 0;
};

/**
 * Starts the (stopped) consumer and times it until every event of `ids` is in the inbox. `applied`
 * counts every event the instance applied meanwhile (other runs share the topics: their events
 * are work it did too).
 */
async function drain(s: ReportingUnderTest, ids: readonly string[], label: string): Promise<Drain> {
  const before = await inboxCount(s);
  const started = process.hrtime.bigint();
  await consumerOf(s).start();
  // The cheap count first; then the exact check that these very events are in.
  await waitFor(async () => (await inboxCount(s)) - before >= ids.length, {
    timeoutMs: 1_800_000,
    intervalMs: 100,
    description: `${label}: ${ids.length} events in the inbox`,
  });
  await waitFor(async () => (await oursInInbox(s, ids)) === ids.length, {
    timeoutMs: 600_000,
    intervalMs: 100,
    description: `${label}: this run's ${ids.length} events in the inbox`,
  });
  const seconds = secondsSince(started);
  const applied = (await inboxCount(s)) - before;
  await consumerOf(s).stop();
  return { label, seconds, applied, ours: ids.length, medianBatch: await medianBatchOf(s, ids) };
}

const drainLine = (d: Drain, extra = '') =>
  `  ${d.label.padEnd(34)} ${fmt(d.applied / d.seconds).padStart(8)} events/s  ${fmt((d.seconds * 1e6) / d.applied, 1).padStart(7)} µs/event  ` +
  `${fmt(d.applied)} applied (${fmt(d.ours)} ours) in ${fmt(d.seconds, 2)} s, median batch ${d.medianBatch}${extra}`;

/** Parts 1 and 3. */
async function throughput(producer: EventProducer): Promise<void> {
  const s = await startReporting(QUIET);
  const base = await startPassThrough(QUIET);
  let positions: Positions;
  let ids: string[];
  let results: Drain[];
  try {
    // Warm-up (JIT, schema lookups, prepared statements): both consumers running, not reported.
    const warm = await produce(producer, eventMix(WARM_UP_EVENTS, 1));
    for (const [x, label] of [
      [s, 'warm-up: reporting'],
      [base, 'warm-up: pass-through'],
    ] as const)
      await waitFor(async () => (await oursInInbox(x, warm)) === warm.length, {
        timeoutMs: 600_000,
        description: label,
      });
    await consumerOf(s).stop();
    await consumerOf(base).stop();
    positions = await topicPositions(CONSUMED_TOPICS.map((t) => t.name));
    const log = eventMix(EVENTS, 2);
    ids = await produce(producer, log);
    const mix = new Map<string, number>();
    for (const e of log) mix.set(e.topic, (mix.get(e.topic) ?? 0) + 1);
    console.log(
      `\nreporting bench: 1. events/s applied to the read models (${fmt(EVENTS)} events over ${mix.size} topics)`,
    );
    console.log(
      `  mix: ${[...mix]
        .sort((a, b) => b[1] - a[1])
        .map(([t, n]) => `${t} ${fmt((100 * n) / log.length, 1)}%`)
        .join(', ')}`,
    );
    results = [await drain(s, ids, 'read models'), await drain(base, ids, 'baseline: pass-through handlers')];
  } finally {
    await s.close();
    await base.close();
  }
  const [applied, passThrough] = results as [Drain, Drain];
  console.log(drainLine(applied));
  console.log(drainLine(passThrough));
  const rate = (d: Drain) => d.applied / d.seconds;
  console.log(
    `  read models at x${fmt(rate(applied) / rate(passThrough), 2)} of the pass-through rate ` +
      `(${fmt((applied.seconds / applied.applied - passThrough.seconds / passThrough.applied) * 1e6, 1)} µs/event for the read models; aim: at least 5,000 events/s)`,
  );

  if (!PARTS.has('3')) return;
  // 3. A second instance from scratch: fresh database, its group moved back to before part 1 produced.
  const r = await startReporting(QUIET);
  try {
    await consumerOf(r).stop();
    await moveGroupTo(r.groupId, positions);
    const rebuilt = await drain(r, ids, 'rebuild (fresh instance)');
    console.log(`\nreporting bench: 3. rebuild from the topics (part 1's events into empty read models)`);
    console.log(drainLine(rebuilt, `: x${fmt(rate(rebuilt) / rate(applied), 2)} of part 1's rate`));
  } finally {
    await r.close();
  }
}

type Latency = {
  readonly label: string;
  readonly p50: number;
  readonly p95: number;
  readonly max: number;
  /** Answers other than 200 (timed too): the first one's status and body. */
  readonly failed: number;
  readonly firstFailure: string | null;
};

/** p50/p95/max of `REQUESTS` sequential GETs of `url` through Fastify's whole request path. */
async function latency(s: ReportingUnderTest, label: string, url: string): Promise<Latency> {
  const http = s.app.getHttpAdapter().getInstance();
  const get = async () => {
    const started = process.hrtime.bigint();
    const res = await http.inject({ method: 'GET', url, headers: { authorization: `Bearer ${READ_KEY}` } });
    const ms = secondsSince(started) * 1000;
    // A slow query can end in a timeout (5xx): counted and shown, so one row does not lose the others.
    if (res.statusCode !== 200) {
      failed += 1;
      firstFailure ??= `${res.statusCode} ${res.body.slice(0, 300)}`;
    }
    return ms;
  };
  let failed = 0;
  let firstFailure: string | null = null;
  for (let i = 0; i < 3; i++) await get();
  const times: number[] = [];
  for (let i = 0; i < REQUESTS; i++) times.push(await get());
  times.sort((a, b) => a - b);
  const at = (p: number) => times[Math.min(times.length - 1, Math.ceil(p * times.length) - 1)] ?? 0;
  return { label, p50: at(0.5), p95: at(0.95), max: times[times.length - 1] ?? 0, failed, firstFailure };
}

/** Part 2. */
async function dashboardLatency(): Promise<void> {
  const s = await startReporting(QUIET);
  try {
    // The read models are built in bulk; other runs' events must not move them meanwhile.
    await consumerOf(s).stop();
    const window = twoYears();
    const state = await buildBulkState(
      s.db,
      { currency: s.config.REPORTING_CURRENCY },
      { leads: LEADS, events: EVENTS_BEHIND, window, seed: 16 },
      progress,
    );
    const rows = async (table: string) =>
      (await s.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]?.n ?? 0;
    const [leads, daily, monthly, sla] = [
      await rows('reporting_leads'),
      await rows('reporting_daily'),
      await rows('reporting_monthly'),
      await rows('reporting_sla'),
    ];
    const month = parsePeriod(new Date(window.to).toISOString().slice(0, 7));
    if (!month) throw new Error('no month period for the window');
    const periods = [
      previousPeriod(quarterOf(window.to)),
      previousPeriod(month),
      previousPeriod(weekOf(window.to)),
    ];
    const queries: [string, string][] = [['baseline: GET /health/live', '/health/live']];
    for (const p of periods) {
      queries.push([`dashboard ${p.id}`, `/v1/dashboard?period=${p.id}`]);
      for (const [kind, value] of Object.entries(FILTERS))
        queries.push([`dashboard ${p.id} ${kind}=${value}`, `/v1/dashboard?period=${p.id}&${kind}=${value}`]);
    }
    const week = periods[2]!.id;
    queries.push(['filters', '/v1/filters'], [`review ${week}`, `/v1/reviews/${week}`]);
    const results: Latency[] = [];
    for (const [label, url] of queries) {
      results.push(await latency(s, label, url));
      progress(`${label}: p95 ${fmt(results[results.length - 1]!.p95, 1)} ms`);
    }
    console.log(
      `\nreporting bench: 2. dashboard API latency, ${fmt(REQUESTS)} requests each (${fmt(state.leads)} leads, ` +
        `${fmt(state.events)} events behind them, built in ${fmt(state.seconds, 0)} s)`,
    );
    console.log(
      `  rows: reporting_leads ${fmt(leads)}, reporting_sla ${fmt(sla)}, reporting_daily ${fmt(daily)}, reporting_monthly ${fmt(monthly)}`,
    );
    const [health, ...rest] = results as [Latency, ...Latency[]];
    for (const r of results)
      console.log(
        `  ${r.label.padEnd(40)} p50 ${fmt(r.p50, 1).padStart(7)} ms  p95 ${fmt(r.p95, 1).padStart(7)} ms  max ${fmt(r.max, 1).padStart(7)} ms` +
          (r === health ? '' : `  p95 x${fmt(r.p95 / health.p95, 0)} baseline`) +
          (r.failed ? `  ${r.failed} of ${REQUESTS + 3} not 200, first: ${r.firstFailure}` : ''),
      );
    const worst = rest.reduce((a, b) => (b.p95 > a.p95 ? b : a));
    console.log(`  worst p95: ${worst.label} ${fmt(worst.p95, 1)} ms (aim: under 200 ms)`);
  } finally {
    await s.close();
  }
}

async function main(): Promise<void> {
  if (PARTS.has('3') && !PARTS.has('1')) throw new Error('BENCH_PARTS: part 3 replays part 1, add 1');
  if (PARTS.has('1')) {
    const producer = new EventProducer('reporting-bench');
    await producer.connect();
    try {
      await throughput(producer);
    } finally {
      await producer.close();
    }
  }
  if (PARTS.has('2')) await dashboardLatency();
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
