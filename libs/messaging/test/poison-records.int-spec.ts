import { randomBytes, randomUUID } from 'node:crypto';
import { DLQ_HEADER } from '@smarketing/contracts';
import { readTopic, stackEnv, topicEndOffsets, waitFor, waitForStable } from '@smarketing/testing';
import { Kafka, logLevel } from 'kafkajs';
import { replayDeadLetters } from '../src';
import { effectCounts, effectsHandler, kafkaAdapter, leadErased, startConsumer } from './support/harness';
import { consumerBed } from './support/beds';

describe('poison records', () => {
  const bed = consumerBed('poison');
  const { topic, consumer, dlq, serde: s } = bed;

  it('dead-letters undecodable, id-less and rejected records, applies every later record, and replays the fixed one once', async () => {
    // All on partition 0, so "later records of the same partition" is well defined.
    const valid = async (i: number) => ({
      partition: 0,
      key: `lead-${i}`,
      value: await s.encode(topic, leadErased(i, `lead-${i}`)),
      headers: { 'event-id': randomUUID(), 'event-type': topic.eventType },
    });
    const rejectedId = randomUUID();
    const messages = [];
    for (let i = 0; i < 10; i++) messages.push(await valid(i));
    messages.push({
      partition: 0,
      key: 'lead-garbage',
      value: randomBytes(40),
      headers: { 'event-id': randomUUID(), 'event-type': topic.eventType },
    });
    for (let i = 10; i < 20; i++) messages.push(await valid(i));
    messages.push({
      partition: 0,
      key: 'lead-no-id',
      value: await s.encode(topic, leadErased(100, 'lead-no-id')),
      headers: { 'event-type': topic.eventType },
    });
    for (let i = 20; i < 30; i++) messages.push(await valid(i));
    messages.push({
      partition: 0,
      key: 'lead-rejected',
      value: await s.encode(topic, { ...leadErased(200, 'lead-rejected'), requestedBy: 'reject-me' }),
      headers: { 'event-id': rejectedId, 'event-type': topic.eventType },
    });
    for (let i = 30; i < 40; i++) messages.push(await valid(i));

    const kafka = new Kafka({
      clientId: 'poison-producer',
      brokers: stackEnv().brokers,
      logLevel: logLevel.NOTHING,
    });
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({ topic: topic.name, acks: -1, messages });
    await producer.disconnect();

    let fixed = false;
    const handler = effectsHandler(topic, {
      consumer,
      reject: (e) => !fixed && e.value.requestedBy === 'reject-me',
    });
    bed.running = await startConsumer({ name: consumer, dataSource: bed.ds, handlers: [handler], serde: s });

    await waitForStable(async () => (await effectCounts(bed.db.query, consumer)).rows, 40, {
      timeoutMs: 120_000,
      description: 'valid records applied',
    });
    await waitFor(async () => (await topicEndOffsets(dlq)).total === 3, {
      timeoutMs: 60_000,
      description: 'three dead letters',
    });
    expect(await effectCounts(bed.db.query, consumer)).toEqual({ rows: 40, distinct: 40, total: 40 });

    const letters = await readTopic(dlq);
    expect(letters).toHaveLength(3);
    const byKey = new Map(letters.map((l) => [l.key, l]));
    const offsets = new Map<string, string>();
    messages.forEach((m, i) => offsets.set(m.key, String(i)));
    for (const [key, errorClass, attempts] of [
      ['lead-garbage', 'UndecodableEventError', '1'],
      ['lead-no-id', 'UndecodableEventError', '1'],
      ['lead-rejected', 'RejectedByHandlerError', '3'],
    ] as const) {
      const h = byKey.get(key)?.headers;
      expect(h).toBeDefined();
      expect(h?.[DLQ_HEADER.originalTopic]).toBe(topic.name);
      expect(h?.[DLQ_HEADER.originalPartition]).toBe('0');
      expect(h?.[DLQ_HEADER.originalOffset]).toBe(offsets.get(key));
      expect(h?.[DLQ_HEADER.errorClass]).toBe(errorClass);
      expect(h?.[DLQ_HEADER.errorMessage]).toBeTruthy();
      expect(h?.[DLQ_HEADER.attempts]).toBe(attempts);
    }
    expect(byKey.get('lead-no-id')?.headers['event-id']).toBeUndefined();
    expect(byKey.get('lead-rejected')?.headers['event-id']).toBe(rejectedId);
    expect(byKey.get('lead-garbage')?.value).toEqual(messages[10]?.value);

    // A dry run changes nothing; then "fix" the handler and replay only that error class.
    const admin = kafkaAdapter('poison-replay');
    const dry = await replayDeadLetters({
      kafka: admin,
      dlqTopic: dlq,
      errorClass: 'RejectedByHandlerError',
      dryRun: true,
      idleMs: 2_000,
      erased: new Set(),
    });
    expect(dry.replayed).toBe(0);
    fixed = true;
    const result = await replayDeadLetters({
      kafka: admin,
      dlqTopic: dlq,
      errorClass: 'RejectedByHandlerError',
      idleMs: 2_000,
      erased: new Set(),
    });
    expect(result).toEqual({ replayed: 1, skipped: 2, erased: 0 });

    await waitForStable(async () => (await effectCounts(bed.db.query, consumer)).rows, 41, {
      timeoutMs: 60_000,
      description: 'replayed record applied',
    });
    const rows = await bed.db.query<{ event_id: string; lead_id: string }>(
      `SELECT event_id, lead_id FROM effects WHERE lead_id = 'lead-rejected'`,
    );
    expect(rows).toEqual([{ event_id: rejectedId, lead_id: 'lead-rejected' }]);

    // Replaying again finds nothing new (progress is a consumer group), and the DLQ did not grow.
    const again = await replayDeadLetters({
      kafka: admin,
      dlqTopic: dlq,
      errorClass: 'RejectedByHandlerError',
      idleMs: 2_000,
      erased: new Set(),
    });
    expect(again.replayed).toBe(0);
    await admin.close();
    expect((await topicEndOffsets(dlq)).total).toBe(3);
    expect(await effectCounts(bed.db.query, consumer)).toEqual({ rows: 41, distinct: 41, total: 41 });
  });
});
