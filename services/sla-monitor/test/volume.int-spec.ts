import { randomUUID } from 'node:crypto';
import { TOPICS } from '@smarketing/contracts';
import { waitFor } from '@smarketing/testing';
import { lifecycleChanged } from './support/events';
import { ManualClock } from './support/manual-clock';
import { EventProducer, startSlaMonitor, type SlaMonitorUnderTest } from './support/sla-monitor-harness';
import { StatusCollector } from './support/status-collector';

const DAY = 86_400_000;
const JAN = Date.UTC(2026, 0, 1);

/** Marketing's volume and quality SLA over a month of sample MQLs, on the real stack, skipping time. */
describe('sla-monitor: the volume SLA over a month', () => {
  let s: SlaMonitorUnderTest;
  const clock = new ManualClock(JAN + 60_000);
  const producer = new EventProducer();
  const out = new StatusCollector();
  const policyId = `int-volume-${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    s = await startSlaMonitor({ clock, env: { TIMER_WORKER: 'off' } });
    await producer.connect();
    out.watch(policyId);
    await out.start();
  });

  afterAll(async () => {
    await out?.stop();
    await producer?.close();
    await s?.close();
  });

  it('is at risk, then on track, then at risk as MQLs stop, and missed at the end, with the quality floor met', async () => {
    const published = await s.post('/v1/policies', {
      id: policyId,
      version: 1,
      name: '40 MQLs in January, 50% accepted',
      kind: 'volume',
      period: 'month',
      timeZone: 'UTC',
      targetMqls: 40,
      qualityFloor: 0.5,
      evaluateEveryHours: 24 * 7,
    });
    expect(published.status).toBe(201);
    await s.fireDue(); // the evaluation on publication: nothing yet

    // Ten MQLs in the first week, six of them accepted by sales.
    const leads = Array.from({ length: 10 }, () => randomUUID());
    await producer.send(
      TOPICS.lifecycleChanged,
      leads.map((leadId, i) => lifecycleChanged(leadId, JAN + (i % 7) * DAY + 3_600_000)),
    );
    await producer.send(
      TOPICS.lifecycleChanged,
      leads.slice(0, 6).map((leadId, i) => lifecycleChanged(leadId, JAN + (i % 7) * DAY + 7_200_000, 'sal')),
    );
    await waitFor(
      async () => {
        const [row] = await s.db.query<{ n: number; a: number }>(
          `SELECT count(*)::int AS n, count(accepted_at)::int AS a FROM sla_monitor_mqls`,
        );
        return row?.n === 10 && row.a === 6;
      },
      { description: 'ten MQLs, six accepted' },
    );

    clock.set(Date.UTC(2026, 1, 1, 1));
    await s.fireDue();
    // One per event id: the relay may publish one twice.
    const distinct = () => [...new Map(out.volume.map((e) => [e.eventId, e])).values()];
    await out.until(() => distinct().length >= 6, 'six evaluations');
    const unique = distinct().sort((a, b) => a.occurredAt - b.occurredAt);
    expect(
      unique.map((e) => [new Date(e.occurredAt).toISOString().slice(0, 10), e.status, e.actualMqls]),
    ).toEqual([
      ['2026-01-01', 'at_risk', 0],
      ['2026-01-08', 'on_track', 10],
      ['2026-01-15', 'at_risk', 10],
      ['2026-01-22', 'at_risk', 10],
      ['2026-01-29', 'at_risk', 10],
      ['2026-02-01', 'missed', 10],
    ]);
    expect(unique.at(-1)).toMatchObject({
      final: true,
      acceptedMqls: 6,
      acceptedShare: 0.6,
      qualityStatus: 'met',
      targetMqls: 40,
      periodStart: JAN,
      periodEnd: Date.UTC(2026, 1, 1),
    });
  });
});
