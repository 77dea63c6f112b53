import { randomUUID } from 'node:crypto';
import { TOPICS } from '@smarketing/contracts';
import { TransactionRunner } from '@smarketing/messaging';
import { waitFor, waitForOutboxDrained } from '@smarketing/testing';
import { ApplyLifecycleChanges } from '../src/app/use-cases/apply-lifecycle-changes.use-case';
import { routingTx } from '../src/infra/persistence/routing-tx';
import { becameMql } from './support/events';
import {
  EventProducer,
  routeEverythingTo,
  startRouting,
  type RoutingUnderTest,
} from './support/routing-harness';

/** Two replicas, one database, one consumer group, one pool: the pool's row lock is the only arbiter. */
describe('routing: two replicas on one pool', () => {
  let a: RoutingUnderTest;
  let b: RoutingUnderTest;
  const producer = new EventProducer();
  const REPS = ['r1', 'r2', 'r3', 'r4'];

  beforeAll(async () => {
    a = await startRouting({ env: { CONSUMER_MAX_BATCH_SIZE: '20' } });
    b = await startRouting({ replicaOf: a, env: { CONSUMER_MAX_BATCH_SIZE: '20' } });
    await producer.connect();
    await routeEverythingTo(a, REPS, 2);
  });

  afterAll(async () => {
    await producer?.close();
    await b?.close();
    await a?.close();
  });

  const assignments = () =>
    a.db.query<{ lead_id: string; position: string; rep_id: string }>(
      `SELECT lead_id, position, rep_id FROM routing_assignments WHERE pool_id = 'test-pool' AND outcome = 'assigned' ORDER BY position`,
    );

  it('never assigns a lead twice nor skips or repeats a turn, with events spread over every partition', async () => {
    const leads = Array.from({ length: 400 }, () => randomUUID());
    const at = Date.now() - 60_000;
    await producer.send(
      TOPICS.lifecycleChanged,
      leads.map((id, i) => becameMql(id, at + i)),
    );
    const rows = await waitFor(
      async () => {
        const r = await assignments();
        return r.length >= leads.length && r;
      },
      { timeoutMs: 120_000, description: '400 assignments' },
    );
    expect(new Set(rows.map((r) => r.lead_id)).size).toBe(leads.length);
    expect(rows.map((r) => Number(r.position))).toEqual(leads.map((_, i) => i + 1));
    // Strict round robin over 4 equal reps: 100 each.
    const perRep = new Map<string, number>();
    for (const r of rows) perRep.set(r.rep_id, (perRep.get(r.rep_id) ?? 0) + 1);
    expect([...perRep.values()]).toEqual([100, 100, 100, 100]);
    await waitForOutboxDrained(a.db, { timeoutMs: 60_000 });
  });

  it('decides a cause once when both replicas apply it at the same moment', async () => {
    const leadId = randomUUID();
    const event = { eventId: randomUUID(), occurredAt: Date.now(), value: becameMql(leadId, Date.now()) };
    const applyOn = (s: RoutingUnderTest) =>
      s.app
        .get(TransactionRunner)
        .run((tx) => s.app.get(ApplyLifecycleChanges).execute([event], routingTx(tx)));
    const results = await Promise.allSettled([applyOn(a), applyOn(b), applyOn(a), applyOn(b)]);
    // Whichever lost the race on the lead row saw the decision and did nothing; none failed.
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'fulfilled']);
    const rows = await a.db.query(`SELECT assignment_id FROM routing_assignments WHERE lead_id = $1`, [
      leadId,
    ]);
    expect(rows).toHaveLength(1);
  });
});
