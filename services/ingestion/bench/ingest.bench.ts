// Benchmark (figures, never pass/fail): sustained events/s and p99 latency of POST /v1/batch and
// POST /v1/track on the real service (own process, real PostgreSQL and Kafka), on the same work on a
// bare Fastify route, and on a raw insert, in the same run (see the README). Sustained: where an
// outbox is involved, a run ends only once the relay has published every accepted event to Kafka,
// and events/s and CPU count that drain time too. Usage:
//   npm run -w @smarketing/ingestion bench -- [--duration 10] [--connections 10] [--batch-size 100]
//     [--only <text>]   only the runs whose label contains <text> (e.g. "service", "/v1/batch"), to
//                       profile one of them; ratios need the full set
import { createHash, randomBytes } from 'node:crypto';
import * as path from 'node:path';
import autocannon from 'autocannon';
import { createDataSource, migrate } from '@smarketing/persistence';
import {
  cpuSnapshot,
  cpuSpent,
  createTestDatabase,
  ensureStack,
  freePort,
  repoRoot,
  spawnTs,
  waitFor,
  waitForOutboxDrained,
  type CpuGroups,
  type TestDatabase,
  type TsProcess,
} from '@smarketing/testing';
import { migrations } from '../src/infra/migrations';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const DURATION = arg('duration', 10);
const CONNECTIONS = arg('connections', 10);
const BATCH = arg('batch-size', 100);
const ONLY = (() => {
  const i = process.argv.indexOf('--only');
  return i >= 0 ? (process.argv[i + 1] ?? '') : undefined;
})();
const ROOT = repoRoot();

/** A realistic batch: anonymous page views and tracks over a few visitors, some identifies. MSGID is replaced per request. */
function batchTemplate(size: number): string {
  const calls = Array.from({ length: size }, (_, i) => {
    const anonymousId = `anon-MSGID-${i % 10}`;
    if (i % 10 === 9)
      return {
        type: 'identify',
        messageId: `MSGID-${i}`,
        anonymousId,
        traits: {
          email: `lead-MSGID-${i}@company${i % 7}.example.com`,
          title: 'Marketing Manager',
          company: 'Example',
          employees: '51-200',
          country: 'DE',
        },
      };
    if (i % 3 === 0)
      return {
        type: 'track',
        messageId: `MSGID-${i}`,
        anonymousId,
        event: 'Whitepaper Downloaded',
        properties: { asset: 'guide.pdf' },
      };
    return {
      type: 'page',
      messageId: `MSGID-${i}`,
      anonymousId,
      name: 'Pricing',
      properties: { url: 'https://example.com/pricing?utm_source=google&utm_medium=cpc&utm_campaign=spring' },
    };
  });
  return JSON.stringify({ batch: calls });
}
const trackTemplate = JSON.stringify({
  messageId: 'MSGID-0',
  anonymousId: 'anon-MSGID',
  event: 'Demo Requested',
  properties: { form: 'hero' },
});

/** Starts a bench server (prints "listening" once it listens on PORT); returns it and its URL. */
async function startServer(
  file: string,
  env: Record<string, string>,
): Promise<{ proc: TsProcess; url: string }> {
  const port = await freePort();
  const proc = spawnTs(path.join(ROOT, file), { ...env, PORT: String(port) });
  await proc.waitForLine('listening');
  return { proc, url: `http://127.0.0.1:${port}` };
}

type Figures = {
  label: string;
  /** CPU seconds per 1,000 accepted events, per process group (Linux only; empty elsewhere). */
  cpuPerThousand: Map<string, number>;
  requestsPerSec: number;
  eventsPerSec: number;
  /** How long the outbox took to reach Kafka after the load stopped (counted in the rates). */
  drainMs: number;
  p99: number;
  non2xx: number;
  errors: number;
};

async function load(
  label: string,
  url: string,
  template: string,
  eventsPerRequest: number,
  headers: Record<string, string>,
  groups: CpuGroups,
  outbox?: TestDatabase,
): Promise<Figures> {
  const run = randomBytes(4).toString('hex');
  const before = cpuSnapshot(groups);
  let n = 0;
  const result = await autocannon({
    url,
    method: 'POST',
    connections: CONNECTIONS,
    duration: DURATION,
    headers: { 'content-type': 'application/json', ...headers },
    requests: [
      {
        setupRequest: (req: Record<string, unknown>) => ({
          ...req,
          body: template.replaceAll('MSGID', `${run}-${(n += 1)}`),
        }),
      },
    ],
  });
  const loadEnd = Date.now();
  if (outbox) await waitForOutboxDrained(outbox, { timeoutMs: 300_000, intervalMs: 20 });
  const drainMs = Date.now() - loadEnd;
  const seconds = DURATION + drainMs / 1000;
  const ok = result.requests.total - result.non2xx;
  const cpuPerThousand = new Map(
    [...cpuSpent(before, cpuSnapshot(groups))].map(([g, s]) => [
      g,
      (1000 * s) / Math.max(1, ok * eventsPerRequest),
    ]),
  );
  return {
    label,
    cpuPerThousand,
    requestsPerSec: ok / seconds,
    eventsPerSec: (ok * eventsPerRequest) / seconds,
    drainMs,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

async function migratedDatabase(name: string): Promise<TestDatabase> {
  const db = await createTestDatabase(name);
  const ds = createDataSource({ url: db.url, applicationName: 'ingestion-bench-migrate', migrations });
  await migrate(ds);
  await ds.destroy();
  return db;
}

/**
 * A fixed piece of CPU work (300,000 SHA-1 hashes), timed: this VM's host is sometimes busy, and
 * then every figure falls together. On this machine: about 600 ms when the host is quiet, up to
 * 2,000 ms when it is busy.
 */
function hostProbeMs(): number {
  const start = process.hrtime.bigint();
  let sink = 0;
  for (let i = 0; i < 300_000; i++) sink += createHash('sha1').update(`probe-${i}`).digest()[0] ?? 0;
  if (sink < 0) console.log(sink); // keeps the loop from being optimized away
  return Number(process.hrtime.bigint() - start) / 1e6;
}

const pct = (a: Figures, b: Figures): string => `${((100 * a.eventsPerSec) / b.eventsPerSec).toFixed(0)}%`;

async function main(): Promise<void> {
  await ensureStack();
  const db = await migratedDatabase('smarketing_test_ingestion_bench');
  const sameDb = await migratedDatabase('smarketing_test_ingestion_bench_same');
  const children: TsProcess[] = [];
  try {
    const writeKey = `bench-${randomBytes(16).toString('hex')}`;
    const appPort = await freePort();
    // BENCH_SERVICE_NODE_ARGS: extra node flags for the service (see the README's profiling line).
    const nodeArgs = (process.env.BENCH_SERVICE_NODE_ARGS ?? '').split(' ').filter(Boolean);
    const app = spawnTs(
      path.join(ROOT, 'services/ingestion/src/main.ts'),
      {
        DATABASE_URL: db.url,
        PORT: String(appPort),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        INGESTION_DEV_WRITE_KEY: writeKey,
        RATE_LIMIT_MAX: '100000000',
        CONSUMER_GROUP: `ingestion-bench-${randomBytes(4).toString('hex')}`,
        KAFKAJS_NO_PARTITIONER_WARNING: '1',
      },
      { nodeArgs },
    );
    children.push(app);
    const appUrl = `http://127.0.0.1:${appPort}`;
    await waitFor(async () => (await fetch(`${appUrl}/health/live`).catch(() => undefined))?.ok === true, {
      timeoutMs: 120_000,
      description: 'service up',
    }).catch((e: unknown) => {
      throw new Error(`${(e as Error).message}\n${app.output().slice(-3_000)}`);
    });
    const same = await startServer('services/ingestion/bench/same-work-server.ts', {
      DATABASE_URL: sameDb.url,
      KAFKAJS_NO_PARTITIONER_WARNING: '1',
    });
    children.push(same.proc);
    const bare = await startServer('services/ingestion/bench/bare-server.ts', { DATABASE_URL: db.url });
    children.push(bare.proc);
    const auth = { authorization: `Basic ${Buffer.from(`${writeKey}:`).toString('base64')}` };

    const groups: CpuGroups = {
      service: (p) => p.pid === app.child.pid,
      'same work': (p) => p.pid === same.proc.child.pid,
      'raw insert': (p) => p.pid === bare.proc.child.pid,
      postgres: (p) => p.comm === 'postgres',
      kafka: (p) => p.cmdline.includes(' kafka.Kafka '),
      'load gen': (p) => p.pid === process.pid,
    };
    const batch = batchTemplate(BATCH);
    const probeBefore = hostProbeMs();
    console.log(
      `warming up; then ${DURATION} s per run, ${CONNECTIONS} connections, ${BATCH} events per batch (${(batch.length / 1024).toFixed(1)} KB)`,
    );
    // Each shape (a 100-call batch, a single track) on each target, in this order.
    const targets = [
      { name: 'service', url: appUrl, prefix: '/v1', headers: auth, outbox: db },
      { name: 'same work', url: same.url, prefix: '/same', headers: {}, outbox: sameDb },
      { name: 'raw insert', url: bare.url, prefix: '/bare', headers: {}, outbox: undefined },
    ];
    const shapes = [
      { path: 'batch', template: batch, events: BATCH },
      { path: 'track', template: trackTemplate, events: 1 },
    ];
    type Run = {
      label: string;
      url: string;
      template: string;
      events: number;
      headers: Record<string, string>;
      outbox?: TestDatabase;
    };
    const runs: Run[] = shapes
      .flatMap((shape) =>
        targets.map((t) => ({
          label: `${t.name.padEnd(11)} POST ${t.prefix}/${shape.path}`,
          url: `${t.url}${t.prefix}/${shape.path}`,
          template: shape.template,
          events: shape.events,
          headers: t.headers,
          outbox: t.outbox,
        })),
      )
      .filter((r) => ONLY === undefined || r.label.includes(ONLY));
    const run = (r: Run, label = r.label) =>
      load(label, r.url, r.template, r.events, r.headers, groups, r.outbox);
    for (const r of runs.filter((r) => r.events > 1)) await run(r, 'warm-up');
    const figures: Figures[] = [];
    for (const r of runs) {
      // Each run starts from tidy tables: the previous runs' dead rows and stale statistics are
      // dealt with here, not by autovacuum in the middle of the next run (BENCH_NO_VACUUM=1: not).
      if (!process.env.BENCH_NO_VACUUM) for (const d of [db, sameDb]) await d.query('VACUUM (ANALYZE)');
      figures.push(await run(r));
    }
    console.log('');
    for (const f of figures) {
      console.log(
        `${f.label.padEnd(30)} ${f.eventsPerSec.toFixed(0).padStart(8)} events/s  ${f.requestsPerSec.toFixed(0).padStart(6)} req/s  p99 ${String(f.p99).padStart(5)} ms  drain ${String(f.drainMs).padStart(5)} ms  non-2xx ${f.non2xx}  errors ${f.errors}`,
      );
    }
    const cpuGroups = [...Object.keys(groups), 'machine', 'steal'];
    if (figures[0]?.cpuPerThousand.size) {
      console.log('');
      console.log(
        'CPU seconds per 1,000 accepted events, by process (machine: all cores, all processes; steal: of machine, CPU the hypervisor gave to other guests)',
      );
      console.log(`${''.padEnd(30)}${cpuGroups.map((g) => g.padStart(12)).join('')}`);
      for (const f of figures)
        console.log(
          `${f.label.padEnd(30)}${cpuGroups.map((g) => (f.cpuPerThousand.get(g) ?? 0).toFixed(3).padStart(12)).join('')}`,
        );
    }
    console.log('');
    console.log(
      `host probe (300,000 SHA-1 hashes; lower is faster, about 600 ms on a quiet host): ${probeBefore.toFixed(0)} ms before the runs, ${hostProbeMs().toFixed(0)} ms after`,
    );
    if (figures.length < 6) return; // --only: no ratios
    const [sb, wb, rb, st, wt, rt] = figures as [Figures, Figures, Figures, Figures, Figures, Figures];
    console.log('');
    console.log(
      `batch:  service / same work on a bare route = ${pct(sb, wb)} (aim >= 60%); service / raw insert = ${pct(sb, rb)}; ${sb.eventsPerSec.toFixed(0)} events/s through /v1/batch (aim >= 10,000)`,
    );
    console.log(
      `single: service / same work on a bare route = ${pct(st, wt)}; service / raw insert = ${pct(st, rt)}`,
    );
  } finally {
    for (const c of children) c.kill('SIGTERM');
    await Promise.all(children.map((c) => c.exited));
    await db.drop().catch(() => undefined);
    await sameDb.drop().catch(() => undefined);
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
