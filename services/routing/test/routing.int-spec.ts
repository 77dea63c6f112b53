import { randomUUID } from 'node:crypto';
import { dlqTopicName, TOPICS } from '@smarketing/contracts';
import { readTopic, topicPositions, waitFor } from '@smarketing/testing';
import { becameMql, leadUpserted, slaBreached } from './support/events';
import {
  AssignedCollector,
  EventProducer,
  routeEverythingTo,
  startRouting,
  type RoutingUnderTest,
} from './support/routing-harness';

/** lifecycle-changed and sla-status-changed in, lead-assigned out, on the real broker, registry and PostgreSQL. */
describe('routing on the real stack', () => {
  let s: RoutingUnderTest;
  const producer = new EventProducer();
  const collector = new AssignedCollector();

  beforeAll(async () => {
    s = await startRouting();
    await producer.connect();
    await collector.start();
    await routeEverythingTo(s, ['ada', 'bob', 'cy'], 2);
  });

  afterAll(async () => {
    await collector.stop();
    await producer?.close();
    await s?.close();
  });

  it('assigns an MQL: lead-assigned with its trace on the topic, the history over the API', async () => {
    const leadId = randomUUID();
    collector.watch(leadId);
    const at = Date.now() - 60_000;
    await producer.send(TOPICS.leadUpserted, [
      leadUpserted(leadId, at - 1_000, { country: 'DE', region: 'EMEA', employeeCount: 300 }),
    ]);
    const [mqlEventId] = await producer.send(TOPICS.lifecycleChanged, [becameMql(leadId, at)]);

    await waitFor(() => collector.of(leadId).length > 0, { description: `lead-assigned of ${leadId}` });
    const [assigned] = collector.of(leadId);
    expect(assigned).toMatchObject({
      leadId,
      kind: 'initial',
      via: 'pool',
      ruleId: 'all',
      ruleVersion: 2,
      poolId: 'test-pool',
      cycle: 1,
      causeEventId: mqlEventId,
      occurredAt: at,
    });
    expect(['ada', 'bob', 'cy']).toContain(assigned?.repId);
    expect(assigned?.eventId).toBe(assigned?.assignmentId);

    const history = await s.get(`/v1/leads/${leadId}/assignments`);
    expect(history.status).toBe(200);
    expect(history.body).toMatchObject({
      current: { leadId, status: 'assigned', repId: assigned?.repId, cycle: 1 },
      assignments: [
        {
          assignmentId: assigned?.assignmentId,
          outcome: 'assigned',
          rulesVersion: 2,
          candidates: [{ verdict: 'assigned' }],
        },
      ],
    });
  });

  it('reassigns on a breach of sla-status-changed to a rep who has not held the lead', async () => {
    const leadId = randomUUID();
    collector.watch(leadId);
    const at = Date.now() - 60_000;
    await producer.send(TOPICS.lifecycleChanged, [becameMql(leadId, at)]);
    await waitFor(() => collector.of(leadId).length === 1, { description: `first assignment of ${leadId}` });
    const first = collector.of(leadId)[0]?.repId as string;

    await producer.send(TOPICS.slaStatusChanged, [slaBreached(leadId, first, at + 30_000)]);
    await waitFor(() => collector.of(leadId).length === 2, { description: `reassignment of ${leadId}` });
    const second = collector.of(leadId)[1];
    expect(second).toMatchObject({ kind: 'reassignment', previousRepId: first, poolId: 'test-pool' });
    expect(second?.repId).not.toBe(first);
    expect(second?.candidates.find((c) => c.repId === first)?.verdict ?? 'not considered').not.toBe(
      'assigned',
    );
  });

  it('dead-letters a breach naming an unknown rep and goes on with the partition', async () => {
    const leadId = randomUUID();
    collector.watch(leadId);
    const dlq = dlqTopicName('routing', TOPICS.slaStatusChanged.name);
    const before = await topicPositions([dlq]);
    const at = Date.now() - 60_000;
    await producer.send(TOPICS.lifecycleChanged, [becameMql(leadId, at)]);
    await waitFor(() => collector.of(leadId).length === 1, { description: `first assignment of ${leadId}` });
    const owner = collector.of(leadId)[0]?.repId as string;
    // Same key, so same partition: the unknown rep first, then a good breach behind it.
    const [badId] = await producer.send(TOPICS.slaStatusChanged, [
      slaBreached(leadId, 'no-such-rep', at + 10_000, { slaRecordId: `bad-${leadId}` }),
      slaBreached(leadId, owner, at + 20_000),
    ]);

    await waitFor(() => collector.of(leadId).length === 2, {
      description: `reassignment of ${leadId} after the bad event`,
    });
    const dead = await waitFor(
      async () => {
        const records = await readTopic(dlq, { from: before.get(dlq) });
        return records.find((r) => r.headers['event-id'] === badId);
      },
      { description: `dead letter of ${badId}` },
    );
    expect(dead.headers).toMatchObject({
      'dlq-error-class': 'UnknownReferenceError',
      'dlq-original-topic': TOPICS.slaStatusChanged.name,
    });
    expect(dead.headers['dlq-error-message']).toContain('no-such-rep');
  });

  it('gives one assignment for a duplicated MQL (the same cycle under another event id)', async () => {
    const leadId = randomUUID();
    collector.watch(leadId);
    const at = Date.now() - 60_000;
    const ids = await producer.send(TOPICS.lifecycleChanged, [becameMql(leadId, at), becameMql(leadId, at)]);
    // Both copies consumed (in the inbox) before looking: one decision, one event.
    await waitFor(
      async () => {
        const rows = await s.db.query(
          `SELECT event_id FROM messaging_inbox WHERE consumer = 'routing' AND event_id = ANY($1::uuid[])`,
          [ids],
        );
        return rows.length === 2;
      },
      { description: `both copies of the MQL of ${leadId} consumed` },
    );
    await waitFor(() => collector.of(leadId).length >= 1, { description: `assignment of ${leadId}` });
    const history = await waitFor(
      async () => {
        const res = await s.get(`/v1/leads/${leadId}/assignments`);
        return res.status === 200 && (res.body as { assignments: unknown[] });
      },
      { description: `history of ${leadId}` },
    );
    expect(history.assignments).toHaveLength(1);
    expect(collector.of(leadId)).toHaveLength(1);
  });

  it('answers 400 with field paths for an invalid rep and an invalid rules document', async () => {
    const rep = await s.admin('PUT', '/v1/reps/bad-rep', {
      name: 'Bad',
      email: 'not-an-email',
      teamId: 'test-team',
      calendar: { timeZone: 'Nowhere/City', workingHours: { mon: ['17:00-09:00'] } },
    });
    expect(rep.status).toBe(400);
    expect((rep.body as { errors: { path: string }[] }).errors.map((e) => e.path)).toEqual(
      expect.arrayContaining(['email', 'calendar.timeZone', 'calendar.workingHours.mon[0]']),
    );
    const rules = await s.admin('POST', '/v1/rules', {
      version: 3,
      name: 'Broken',
      description: 'Broken',
      rules: [{ id: 'r', name: 'R', pool: 'missing', when: [{ field: 'colour', in: ['red'] }] }],
      pools: [
        { id: 'p', name: 'P', teamId: 'test-team', strategy: 'round_robin', members: [{ repId: 'ghost' }] },
      ],
      queues: [{ id: 'q', name: 'Q' }],
      defaultQueue: 'q',
    });
    expect(rules.status).toBe(400);
    expect((rules.body as { errors: { path: string }[] }).errors.map((e) => e.path)).toEqual(
      expect.arrayContaining(['rules[0].when[0].field']),
    );
  });

  it('refuses admin routes to a read key', async () => {
    const res = await s.app
      .getHttpAdapter()
      .getInstance()
      .inject({
        method: 'POST',
        url: '/v1/reps/ada/deactivate',
        headers: { authorization: `Bearer ${'test-read-key-0123456789abcdef-01234'}` },
      });
    expect(res.statusCode).toBe(403);
  });
});
