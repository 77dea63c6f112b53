import { randomUUID } from 'node:crypto';
import { TOPICS, type IntakeTopicDef, type TopicDef } from '@smarketing/contracts';
import { DatabaseError } from 'pg';
import { Registry } from 'prom-client';
import { QueryFailedError, type DataSource } from 'typeorm';
import { BatchConsumer } from '../consumer/batch-consumer';
import type { JsonIntakeHandler } from '../consumer/event-handler';
import type {
  BatchControl,
  ConsumerRunOptions,
  KafkaPort,
  OutgoingRecord,
  ProducerPort,
  RawRecord,
} from '../kafka/kafka-port';
import { messagingMetrics } from '../messaging-metrics';
import { TIMEOUT_RETRIES } from '../retry';
import { AvroSerde } from '../serde/avro-serde';

/*
 * What the consumer does with each class of failure of a batch's transaction. The database is a
 * stand-in that accepts every statement (the real-stack behaviour is pinned by test/*.int-spec.ts);
 * the handler throws the real errors node-postgres and TypeORM throw.
 */

const pgFailure = (code: string, message: string): QueryFailedError =>
  new QueryFailedError(
    'UPDATE leads SET ...',
    [],
    Object.assign(new DatabaseError(message, message.length, 'error'), { code }),
  );

const topic: IntakeTopicDef = {
  name: 'intake.test.v1',
  format: 'json',
  writer: 'external',
  readers: [],
  doc: 'test',
};

/** A DataSource whose transactions always commit and whose inbox has never seen an event. */
const acceptingDataSource = (): DataSource =>
  ({
    createQueryRunner: () => {
      let active = false;
      return {
        connect: async () => ({ query: async () => ({ rows: [] }) }),
        startTransaction: async () => void (active = true),
        commitTransaction: async () => void (active = false),
        rollbackTransaction: async () => void (active = false),
        release: async () => undefined,
        get isTransactionActive() {
          return active;
        },
        query: async (_sql: string, params: unknown[]) => ({
          records: (params[1] as string[]).map((event_id) => ({ event_id })),
        }),
      };
    },
  }) as unknown as DataSource;

function setUp(
  handle: (calls: number) => void,
  options: { topic?: IntakeTopicDef | TopicDef; values?: readonly (Buffer | null)[] } = {},
) {
  const on = options.topic ?? topic;
  let onBatch: ConsumerRunOptions['onBatch'] | undefined;
  const kafka = {
    runConsumer: async (o: ConsumerRunOptions) => {
      onBatch = o.onBatch;
      return { joined: Promise.resolve(), isJoined: () => true, stop: async () => undefined };
    },
  } as unknown as KafkaPort;
  const sent: OutgoingRecord[] = [];
  const producer = {
    send: async (records: readonly OutgoingRecord[]) => void sent.push(...records),
  } as ProducerPort;
  const errors: string[] = [];
  let calls = 0;
  const handler = {
    topic: on,
    eventIdOf: (value) => (value as { id: string }).id,
    handle: async () => handle(++calls),
  } as JsonIntakeHandler;
  const consumer = new BatchConsumer({
    consumer: 'test',
    handlers: [handler],
    kafka,
    producer,
    serde: new AvroSerde('http://127.0.0.1:1/unused'),
    dataSource: acceptingDataSource(),
    logger: {
      info: () => undefined,
      debug: () => undefined,
      warn: () => undefined,
      error: (_o, msg) => void errors.push(String(msg)),
    },
    metrics: messagingMetrics(new Registry()),
  });
  const committed: string[] = [];
  const control: BatchControl = {
    heartbeat: async () => undefined,
    isActive: () => true,
    commit: async (offset) => void committed.push(offset),
  };
  const values = options.values ?? [0, 1].map(() => Buffer.from(JSON.stringify({ id: randomUUID() })));
  const records: RawRecord[] = values.map((value, i) => ({
    topic: on.name,
    partition: 0,
    offset: String(i),
    key: null,
    value,
    headers: {},
    timestamp: '0',
  }));
  return {
    run: async () => {
      await consumer.start();
      await (onBatch as ConsumerRunOptions['onBatch'])(
        { topic: on.name, partition: 0, records, lag: 0 },
        control,
      );
    },
    sent,
    committed,
    errors,
    calls: () => calls,
  };
}

describe('BatchConsumer, when a batch transaction fails', () => {
  it(`fails the batch after ${TIMEOUT_RETRIES} retries of a statement timeout: nothing bisected, dead-lettered or committed`, async () => {
    const t = setUp(() => {
      throw pgFailure('57014', 'canceling statement due to statement timeout');
    });
    await expect(t.run()).rejects.toMatchObject({ code: '57014' });
    expect(t.calls()).toBe(TIMEOUT_RETRIES + 1); // the whole batch each time
    expect(t.sent).toEqual([]);
    expect(t.committed).toEqual([]);
    expect(t.errors).toEqual(['transaction keeps timing out: failing the batch']);
  });

  it('applies the batch when a statement times out fewer times than the bound', async () => {
    const t = setUp((calls) => {
      if (calls <= TIMEOUT_RETRIES) throw pgFailure('57014', 'canceling statement due to statement timeout');
    });
    await t.run();
    expect(t.committed).toEqual(['1']);
    expect(t.sent).toEqual([]);
  });

  it('retries a serialization failure in place and applies the batch', async () => {
    const t = setUp((calls) => {
      if (calls <= 5) throw pgFailure('40001', 'could not serialize access due to concurrent update');
    });
    await t.run();
    expect(t.calls()).toBe(6);
    expect(t.committed).toEqual(['1']);
    expect(t.sent).toEqual([]);
  });

  it('dead-letters the events of a deterministic database error (unique violation) after maxAttempts, and moves on', async () => {
    const t = setUp(() => {
      throw pgFailure('23505', 'duplicate key value violates unique constraint "leads_pkey"');
    });
    await t.run();
    // 1 try of the batch, then each half (one event) 3 times.
    expect(t.calls()).toBe(1 + 2 * 3);
    expect(t.sent.map((r) => [r.topic, r.headers['dlq-error-class'], r.headers['dlq-attempts']])).toEqual([
      ['test.intake.test.v1.dlq', 'QueryFailedError', '3'],
      ['test.intake.test.v1.dlq', 'QueryFailedError', '3'],
    ]);
    expect(t.committed).toEqual(['1']);
  });
});

describe('BatchConsumer, on a compacted profile topic', () => {
  it('skips tombstones (a merge or an erasure deleting the key): nothing handled, nothing dead-lettered, the batch committed', async () => {
    const t = setUp(() => undefined, { topic: TOPICS.leadProfile as TopicDef, values: [null, null] });
    await t.run();
    expect(t.calls()).toBe(0);
    expect(t.sent).toEqual([]);
    expect(t.committed).toEqual(['1']);
  });
});
