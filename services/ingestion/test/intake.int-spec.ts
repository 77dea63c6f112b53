import { randomUUID } from 'node:crypto';
import { DLQ_HEADER, INTAKE_TOPICS, TOPICS, dlqTopicName } from '@smarketing/contracts';
import { MessagingRuntime } from '@smarketing/messaging';
import { readTopic, stackEnv, waitFor, withAdmin } from '@smarketing/testing';
import { Kafka, logLevel } from 'kafkajs';
import { sourceEventId } from '../src/app/event-ids';
import { deriveLeadId, normalizeEmail } from '../src/domain';
import { CRM_INTAKE_SOURCE } from '../src/infra/messaging/crm-intake.handler';
import { SEGMENT_INTAKE_SOURCE } from '../src/infra/messaging/segment-intake.handler';
import { startTestApp, type TestApp } from './support/ingestion-app';
import { eventsSinceSuiteStart } from './support/topic-events';

/** Records keyed alike land in one partition, in order (producers should key Segment calls by userId or anonymousId). */
async function produce(topic: string, values: string[], key?: string): Promise<void> {
  const producer = new Kafka({
    clientId: 'ingestion-intake-test',
    brokers: stackEnv().brokers,
    logLevel: logLevel.NOTHING,
  }).producer();
  await producer.connect();
  try {
    await producer.send({ topic, messages: values.map((value) => ({ key: key ?? null, value })) });
  } finally {
    await producer.disconnect();
  }
}

describe('Kafka intake topics on the real stack', () => {
  const { eventsOn } = eventsSinceSuiteStart();
  let t: TestApp;
  const run = randomUUID().slice(0, 8);

  beforeAll(async () => {
    const existing = await withAdmin((admin) => admin.listTopics());
    const missing = [INTAKE_TOPICS.segment.name, INTAKE_TOPICS.crm.name].filter((n) => !existing.includes(n));
    if (missing.length)
      throw new Error(`intake topics missing (run the stack provisioning): ${missing.join(', ')}`);
    t = await startTestApp();
    await t.app.get(MessagingRuntime).consumer.joined();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('maps Segment calls and CRM facts from the intake topics, and dead-letters bad records with the reason', async () => {
    const email = `kafka-${run}@widgets-${run}.example.com`;
    const leadId = deriveLeadId(
      (normalizeEmail(email) as { email: Parameters<typeof deriveLeadId>[0] }).email,
    );
    await produce(
      INTAKE_TOPICS.segment.name,
      [
        JSON.stringify({
          type: 'identify',
          messageId: `ki-${run}`,
          userId: `ku-${run}`,
          traits: { email, title: 'Director of Sales' },
        }),
        JSON.stringify({
          type: 'track',
          messageId: `kt-${run}`,
          userId: `ku-${run}`,
          event: 'Webinar Attended',
        }),
        JSON.stringify({
          type: 'track',
          messageId: `kt-${run}`,
          userId: `ku-${run}`,
          event: 'Webinar Attended',
        }),
        JSON.stringify({ type: 'track', messageId: `kbad-${run}`, event: 7 }),
        `{not json ${run}`,
      ],
      `ku-${run}`,
    );
    await produce(INTAKE_TOPICS.crm.name, [
      JSON.stringify({
        kind: 'disposition',
        dispositionId: `kd-${run}`,
        email,
        repId: 'rep-k',
        disposition: 'accepted',
        occurredAt: '2025-05-01T10:00:00Z',
      }),
      JSON.stringify({
        kind: 'disposition',
        dispositionId: `kdbad-${run}`,
        repId: 'rep-k',
        disposition: 'maybe',
        occurredAt: 'yesterday',
      }),
    ]);

    await waitFor(
      async () => {
        const [row] = await t.db.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM ingestion_idempotency WHERE event_id = ANY($1::uuid[])`,
          [
            [
              sourceEventId(SEGMENT_INTAKE_SOURCE, `ki-${run}`),
              sourceEventId(SEGMENT_INTAKE_SOURCE, `kt-${run}`),
              sourceEventId(CRM_INTAKE_SOURCE, `disposition:kd-${run}`),
            ],
          ],
        );
        return row?.n === 3;
      },
      { timeoutMs: 60_000, description: 'intake records applied' },
    );
    await t.drained();

    const [upserted] = await eventsOn(TOPICS.leadUpserted, {
      eventIds: [sourceEventId(SEGMENT_INTAKE_SOURCE, `ki-${run}`)],
    });
    expect(upserted?.value).toMatchObject({ leadId, seniority: 'director', source: SEGMENT_INTAKE_SOURCE });
    const touchpoints = await eventsOn(TOPICS.touchpointRecorded, {
      eventIds: [sourceEventId(SEGMENT_INTAKE_SOURCE, `kt-${run}`)],
    });
    expect(touchpoints).toHaveLength(1);
    expect(touchpoints[0]?.value).toMatchObject({ leadId, type: 'webinar' });
    const dispositions = await eventsOn(TOPICS.leadDispositioned, { keys: [leadId] });
    expect(dispositions.map((d) => d.value.disposition)).toEqual(['accepted']);

    const dlq = await waitFor(
      async () => {
        const records = (await readTopic(dlqTopicName('ingestion', INTAKE_TOPICS.segment.name))).filter((r) =>
          r.value?.toString().includes(run),
        );
        return records.length >= 2 ? records : undefined;
      },
      { timeoutMs: 60_000, description: 'dead letters' },
    );
    const reasons = dlq.map((r) => r.headers[DLQ_HEADER.errorMessage] ?? '');
    expect(reasons.some((m) => m.includes('event: '))).toBe(true);
    expect(reasons.some((m) => m.includes('not JSON'))).toBe(true);
    const crmDlq = (await readTopic(dlqTopicName('ingestion', INTAKE_TOPICS.crm.name))).filter((r) =>
      r.value?.toString().includes(run),
    );
    expect(crmDlq[0]?.headers[DLQ_HEADER.errorMessage]).toContain('disposition');
  });
});
