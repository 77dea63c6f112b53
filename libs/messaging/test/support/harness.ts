import { randomUUID } from 'node:crypto';
import type { EventOf, TopicDef } from '@smarketing/contracts';
import { createDataSource, MESSAGING_MIGRATIONS, migrate } from '@smarketing/persistence';
import { stackEnv } from '@smarketing/testing';
import { Registry } from 'prom-client';
import type { DataSource } from 'typeorm';
import type { Envelope, EventHandler, LoggerPort, MessagingMetrics } from '../../src';
import { AvroSerde, BatchConsumer, KafkajsAdapter, messagingMetrics, OutboxRelay } from '../../src';

export type LeadErasedTopic = TopicDef<'lead-erased'>;

/**
 * One row per applied event and no unique constraint, so a double apply shows up as a duplicate;
 * `totals` counts applications per consumer in the same transaction.
 */
export const EFFECTS_DDL = [
  `CREATE TABLE IF NOT EXISTS effects (event_id uuid NOT NULL, lead_id text NOT NULL, consumer text NOT NULL, source_partition int NOT NULL, source_offset bigint NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
  `CREATE TABLE IF NOT EXISTS totals (consumer text PRIMARY KEY, applied bigint NOT NULL)`,
];

/** A DataSource on `url` with the shared inbox/outbox migration applied and the effects tables created. */
export async function openDatabase(
  url: string,
  applicationName = 'messaging-test',
  poolSize = 10,
): Promise<DataSource> {
  const ds = createDataSource({
    url,
    applicationName,
    migrations: MESSAGING_MIGRATIONS,
    poolSize,
  });
  await migrate(ds);
  for (const ddl of EFFECTS_DDL) await ds.query(ddl);
  return ds;
}

export type EffectsHandlerOptions = {
  readonly consumer: string;
  /** When set, every applied event publishes one output event there (same transaction). */
  readonly output?: LeadErasedTopic;
  /** Artificial delay inside each batch's transaction, so a kill lands mid-batch. */
  readonly delayMs?: number;
  /** Throws a non-transient error for events this predicate picks (a "bug" fixed later). */
  readonly reject?: (event: Envelope<EventOf<LeadErasedTopic>>) => boolean;
};

export class RejectedByHandlerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RejectedByHandlerError';
  }
}

/** Applies each event as one `effects` row, bumps `totals`, and optionally publishes an output event. */
export function effectsHandler(
  topic: LeadErasedTopic,
  o: EffectsHandlerOptions,
): EventHandler<LeadErasedTopic> {
  return {
    topic,
    async handle(events, tx) {
      for (const e of events)
        if (o.reject?.(e)) throw new RejectedByHandlerError(`handler rejects lead ${e.value.leadId}`);
      await tx.query(
        `INSERT INTO effects (event_id, lead_id, consumer, source_partition, source_offset)
         SELECT unnest($1::uuid[]), unnest($2::text[]), $3, unnest($4::int[]), unnest($5::bigint[])`,
        [
          events.map((e) => e.eventId),
          events.map((e) => e.value.leadId),
          o.consumer,
          events.map((e) => e.partition),
          events.map((e) => e.offset),
        ],
      );
      await tx.query(
        `INSERT INTO totals (consumer, applied) VALUES ($1, $2) ON CONFLICT (consumer) DO UPDATE SET applied = totals.applied + EXCLUDED.applied`,
        [o.consumer, events.length],
      );
      if (o.output)
        for (const e of events) tx.publish(o.output, { ...e.value, requestedBy: `derived:${e.eventId}` });
      if (o.delayMs) await new Promise((r) => setTimeout(r, o.delayMs));
    },
  };
}

export type EffectCounts = { rows: number; distinct: number; total: number };

/** Applied rows, distinct event ids, and the running total of one consumer. */
export async function effectCounts(
  query: (sql: string, params?: unknown[]) => Promise<unknown[]>,
  consumer: string,
): Promise<EffectCounts> {
  const [r] = (await query(
    `SELECT (SELECT count(*)::int FROM effects WHERE consumer = $1) AS rows,
            (SELECT count(DISTINCT event_id)::int FROM effects WHERE consumer = $1) AS distinct,
            coalesce((SELECT applied::int FROM totals WHERE consumer = $1), 0) AS total`,
    [consumer],
  )) as EffectCounts[];
  return r as EffectCounts;
}

/** A lead-erased value; `i` makes it unique, `leadId` spreads keys over partitions. */
export const leadErased = (i: number, leadId = `lead-${i % 997}`): EventOf<LeadErasedTopic> => ({
  leadId,
  erasureId: `erasure-${i}`,
  requestedBy: 'key-test',
  occurredAt: 1_700_000_000_000 + i,
});

export const quietLogger = (): LoggerPort => ({
  info: () => undefined,
  debug: () => undefined,
  warn: (obj, msg) => process.env.TEST_LOG && console.warn(msg, obj),
  error: (obj, msg) => console.error(msg, obj),
});

/** Messaging metrics on a private registry, so tests do not share counters. */
export const testMetrics = (): MessagingMetrics => messagingMetrics(new Registry());

export const kafkaAdapter = (clientId: string): KafkajsAdapter =>
  new KafkajsAdapter({
    brokers: stackEnv().brokers,
    clientId,
    log: process.env.TEST_LOG ? (l, m, x) => console[l](m, x) : undefined,
  });

export const serde = (): AvroSerde => new AvroSerde(stackEnv().registryUrl);

/**
 * Produces `count` events (fresh event ids) straight to a topic, in Confluent framing, as the
 * producing service's relay would. Returns their event ids in production order.
 */
export async function produceEvents(
  kafka: KafkajsAdapter,
  s: AvroSerde,
  topic: LeadErasedTopic,
  from: number,
  count: number,
  chunk = 2_000,
): Promise<string[]> {
  const producer = kafka.producer();
  await producer.connect();
  const ids: string[] = [];
  try {
    for (let i = from; i < from + count; i += chunk) {
      const records = [];
      for (let j = i; j < Math.min(i + chunk, from + count); j++) {
        const value = leadErased(j);
        const eventId = randomUUID();
        ids.push(eventId);
        records.push({
          topic: topic.name,
          key: value.leadId,
          value: await s.encode(topic, value),
          headers: {
            'event-id': eventId,
            'event-type': topic.eventType,
            'occurred-at': new Date(value.occurredAt).toISOString(),
          },
        });
      }
      await producer.send(records);
    }
  } finally {
    await producer.disconnect();
  }
  return ids;
}

export type RunningConsumer = {
  readonly consumer: BatchConsumer;
  readonly relay?: OutboxRelay;
  readonly kafka: KafkajsAdapter;
  readonly metrics: MessagingMetrics;
  stop(): Promise<void>;
};

/** Starts a BatchConsumer (and optionally a relay) in this process and waits until it joined its group. */
export async function startConsumer(o: {
  readonly name: string;
  readonly dataSource: DataSource;
  readonly handlers: readonly EventHandler[];
  readonly serde: AvroSerde;
  /** Also runs an outbox relay, woken by the consumer's commits. */
  readonly relay?: boolean;
  readonly maxBatchSize?: number;
}): Promise<RunningConsumer> {
  const kafka = kafkaAdapter(o.name);
  const producer = kafka.producer();
  await producer.connect();
  const logger = quietLogger();
  const metrics = testMetrics();
  const relay = o.relay
    ? new OutboxRelay({
        dataSource: o.dataSource,
        producer,
        producerName: o.name,
        logger,
        metrics,
      })
    : undefined;
  const consumer = new BatchConsumer({
    consumer: o.name,
    handlers: o.handlers,
    kafka,
    producer,
    serde: o.serde,
    dataSource: o.dataSource,
    logger,
    metrics,
    maxBatchSize: o.maxBatchSize,
    onOutboxWritten: () => relay?.wake(),
  });
  relay?.start();
  await consumer.start();
  await consumer.joined();
  return {
    consumer,
    relay,
    kafka,
    metrics,
    stop: async () => {
      await consumer.stop();
      await relay?.stop();
      await producer.disconnect().catch(() => undefined);
      await kafka.close();
    },
  };
}
