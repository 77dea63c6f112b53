import { randomUUID } from 'node:crypto';
import { TOPICS } from '@smarketing/contracts';
import { waitFor } from '@smarketing/testing';
import { becameMql } from './support/events';
import {
  AssignedCollector,
  EventProducer,
  startRouting,
  type RoutingUnderTest,
} from './support/routing-harness';

/** A lead nobody can take now waits in its pool's queue on a durable timer, fired on the injected clock. */
describe('routing: held leads on the real stack', () => {
  let s: RoutingUnderTest;
  const producer = new EventProducer();
  const collector = new AssignedCollector();
  // A past Monday: 05:00 UTC is before the London rep starts at 09:00.
  const monday5 = Date.parse('2026-11-30T05:00:00Z');
  const nineLondon = Date.parse('2026-11-30T09:00:00Z');

  beforeAll(async () => {
    s = await startRouting();
    await producer.connect();
    await collector.start();
    const weekdays = Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, ['09:00-17:00']]));
    const calendar = { timeZone: 'Europe/London', workingHours: weekdays, holidays: { dates: [] } };
    expect((await s.admin('PUT', '/v1/teams/london', { name: 'London', calendar })).status).toBe(200);
    expect(
      (await s.admin('PUT', '/v1/reps/lon-1', { name: 'Lon', email: 'lon@sales.example', teamId: 'london' }))
        .status,
    ).toBe(200);
    const published = await s.admin('POST', '/v1/rules', {
      version: 2,
      name: 'London only',
      description: 'Hold what London cannot take yet',
      rules: [{ id: 'all', name: 'All', pool: 'london', whenNobodyEligible: { action: 'hold' } }],
      pools: [
        {
          id: 'london',
          name: 'London',
          teamId: 'london',
          strategy: 'round_robin',
          members: [{ repId: 'lon-1' }],
        },
      ],
      queues: [{ id: 'unrouted', name: 'Unrouted' }],
      defaultQueue: 'unrouted',
    });
    expect(published.status).toBe(201);
  });

  afterAll(async () => {
    await collector.stop();
    await producer?.close();
    await s?.close();
  });

  it("holds an MQL outside working hours and assigns it when the rep's hours begin, not before", async () => {
    const leadId = randomUUID();
    collector.watch(leadId);
    await producer.send(TOPICS.lifecycleChanged, [becameMql(leadId, monday5)]);
    const owner = await waitFor(
      async () => {
        const res = await s.get(`/v1/leads/${leadId}/owner`);
        return res.status === 200 && (res.body as { status: string }).status === 'held' && res.body;
      },
      { description: `${leadId} held` },
    );
    expect(owner).toMatchObject({ status: 'held', poolId: 'london', repId: null });
    const pool = await s.get('/v1/pools/london');
    expect(pool.body).toMatchObject({
      held: 1,
      heldLeads: [{ leadId, dueAt: new Date(nineLondon).toISOString() }],
    });

    s.clock.at = nineLondon - 1_000;
    expect(await s.tickHeld()).toBe(0);
    s.clock.at = nineLondon + 5_000;
    expect(await s.tickHeld()).toBe(1);

    await waitFor(() => collector.of(leadId).length === 1, { description: `lead-assigned of ${leadId}` });
    expect(collector.of(leadId)[0]).toMatchObject({
      repId: 'lon-1',
      kind: 'initial',
      occurredAt: nineLondon,
    });
    expect(await s.tickHeld()).toBe(0);
  });
});
