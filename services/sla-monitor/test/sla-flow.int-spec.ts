import { randomUUID } from 'node:crypto';
import { dlqTopicName, TOPICS } from '@smarketing/contracts';
import { readTopic, topicPositions, waitFor } from '@smarketing/testing';
import { leadAssigned, salesActivity } from './support/events';
import { ManualClock } from './support/manual-clock';
import { EventProducer, startSlaMonitor, type SlaMonitorUnderTest } from './support/sla-monitor-harness';
import { StatusCollector } from './support/status-collector';

const HOUR = 3_600_000;
// Monday 2026-01-12 09:00 UTC; the test policy runs on a round-the-clock UTC calendar.
const T = Date.UTC(2026, 0, 12, 9);

/**
 * The per-lead SLA on the real broker, registry and PostgreSQL, with the clock injected: the test
 * moves it and fires the due timers (time skipping), while events flow through Kafka as in production.
 */
describe('sla-monitor: response SLA records on the real stack, skipping time', () => {
  let s: SlaMonitorUnderTest;
  const clock = new ManualClock(T);
  const producer = new EventProducer();
  const out = new StatusCollector();
  const team = `team-${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    s = await startSlaMonitor({ clock, env: { TIMER_WORKER: 'off' } });
    await producer.connect();
    await out.start();
    const calendar = await s.post('/v1/calendars', {
      id: 'int-always',
      version: 1,
      name: 'Round the clock, UTC',
      timeZone: 'UTC',
      week: Object.fromEntries(
        ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, [{ from: '00:00', to: '24:00' }]]),
      ),
    });
    expect(calendar.status).toBe(201);
    const policy = await s.post('/v1/policies', {
      id: 'int-response',
      version: 1,
      name: 'Test team: first touch within 4 business hours',
      kind: 'response',
      priority: 100,
      appliesTo: { teams: [team] },
      calendarId: 'int-always',
      target: { kind: 'business', hours: 4 },
      warningAt: 0.75,
      escalateAfter: { kind: 'business', hours: 1 },
      reassignAfter: { kind: 'business', hours: 2 },
    });
    expect(policy.status).toBe(201);
  });

  afterAll(async () => {
    await out?.stop();
    await producer?.close();
    await s?.close();
  });

  const assign = async (leadId: string, repId: string, at: number, over = {}) => {
    out.watch(leadId);
    await producer.send(TOPICS.leadAssigned, [leadAssigned(leadId, repId, at, { teamId: team, ...over })]);
  };
  const started = (leadId: string, repId = 'rep-1') =>
    out.until(
      () => out.of(leadId).find((e) => e.step === 'started' && e.repId === repId),
      `${leadId} started for ${repId}`,
    );
  const skipTo = async (t: number) => {
    clock.set(t);
    await s.fireDue();
  };

  it('walks assignment → warning → breach → escalation → reassignment request, and closes on the reassignment', async () => {
    const leadId = randomUUID();
    await assign(leadId, 'rep-1', T);
    const first = await started(leadId);
    expect(first).toMatchObject({
      policyId: 'int-response',
      policyVersion: 1,
      dueAt: T + 4 * HOUR,
      teamId: team,
    });

    await skipTo(T + 7 * HOUR);
    await out.until(() => out.steps(leadId).length === 5, 'the whole chain');
    expect(out.of(leadId).map((e) => [e.step, e.occurredAt - T])).toEqual([
      ['started', 0],
      ['warning', 3 * HOUR],
      ['breached', 4 * HOUR],
      ['escalated', 5 * HOUR],
      ['reassignment_requested', 6 * HOUR],
    ]);
    expect(out.of(leadId)[2]).toMatchObject({
      status: 'breached',
      causeKind: 'timer',
      elapsedBusinessMs: 4 * HOUR,
    });

    // Routing answers the reassignment request with a new assignment (kind reassignment).
    await assign(leadId, 'rep-2', T + 6.5 * HOUR, {
      kind: 'reassignment',
      previousRepId: 'rep-1',
      assignmentId: randomUUID(),
    });
    const second = await started(leadId, 'rep-2');
    expect(second.dueAt).toBe(T + 10.5 * HOUR);
    const old = await s.get(`/v1/records/${first.slaRecordId}`);
    expect(old.body).toMatchObject({ status: 'breached', closedAt: new Date(T + 6.5 * HOUR).toISOString() });
  });

  it('is met by a touch before the deadline, and no timer fires for it afterwards', async () => {
    const leadId = randomUUID();
    await assign(leadId, 'rep-1', T);
    await started(leadId);
    await producer.send(TOPICS.salesActivityRecorded, [salesActivity(leadId, 'rep-1', T + HOUR)]);
    const met = await out.until(() => out.of(leadId).find((e) => e.step === 'met'), 'met');
    expect(met).toMatchObject({ status: 'met', resolvedAt: T + HOUR, elapsedBusinessMs: HOUR });
    await skipTo(T + 12 * HOUR);
    const record = await s.get(`/v1/records/${met.slaRecordId}`);
    expect(record.body).toMatchObject({ status: 'met', timeline: [{ step: 'started' }, { step: 'met' }] });
    expect(out.steps(leadId)).toEqual(['started', 'met']);
  });

  it('turns a breach into met when a touch from before the deadline arrives late, superseding the breach', async () => {
    const leadId = randomUUID();
    await assign(leadId, 'rep-1', T);
    await started(leadId);
    await skipTo(T + 4.5 * HOUR);
    const breach = await out.until(() => out.of(leadId).find((e) => e.step === 'breached'), 'breached');
    await producer.send(TOPICS.salesActivityRecorded, [salesActivity(leadId, 'rep-1', T + 3.5 * HOUR)]);
    const corrected = await out.until(() => out.of(leadId).find((e) => e.step === 'corrected'), 'corrected');
    expect(corrected).toMatchObject({
      status: 'met',
      supersedesSequence: breach.sequence,
      resolvedAt: T + 3.5 * HOUR,
    });
    const record = await s.get(`/v1/records/${breach.slaRecordId}`);
    expect(record.body).toMatchObject({ status: 'met', breachedAt: null });
  });

  it('keeps a touch for a lead it has no clock for, and applies it when the assignment arrives', async () => {
    const leadId = randomUUID();
    await producer.send(TOPICS.salesActivityRecorded, [salesActivity(leadId, 'rep-1', T + 0.5 * HOUR)]);
    await waitFor(
      async () =>
        (await s.db.query(`SELECT 1 FROM sla_monitor_lead_facts WHERE lead_id = $1`, [leadId])).length === 1,
      { description: 'the touch kept as a fact' },
    );
    await assign(leadId, 'rep-1', T);
    await out.until(() => out.steps(leadId).join() === 'started,met' && true, 'started and met at once');
  });

  it('pauses and resumes a record over the admin API: paused time does not count', async () => {
    const leadId = randomUUID();
    await assign(leadId, 'rep-1', T);
    const first = await started(leadId);
    const url = `/v1/records/${first.slaRecordId}`;
    const paused = await s.post(`${url}/pause`, {
      reason: 'waiting on the customer',
      at: new Date(T + HOUR).toISOString(),
    });
    expect(paused).toMatchObject({ status: 200, body: { status: 'paused', dueAt: null } });
    await skipTo(T + 8 * HOUR); // nothing is due while paused
    const resumed = await s.post(`${url}/resume`, {
      reason: 'the customer answered',
      at: new Date(T + 8 * HOUR).toISOString(),
    });
    expect(resumed).toMatchObject({
      status: 200,
      body: { status: 'running', dueAt: new Date(T + 11 * HOUR).toISOString() },
    });
    expect(await s.post(`${url}/resume`, { reason: 'again' })).toMatchObject({
      status: 409,
      body: { error: 'conflict' },
    });
    await out.until(
      () => out.steps(leadId).join() === 'started,paused,resumed' && true,
      'paused and resumed',
    );
    expect(out.of(leadId).at(-1)).toMatchObject({
      step: 'resumed',
      dueAt: T + 11 * HOUR,
      elapsedBusinessMs: HOUR,
    });
  });

  it('cancels the open clocks of an erased lead', async () => {
    const leadId = randomUUID();
    await assign(leadId, 'rep-1', T);
    await started(leadId);
    await producer.send(TOPICS.leadErased, [
      { leadId, erasureId: randomUUID(), requestedBy: 'api-keys:test', occurredAt: T + HOUR },
    ]);
    await out.until(() => out.of(leadId).find((e) => e.step === 'cancelled'), 'cancelled');
    expect(out.of(leadId).at(-1)).toMatchObject({ status: 'cancelled', causeKind: 'erasure' });
  });

  it('keeps no touch of an erased lead that is read after the erasure (the topics are read on their own)', async () => {
    const leadId = randomUUID();
    await producer.send(TOPICS.leadErased, [
      { leadId, erasureId: randomUUID(), requestedBy: 'api-keys:test', occurredAt: T + HOUR },
    ]);
    await waitFor(
      async () =>
        (await s.db.query(`SELECT 1 FROM sla_monitor_erased_leads WHERE lead_id = $1`, [leadId])).length ===
        1,
      { description: 'the erasure applied' },
    );
    const read = async () =>
      (
        await s.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM messaging_inbox WHERE topic = $1`, [
          TOPICS.salesActivityRecorded.name,
        ])
      )[0]?.n ?? 0;
    const before = await read();
    await producer.send(TOPICS.salesActivityRecorded, [salesActivity(leadId, 'rep-1', T + 0.5 * HOUR)]);
    await waitFor(async () => (await read()) > before, { description: 'the touch read' });
    expect(await s.db.query(`SELECT 1 FROM sla_monitor_lead_facts WHERE lead_id = $1`, [leadId])).toEqual([]);
  });

  it('dead-letters an assignment without a rep and goes on with the partition', async () => {
    const leadId = randomUUID();
    const dlq = dlqTopicName('sla-monitor', TOPICS.leadAssigned.name);
    const from = (await topicPositions([dlq])).get(dlq);
    out.watch(leadId);
    await producer.send(TOPICS.leadAssigned, [
      leadAssigned(leadId, '', T, { teamId: team }),
      leadAssigned(leadId, 'rep-1', T + 1, { teamId: team, assignmentId: randomUUID() }),
    ]);
    await started(leadId);
    const dead = await waitFor(
      async () => {
        const records = await readTopic(dlq, { ...(from ? { from } : {}) });
        return records.find((r) => r.key === leadId);
      },
      { description: 'the bad assignment on the dead-letter topic' },
    );
    expect(dead.headers['dlq-error-class']).toBe('InvalidEventError');
    expect(dead.headers['dlq-error-message']).toContain('repId');
  });
});
