import { join } from 'node:path';
import { freePort, spawnTs, waitFor } from '@smarketing/testing';
import { applyLog, lifecycleLog, type LogEntry } from '../src/app/__tests__/lifecycle-fixture';
import { MemoryReporting } from '../src/app/__tests__/memory-tx';
import { DashboardQueries } from '../src/app/queries';
import { GetDashboard } from '../src/app/use-cases/get-dashboard.use-case';
import { GetWeeklyReview } from '../src/app/use-cases/get-weekly-review.use-case';
import type { DashboardView, WeeklyReview } from '../src/app/views';
import { TOPIC_OF } from './support/log-topics';
import { EventProducer, startReporting, type ReportingUnderTest } from './support/reporting-harness';

const settings = { currency: 'USD', minorPerUnit: 100, customerLifeMonths: 36 };

/**
 * The synthetic lifecycle log as Avro records on every topic reporting reads, through the real
 * consumer (inbox, batches) into PostgreSQL; the dashboard and the review read back through the
 * app's DashboardQueries equal those the in-memory stores give for the same log (whose numbers
 * the unit specs pin by hand).
 */
describe('reporting: the topics end as the dashboard numbers', () => {
  let s: ReportingUnderTest;
  const producer = new EventProducer();
  let expected: { dashboard: DashboardView; review: WeeklyReview };

  beforeAll(async () => {
    s = await startReporting();
    await producer.connect();
    const memory = new MemoryReporting();
    await applyLog(lifecycleLog(), memory.tx, { currency: 'USD' });
    expected = {
      dashboard: await new GetDashboard(memory.transactions, settings).execute({
        period: '2026-11',
        filters: {},
      }),
      review: await new GetWeeklyReview(memory.transactions, settings).execute({ week: '2026-W45' }),
    };
  });

  afterAll(async () => {
    await producer?.close();
    await s?.close();
  });

  let producedFrom = '';

  it('applies every topic of the log and serves the dashboard and the review the in-memory stores give', async () => {
    const log = lifecycleLog();
    // The rebuild below replays from here (the topics are shared with other runs).
    producedFrom = new Date(Date.now() - 1_000).toISOString();
    // Within a topic in log order (a key's events keep their order on the wire); across topics, no order at all.
    const sent: string[] = [];
    for (const topic of Object.keys(TOPIC_OF) as LogEntry['topic'][]) {
      const values = log.filter((e) => e.topic === topic).map((e) => e.event.value);
      sent.push(...(await producer.send(TOPIC_OF[topic], values as never[])));
    }
    // Every event of ours through the inbox (each batch commits its read-model changes with it), then
    // compare. Only ours: other runs' services may be publishing on the same topics meanwhile.
    await waitFor(
      async () => {
        const [row] = await s.db.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM messaging_inbox WHERE event_id = ANY($1::uuid[])`,
          [sent],
        );
        return (row?.n ?? 0) >= log.length;
      },
      { description: `all ${log.length} events applied`, timeoutMs: 60_000 },
    );
    const queries = s.app.get(DashboardQueries);
    const dashboard = await queries.dashboard({ period: '2026-11', filters: {} });
    expect(dashboard).toEqual(expected.dashboard);
    expect(await queries.weeklyReview({ week: '2026-W45' })).toEqual(expected.review);
    const fresh = await queries.freshness();
    expect(fresh.version).toBeGreaterThan(0);
  });

  it('rebuilds the read models from the topics (the rebuild command) to the same dashboard and review', async () => {
    const { groupId, config, db } = s;
    await s.close({ keepDatabase: true });
    const port = await freePort();
    const rebuild = spawnTs(join(__dirname, '../src/infra/rebuild/rebuild.main.ts'), {
      DATABASE_URL: db.url,
      CONSUMER_GROUP: groupId,
      PORT: String(port),
      API_KEYS: config.API_KEYS,
      LOG_LEVEL: 'warn',
      REBUILD_SINCE: producedFrom,
    });
    const { code } = await rebuild.exited;
    if (code !== 0) throw new Error(`rebuild exited ${code}:\n${rebuild.output()}`);
    expect(rebuild.output()).toContain('rebuild: done');
    s = await startReporting({}, { db, groupId });
    const queries = s.app.get(DashboardQueries);
    expect(await queries.dashboard({ period: '2026-11', filters: {} })).toEqual(expected.dashboard);
    expect(await queries.weeklyReview({ week: '2026-W45' })).toEqual(expected.review);
    expect(await queries.rebuildStatus()).toMatchObject({ state: 'done' });
  });
});
