import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { TOPICS } from '@smarketing/contracts';
import {
  freePort,
  readTopic,
  repoRoot,
  spawnTs,
  topicPositions,
  waitFor,
  waitForOutboxDrained,
  type TsProcess,
} from '@smarketing/testing';
import { breaches, publishOneHourPolicy, startDueRecords } from './support/due-records';
import {
  ADMIN_KEY,
  freshDatabase,
  freshGroup,
  startSlaMonitor,
  type SlaMonitorUnderTest,
} from './support/sla-monitor-harness';

const N = 1_000;

/**
 * Durable timers across a kill -9 and across replicas: each of N timers fires exactly once in
 * effect (one breach step per record, one event id per breach on the topic), none before it is due.
 */
describe('sla-monitor: durable timers', () => {
  it('fires each of 1,000 timers exactly once, none early, across a kill -9 of the service', async () => {
    const team = `team-${randomUUID().slice(0, 8)}`;
    const db = await freshDatabase();
    const groupId = await freshGroup();
    // The real service as a child process; the test creates the records through an in-process app
    // on the same database (timer worker off), once the child is up, due a moment later.
    const service = async (): Promise<TsProcess> => {
      const port = await freePort();
      // Absolute: nx runs this suite from the service's folder, the developer often from the repo root.
      const child = spawnTs(join(repoRoot(), 'services/sla-monitor/src/main.ts'), {
        DATABASE_URL: db.url,
        CONSUMER_GROUP: groupId,
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        API_KEYS: `admin:${ADMIN_KEY}`,
        TIMER_BATCH_SIZE: '25',
        TIMER_POLL_MS: '50',
      });
      await waitFor(
        async () => (await fetch(`http://127.0.0.1:${port}/health/live`).catch(() => undefined))?.ok === true,
        { timeoutMs: 120_000, description: 'the service answering' },
      ).catch((e: unknown) => {
        throw new Error(`${(e as Error).message}\n${child.output().slice(-3_000)}`);
      });
      return child;
    };
    const seeder = await startSlaMonitor({ db, groupId: await freshGroup(), env: { TIMER_WORKER: 'off' } });
    try {
      await publishOneHourPolicy(seeder, team);
      const positions = await topicPositions([TOPICS.slaStatusChanged.name]);
      const first = await service();
      const leadIds = await startDueRecords(seeder, team, N, Date.now() + 2_000, 4_000);
      await waitFor(async () => (await breaches({ db })).length >= N / 5, {
        timeoutMs: 120_000,
        description: 'first firings',
      });
      first.kill('SIGKILL');
      expect((await first.exited).signal).toBe('SIGKILL');
      expect((await breaches({ db })).length).toBeLessThan(N);

      // Restarted: the overdue timers fire at start-up, the rest when they come due.
      const second = await service();
      await waitFor(async () => (await breaches({ db })).length >= N, {
        timeoutMs: 120_000,
        description: 'every timer fired',
      });
      await waitForOutboxDrained(db, { timeoutMs: 60_000 });
      second.kill('SIGTERM');
      await second.exited;

      const fired = await breaches({ db });
      expect(fired).toHaveLength(N);
      expect(new Set(fired.map((b) => b.record_id)).size).toBe(N);
      // Never early: the worker's clock at firing is at or after the due time (the breach's event time).
      expect(
        fired.filter((b) => b.fired_at === null || b.fired_at.getTime() < b.occurred_at.getTime()),
      ).toEqual([]);
      const [left] = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM sla_monitor_timers WHERE subject = 'record' AND kind = 'breach'`,
      );
      expect(left?.n).toBe(0);

      // On the topic: a repeat publish keeps its event id; one breach event id per record.
      const ours = new Set(leadIds);
      const from = positions.get(TOPICS.slaStatusChanged.name);
      const published = (await readTopic(TOPICS.slaStatusChanged.name, from ? { from } : {}))
        .filter((r) => r.key !== null && ours.has(r.key))
        .map((r) => r.headers['event-id']);
      const breachIds = new Set(fired.map((b) => b.event_id));
      expect(new Set(published.filter((id) => id !== undefined && breachIds.has(id))).size).toBe(N);
    } finally {
      await seeder.close();
    }
    // Two service processes (each compiles its TypeScript at start-up) and 1,000 records: minutes on a
    // loaded 2-core CI machine, more than the preset's 3.
  }, 420_000);

  it('never fires a timer twice with two replicas on one database', async () => {
    const team = `team-${randomUUID().slice(0, 8)}`;
    const seeder = await startSlaMonitor({ env: { TIMER_WORKER: 'off' } });
    await publishOneHourPolicy(seeder, team);
    // Overdue already: both replicas start on a full backlog at once.
    await startDueRecords(seeder, team, N, Date.now() - 60_000, 30_000);
    await seeder.close({ keepDatabase: true });
    const replicas: SlaMonitorUnderTest[] = [];
    try {
      const groupId = await freshGroup();
      const env = { TIMER_BATCH_SIZE: '20', TIMER_CONCURRENCY: '3', TIMER_POLL_MS: '20' };
      replicas.push(await startSlaMonitor({ db: seeder.db, groupId, env }));
      replicas.push(await startSlaMonitor({ db: seeder.db, groupId, env }));
      await waitFor(async () => (await breaches(seeder)).length >= N, {
        timeoutMs: 120_000,
        description: 'every timer fired',
      });
      await new Promise((r) => setTimeout(r, 500));
      const fired = await breaches(seeder);
      expect(fired).toHaveLength(N);
      expect(new Set(fired.map((b) => b.record_id)).size).toBe(N);
      expect(new Set(fired.map((b) => b.event_id)).size).toBe(N);
    } finally {
      for (const r of replicas) await r.close({ keepDatabase: true });
      await seeder.db.drop();
    }
  }, 420_000);
});
