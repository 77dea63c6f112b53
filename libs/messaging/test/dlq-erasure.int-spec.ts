import { randomUUID } from 'node:crypto';
import { DLQ_HEADER, LEAD_ID_NAMESPACE, uuidV5 } from '@smarketing/contracts';
import { createTopics, deleteTopics, readTopic, uniqueTopicName } from '@smarketing/testing';
import { readErasedLeadIds, replayDeadLetters, type ReplayOutcome } from '../src';
import { kafkaAdapter } from './support/harness';

/** A dead letter as the batch consumer writes one: the original record plus the dlq-* headers. */
const deadLetter = (source: string, key: string, value: string) => ({
  topic: '',
  key,
  value: Buffer.from(value),
  headers: {
    [DLQ_HEADER.originalTopic]: source,
    [DLQ_HEADER.originalPartition]: '0',
    [DLQ_HEADER.originalOffset]: '0',
    [DLQ_HEADER.errorClass]: 'InvalidEventError',
    [DLQ_HEADER.errorMessage]: 'rejected',
    'event-id': randomUUID(),
  },
});

describe('replaying dead letters after an erasure', () => {
  const erasures = uniqueTopicName('lead-erased');
  const source = uniqueTopicName('intake');
  const dlq = `${source}.dlq`;
  const kafka = kafkaAdapter('dlq-erasure-test');

  beforeAll(() => createTopics([erasures, source, dlq], 1));
  afterAll(async () => {
    await kafka.close();
    await deleteTopics([erasures, source, dlq]);
  });

  it('never re-publishes a dead letter that names an erased lead, by id or by email, and replays the rest', async () => {
    const erasedById = randomUUID();
    const erasedEmail = 'Erased.Person@Example.com';
    const erasedByEmail = uuidV5(erasedEmail.toLowerCase(), LEAD_ID_NAMESPACE);
    const kept = randomUUID();
    const producer = kafka.producer();
    await producer.connect();
    // What ingestion writes on an erasure: a lead-erased record keyed by the lead id.
    await producer.send(
      [erasedById, erasedByEmail].map((leadId) => ({
        topic: erasures,
        key: leadId,
        value: Buffer.from('erased'),
        headers: {},
      })),
    );
    await producer.send(
      [
        deadLetter(source, erasedById, JSON.stringify({ leadId: erasedById, kind: 'disposition' })),
        deadLetter(source, 'm-1', JSON.stringify({ type: 'identify', traits: { email: erasedEmail } })),
        deadLetter(source, kept, JSON.stringify({ leadId: kept, kind: 'disposition' })),
      ].map((r) => ({ ...r, topic: dlq })),
    );
    await producer.disconnect();

    const erased = await readErasedLeadIds(kafka, { topic: erasures, idleMs: 1_500 });
    expect(erased).toEqual(new Set([erasedById, erasedByEmail]));

    const outcomes: ReplayOutcome[] = [];
    const result = await replayDeadLetters({
      kafka,
      dlqTopic: dlq,
      idleMs: 1_500,
      erased,
      onRecord: (_r, outcome) => outcomes.push(outcome),
    });
    expect(result).toEqual({ replayed: 1, skipped: 0, erased: 2 });
    expect(outcomes).toEqual(['erased', 'erased', 'replayed']);
    const replayed = await readTopic(source);
    expect(replayed.map((r) => r.key)).toEqual([kept]);
  });
});
