/**
 * Durable timers on the real PostgreSQL (and the stack's broker for the outbox). Prints figures only.
 *   npm run -w @smarketing/sla-monitor bench        (BENCH_PENDING, BENCH_DUE, BENCH_RATE to change the sizes)
 * 1. scheduled/s: assignments turned into SLA records with their timer, through the service's use case;
 * 2. fired/s on a backlog of BENCH_DUE overdue timers, with ~0 and with BENCH_PENDING other timers
 *    pending (the cost per timer must not grow with the number pending), against a baseline measured
 *    in the same run: claiming and deleting the same number of bare timer rows with no effect;
 * 3. lateness (p50, p99 after the due time) with the timer worker running while BENCH_DUE timers come
 *    due at BENCH_RATE per second, BENCH_PENDING others pending.
 */
import { randomUUID } from 'node:crypto';
import { waitFor } from '@smarketing/testing';
import { FireDueTimers } from '../src/app/use-cases/fire-due-timers.use-case';
import { TimerWorker } from '../src/infra/timers/timer-worker';
import { breaches, publishOneHourPolicy, startDueRecords } from '../test/support/due-records';
import { startSlaMonitor, type SlaMonitorUnderTest } from '../test/support/sla-monitor-harness';

const PENDING = Number(process.env.BENCH_PENDING ?? 100_000);
const DUE = Number(process.env.BENCH_DUE ?? 20_000);
const RATE = Number(process.env.BENCH_RATE ?? 2_000);
const DAY = 86_400_000;

const seconds = (since: bigint): number => Number(process.hrtime.bigint() - since) / 1e9;
const fmt = (n: number, d = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;

const pending = async (s: SlaMonitorUnderTest): Promise<number> =>
  Number((await s.db.query<{ n: string }>(`SELECT count(*) AS n FROM sla_monitor_timers`))[0]?.n ?? 0);

/** Fires every due timer with `loops` rounds at once (the worker's concurrency), returns fired/s. */
async function drain(s: SlaMonitorUnderTest, loops: number): Promise<{ fired: number; perSecond: number }> {
  const fire = s.app.get(FireDueTimers);
  const started = process.hrtime.bigint();
  const counts = await Promise.all(
    Array.from({ length: loops }, async () => {
      let n = 0;
      for (;;) {
        const { claimed } = await fire.execute();
        if (!claimed) return n;
        n += claimed;
      }
    }),
  );
  const fired = counts.reduce((a, b) => a + b, 0);
  return { fired, perSecond: fired / seconds(started) };
}

/** The baseline: the same claim statement on bare rows (no record, no outbox), per second. */
async function bareClaims(s: SlaMonitorUnderTest, n: number, batch: number, loops: number): Promise<number> {
  await s.db.query(`CREATE TABLE bench_bare_timers (LIKE sla_monitor_timers INCLUDING ALL)`);
  await s.db.query(
    `INSERT INTO bench_bare_timers (subject, subject_id, kind, due_at)
     SELECT 'record', gen_random_uuid()::text, 'breach', now() - interval '1 minute' FROM generate_series(1, $1::int)`,
    [n],
  );
  await s.db.query(`ANALYZE bench_bare_timers`);
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: loops }, async () => {
      for (;;) {
        const rows = await s.db.query(
          `WITH due AS (SELECT timer_id FROM bench_bare_timers WHERE due_at <= now() ORDER BY due_at LIMIT $1 FOR UPDATE SKIP LOCKED)
           DELETE FROM bench_bare_timers t USING due WHERE t.timer_id = due.timer_id RETURNING t.timer_id`,
          [batch],
        );
        if (!rows.length) return;
      }
    }),
  );
  const perSecond = n / seconds(started);
  await s.db.query(`DROP TABLE bench_bare_timers`);
  return perSecond;
}

async function main(): Promise<void> {
  const s = await startSlaMonitor({ env: { LOG_LEVEL: 'error', TIMER_WORKER: 'off' } });
  const team = `bench-${randomUUID().slice(0, 8)}`;
  try {
    await publishOneHourPolicy(s, team);
    // One record (and one timer) per assignment: the bundled disposition policy no longer applies to anyone.
    const disposition = (await s.get('/v1/policies/disposition-default')).body as { document: object };
    await s.post('/v1/policies', { ...disposition.document, version: 2, appliesTo: { teams: ['nobody'] } });
    const loops = s.config.TIMER_CONCURRENCY;
    const batch = s.config.TIMER_BATCH_SIZE;
    await drain(s, loops); // the volume policies' first checkpoints

    // Warm-up (JIT, calendar cache, prepared statements), not reported.
    await startDueRecords(s, team, 2_000, Date.now() - 60_000, 10_000);
    await drain(s, loops);

    // 2a. fired/s with almost nothing else pending.
    await startDueRecords(s, team, DUE, Date.now() - 120_000, 60_000);
    const fewPending = await pending(s);
    const small = await drain(s, loops);

    // 1. scheduled/s: PENDING records with timers due in a day.
    const scheduling = process.hrtime.bigint();
    await startDueRecords(s, team, PENDING, Date.now() + DAY, 3_600_000);
    const scheduledPerSecond = PENDING / seconds(scheduling);
    await s.db.query(`ANALYZE sla_monitor_timers`);

    // 2b. fired/s with PENDING others pending.
    await startDueRecords(s, team, DUE, Date.now() - 120_000, 60_000);
    const manyPending = await pending(s);
    const large = await drain(s, loops);

    const bare = await bareClaims(s, DUE, batch, loops);

    // 3. lateness with the worker running while DUE timers come due at RATE/s.
    await s.db.query(`TRUNCATE sla_monitor_timeline`);
    const worker = new TimerWorker(s.app.get(FireDueTimers), {
      enabled: true,
      concurrency: loops,
      batchSize: batch,
      pollMs: s.config.TIMER_POLL_MS,
    });
    const firstDue = Date.now() + 20_000; // after the records are in
    await startDueRecords(s, team, DUE, firstDue, (DUE / RATE) * 1_000);
    worker.onApplicationBootstrap();
    await waitFor(async () => (await breaches(s)).length >= DUE, {
      timeoutMs: 600_000,
      intervalMs: 500,
      description: 'every timer fired',
    });
    await worker.beforeApplicationShutdown();
    const lateness = (await breaches(s))
      .map((b) => (b.fired_at?.getTime() ?? Infinity) - b.occurred_at.getTime())
      .sort((a, b) => a - b);

    console.log(
      `\nsla-monitor timers bench (timer batch ${batch}, ${loops} rounds at once, poll ${s.config.TIMER_POLL_MS} ms; one PostgreSQL)`,
    );
    console.log(
      `  scheduled        ${fmt(scheduledPerSecond).padStart(8)} timers/s (assignment → record + timer + outbox event)`,
    );
    console.log(
      `  fired, ${fmt(fewPending).padStart(7)} pending ${fmt(small.perSecond).padStart(8)} timers/s (${fmt(small.fired)} overdue; record, status event, outbox)`,
    );
    console.log(
      `  fired, ${fmt(manyPending).padStart(7)} pending ${fmt(large.perSecond).padStart(8)} timers/s`,
    );
    console.log(
      `  cost per timer, ${fmt(manyPending)} vs ${fmt(fewPending)} pending: x${fmt(small.perSecond / large.perSecond, 2)}`,
    );
    console.log(
      `  baseline: bare claim+delete of ${fmt(DUE)} rows ${fmt(bare)} timers/s; firing with effects is x${fmt(bare / large.perSecond, 2)} its cost`,
    );
    console.log(
      `  lateness at ${fmt(RATE)} due/s (${fmt(lateness.length)} timers): p50 ${fmt(percentile(lateness, 0.5))} ms, p99 ${fmt(percentile(lateness, 0.99))} ms, max ${fmt(lateness.at(-1) ?? 0)} ms; early: ${lateness.filter((l) => l < 0).length}`,
    );
  } finally {
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
