/**
 * Routing throughput and dry-run time on the real stack. Prints figures only.
 *   npm run -w @smarketing/routing bench          (BENCH_EVENTS, BENCH_HISTORY, BENCH_DRY_RUN_LEADS to change the sizes)
 * 1. assignments/s from pre-produced lifecycle-changed (MQL) to committed assignment + published lead-assigned,
 *    one pool of 10 reps (the baseline);
 * 2. the same with a pool of 1,000 reps (cost per assignment must not grow with the reps);
 * 3. the same with BENCH_HISTORY more past assignments stored (nor with the history);
 * 4. a dry run over BENCH_DRY_RUN_LEADS past sales-ready leads: seconds.
 */
import { randomUUID } from 'node:crypto';
import { TOPICS } from '@smarketing/contracts';
import { MessagingRuntime } from '@smarketing/messaging';
import { waitFor, waitForOutboxDrained } from '@smarketing/testing';
import { becameMql } from '../test/support/events';
import {
  ALWAYS_ON,
  EventProducer,
  startRouting,
  type RoutingUnderTest,
} from '../test/support/routing-harness';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 30_000);
const HISTORY = Number(process.env.BENCH_HISTORY ?? 500_000);
const DRY_RUN_LEADS = Number(process.env.BENCH_DRY_RUN_LEADS ?? 100_000);

const fmt = (n: number, d = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
const count = async (s: RoutingUnderTest, sql: string, params: unknown[] = []) =>
  Number((await s.db.query<{ n: string }>(sql, params))[0]?.n ?? 0);

const ok = (r: { status: number; body: unknown }, what: string) => {
  if (r.status >= 300) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.body)}`);
};

let version = 1;
/** A pool of n always-available reps (rep ids `<prefix>-<i>`, created once), then rules routing every lead to it. */
async function poolOf(s: RoutingUnderTest, n: number, prefix: string): Promise<string> {
  ok(await s.admin('PUT', '/v1/teams/bench', { name: 'Bench', calendar: ALWAYS_ON }), 'team');
  const repIds = Array.from({ length: n }, (_, i) => `${prefix}-${i}`);
  // Reps straight into the table (1,000 admin calls would only time the admin API), then one version bump.
  await s.db.query(
    `INSERT INTO routing_reps (rep_id, team_id, active, document)
     SELECT id, 'bench', true, jsonb_build_object('id', id, 'name', id, 'email', id || '@sales.example', 'teamId', 'bench',
       'territories', '[]'::jsonb, 'segments', '[]'::jsonb, 'weight', 1 + (row_number() OVER ()) % 3, 'caps', '{}'::jsonb,
       'outOfOffice', '[]'::jsonb, 'active', true)
     FROM unnest($1::text[]) AS id ON CONFLICT DO NOTHING`,
    [repIds],
  );
  await s.db.query(`UPDATE routing_meta SET org_version = org_version + 1`);
  version += 1;
  const poolId = `bench-${prefix}`;
  ok(
    await s.admin('POST', '/v1/rules', {
      version,
      name: `Bench ${n}`,
      description: `Every lead to a pool of ${n}`,
      rules: [
        {
          id: 'enterprise',
          name: 'Enterprise',
          when: [{ field: 'employees', min: 1_000_000 }],
          pool: poolId,
        },
        { id: 'all', name: 'All', pool: poolId },
      ],
      pools: [
        {
          id: poolId,
          name: poolId,
          teamId: 'bench',
          strategy: 'round_robin',
          members: repIds.map((repId) => ({ repId })),
        },
      ],
      queues: [{ id: 'unrouted', name: 'Unrouted' }],
      defaultQueue: 'unrouted',
    }),
    'rules',
  );
  return poolId;
}

/** Produces the MQLs while the consumer is stopped, then times consumption until every assignment is committed and published. */
async function run(s: RoutingUnderTest, producer: EventProducer, label: string, events = EVENTS) {
  const runtime = s.app.get(MessagingRuntime);
  await runtime.consumer.stop();
  const base = Date.now() - 3_600_000;
  const ids = await producer.send(
    TOPICS.lifecycleChanged,
    Array.from({ length: events }, (_, i) => becameMql(randomUUID(), base + i)),
  );
  const publishedBefore = runtime.relay.published;
  const started = process.hrtime.bigint();
  await runtime.consumer.start();
  // The inbox row of an event commits with its assignment (one transaction): counting ours by the
  // inbox's primary key stays cheap however much history the assignments table holds.
  await waitFor(
    async () =>
      (await count(
        s,
        `SELECT count(*) AS n FROM messaging_inbox WHERE consumer = 'routing' AND event_id = ANY($1::uuid[])`,
        [ids],
      )) >= events,
    { timeoutMs: 600_000, intervalMs: 250, description: `${label}: assignments committed` },
  );
  const applied = Number(process.hrtime.bigint() - started) / 1e9;
  await waitForOutboxDrained(s.db, {
    timeoutMs: 600_000,
    intervalMs: 50,
    description: `${label}: outbox published`,
  });
  const published = Number(process.hrtime.bigint() - started) / 1e9;
  const emitted = runtime.relay.published - publishedBefore;
  await s.db.query(`TRUNCATE messaging_inbox`);
  return {
    label,
    events,
    applied,
    published,
    emitted,
    perSecond: events / published,
    usPer: (published * 1e6) / events,
  };
}

/** Past assignments and sales-ready leads, bulk-inserted: the history a long-running instance carries. */
async function seedHistory(s: RoutingUnderTest, n: number, poolId: string): Promise<void> {
  const t = Date.now() - 30 * 86_400_000;
  await s.db.query(
    `INSERT INTO routing_leads (lead_id, country, region, industry, employees, source, cycle, status, owner_rep_id, pool_id, rule_id, held_before, reassignments)
     SELECT 'past-' || g, (ARRAY['US','DE','FR','SG'])[1 + g % 4], (ARRAY['NA','EMEA','EMEA','APAC'])[1 + g % 4],
            (ARRAY['software','retail','fintech'])[1 + g % 3], 20 + (g % 50) * 40, 'web', 1, 'assigned', 'p10-' || (g % 10), $2, 'all', ARRAY['p10-' || (g % 10)], 0
     FROM generate_series(1, $1::int) AS g`,
    [n, poolId],
  );
  await s.db.query(
    `INSERT INTO routing_sales_ready (lead_id, cycle, entered_at)
     SELECT 'past-' || g, 1, to_timestamp(($2::bigint + g * 1000) / 1000.0) FROM generate_series(1, $1::int) AS g`,
    [n, t],
  );
  await s.db.query(
    `INSERT INTO routing_assignments (assignment_id, lead_id, cause_key, cause_event_id, cycle, kind, outcome, rep_id, team_id, rule_id,
       rules_version, pool_id, position, candidates, reason, occurred_at)
     SELECT gen_random_uuid(), 'past-' || g, 'cycle:1', NULL, 1, 'initial', 'assigned', 'p10-' || (g % 10), 'bench', 'all', 2, $3, g,
            jsonb_build_array(jsonb_build_object('repId', 'p10-' || (g % 10), 'verdict', 'assigned')), 'seeded history',
            to_timestamp(($2::bigint + g * 1000) / 1000.0)
     FROM generate_series(1, $1::int) AS g`,
    [n, t, poolId],
  );
  for (const table of ['routing_leads', 'routing_assignments', 'routing_sales_ready'])
    await s.db.query(`ANALYZE ${table}`);
}

async function main(): Promise<void> {
  const s = await startRouting({ env: { LOG_LEVEL: 'error' } });
  const producer = new EventProducer();
  await producer.connect();
  try {
    const small = await poolOf(s, 10, 'p10');
    await run(s, producer, 'warm-up', 2_000);
    const ten = await run(s, producer, 'pool of 10 reps');
    await poolOf(s, 1_000, 'p1000');
    const thousand = await run(s, producer, 'pool of 1,000 reps');
    await seedHistory(s, HISTORY, small);
    const stored = await count(s, `SELECT count(*) AS n FROM routing_assignments`);
    const history = await run(s, producer, `1,000 reps, ${fmt(stored)} past`);

    // Dry run: the newest DRY_RUN_LEADS sales-ready leads through the draft (pool of 10) and the published (1,000).
    const total = await count(s, `SELECT count(*) AS n FROM routing_sales_ready`);
    const [edge] = await s.db.query<{ at: Date }>(
      `SELECT entered_at AS at FROM routing_sales_ready ORDER BY entered_at DESC OFFSET $1 LIMIT 1`,
      [Math.max(0, DRY_RUN_LEADS - 1)],
    );
    const draft = (await s.get('/v1/rules/2')).body as { document: Record<string, unknown> };
    const started = process.hrtime.bigint();
    const dry = await s.admin('POST', '/v1/rules/dry-run', {
      draft: { ...draft.document, version: 99 },
      from: (edge?.at ?? new Date(0)).toISOString(),
      to: new Date(Date.now() + 60_000).toISOString(),
      maxChanges: 10,
    });
    const dryWall = Number(process.hrtime.bigint() - started) / 1e9;
    ok(dry, 'dry run');
    const d = dry.body as {
      leads: number;
      seconds: number;
      changedOwners: number;
      draft: { gini: number };
      published: { gini: number };
    };

    console.log(
      `\nrouting bench (${fmt(EVENTS)} MQLs per run; consumer concurrency ${s.config.CONSUMER_CONCURRENCY}, max batch ${s.config.CONSUMER_MAX_BATCH_SIZE})`,
    );
    for (const r of [ten, thousand, history])
      console.log(
        `  ${r.label.padEnd(30)} ${fmt(r.perSecond).padStart(7)} assignments/s  ${fmt(r.usPer, 1).padStart(7)} µs/assignment  ` +
          `committed in ${fmt(r.applied, 2)} s, ${fmt(r.emitted)} events published by ${fmt(r.published, 2)} s`,
      );
    console.log(`  cost per assignment, 1,000 vs 10 reps: x${fmt(thousand.usPer / ten.usPer, 2)}`);
    console.log(
      `  cost per assignment, ${fmt(stored)} past assignments vs none: x${fmt(history.usPer / thousand.usPer, 2)}`,
    );
    console.log(
      `  dry run over ${fmt(d.leads)} of ${fmt(total)} past sales-ready leads: ${fmt(d.seconds, 2)} s in the service, ${fmt(dryWall, 2)} s over HTTP ` +
        `(changed owners ${fmt(d.changedOwners)}, Gini published ${fmt(d.published.gini, 3)} vs draft ${fmt(d.draft.gini, 3)})`,
    );
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
