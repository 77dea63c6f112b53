import {
  DLQ_HEADER,
  HEADER,
  UUID_PATTERN,
  dlqTopicName,
  type IntakeTopicDef,
  type TopicDef,
} from '@smarketing/contracts';
import { withConsumerSpan } from '@smarketing/observability';
import type { DataSource } from 'typeorm';
import type { Envelope } from '../envelope';
import { PermanentEventError, StoppingError, UndecodableEventError } from '../errors';
import { classifyFailure } from '../failure';
import type {
  BatchControl,
  ConsumerHandle,
  KafkaPort,
  OutgoingRecord,
  ProducerPort,
  RawBatch,
  RawRecord,
} from '../kafka/kafka-port';
import type { LoggerPort } from '../logger-port';
import type { MessagingMetrics } from '../messaging-metrics';
import { TransactionRunner } from '../outbox/transaction-runner';
import { retryTransient } from '../retry';
import type { AvroSerde } from '../serde/avro-serde';
import type { AnyEventHandler, JsonIntakeHandler } from './event-handler';

type AnyTopic = TopicDef | IntakeTopicDef;
const isJson = (t: AnyTopic): t is IntakeTopicDef => 'format' in t && t.format === 'json';

export type BatchConsumerOptions = {
  /** The consuming service; names the inbox rows and the dead-letter topics. */
  readonly consumer: string;
  /** Consumer group; defaults to the service name so replicas share the work. */
  readonly groupId?: string;
  readonly handlers: readonly AnyEventHandler[];
  readonly kafka: KafkaPort;
  /** Producer for dead letters. */
  readonly producer: ProducerPort;
  readonly serde: AvroSerde;
  readonly dataSource: DataSource;
  readonly logger: LoggerPort;
  readonly metrics: MessagingMetrics;
  /** Called after a transaction wrote outbox rows (wakes the relay). */
  readonly onOutboxWritten?: () => void;
  /** Upper bound of events per transaction. */
  readonly maxBatchSize?: number;
  readonly concurrency?: number;
  /** Tries of one event that fails for a non-transient reason before it is dead-lettered. */
  readonly maxAttempts?: number;
  readonly fromBeginning?: boolean;
};

type DeadLetter = { record: RawRecord; error: unknown; attempts: number };

/**
 * Consumes in batches with exactly-once effects: per batch, one transaction inserts the event ids
 * into the inbox (skipping those seen before), applies the handler and writes its outbox rows;
 * offsets are committed only after it commits. Transient failures retry in place with backoff;
 * timeouts a few times, then the batch fails; permanent ones and bugs are isolated by bisection
 * and dead-lettered, and the partition moves on (`classifyFailure`, README "Errors and dead letters").
 */
export class BatchConsumer {
  private handle?: ConsumerHandle;
  private readonly handlers: Map<string, AnyEventHandler>;
  private readonly topics: Map<string, AnyTopic>;

  private readonly transactions: TransactionRunner;

  constructor(private readonly o: BatchConsumerOptions) {
    this.transactions = new TransactionRunner(o.dataSource, o.serde, o.onOutboxWritten);
    this.handlers = new Map(o.handlers.map((h) => [h.topic.name, h]));
    this.topics = new Map(o.handlers.map((h) => [h.topic.name, h.topic]));
  }

  async start(): Promise<void> {
    if (this.handlers.size === 0) return;
    this.handle = await this.o.kafka.runConsumer({
      groupId: this.o.groupId ?? this.o.consumer,
      topics: [...this.handlers.keys()],
      fromBeginning: this.o.fromBeginning ?? true,
      concurrency: this.o.concurrency ?? 3,
      onBatch: (batch, control) => this.onBatch(batch, control),
    });
  }

  /** True once the group is joined (or when there is nothing to consume). */
  isJoined(): boolean {
    return this.handlers.size === 0 || (this.handle?.isJoined() ?? false);
  }

  joined(): Promise<void> {
    return this.handle?.joined ?? Promise.resolve();
  }

  async stop(): Promise<void> {
    await this.handle?.stop();
    this.handle = undefined;
  }

  private async onBatch(batch: RawBatch, control: BatchControl): Promise<void> {
    const handler = this.handlers.get(batch.topic);
    const topic = this.topics.get(batch.topic);
    if (!handler || !topic) return;
    this.o.metrics.lag.set(
      { consumer: this.o.consumer, topic: batch.topic, partition: String(batch.partition) },
      batch.lag,
    );
    const size = this.o.maxBatchSize ?? 500;
    try {
      for (let i = 0; i < batch.records.length; i += size) {
        const chunk = batch.records.slice(i, i + size);
        await this.processChunk(topic, handler, chunk, control);
        const last = chunk[chunk.length - 1];
        if (last)
          await retryTransient(() => control.commit(last.offset), this.retryOptions(control, 'commit'));
      }
    } catch (error) {
      if (error instanceof StoppingError || !control.isActive()) return; // abandoned: uncommitted records come again
      throw error;
    }
  }

  private async processChunk(
    topic: AnyTopic,
    handler: AnyEventHandler,
    records: readonly RawRecord[],
    control: BatchControl,
  ) {
    const started = process.hrtime.bigint();
    const dead: DeadLetter[] = [];
    const events: Envelope<unknown>[] = [];
    const seen = new Set<string>();
    for (const record of records) {
      // A tombstone on a compacted topic (a merge or an erasure forgetting a profile) is how the
      // topic deletes a key, not a poison record: the facts it stands for arrive on their own
      // topics (leads-merged, lead-erased), so it is skipped and its offset committed with the batch.
      if (record.value === null && !isJson(topic) && topic.retention === 'profile') continue;
      try {
        const event = await retryTransient(
          () => this.decode(topic, record),
          this.retryOptions(control, 'decode'),
        );
        if (seen.has(event.eventId)) continue; // the same event twice in one batch
        seen.add(event.eventId);
        const reason = handler.validate?.(event as never);
        if (reason)
          dead.push({ record, error: new PermanentEventError(reason, 'InvalidEventError'), attempts: 1 });
        else events.push(event);
      } catch (error) {
        if (error instanceof StoppingError) throw error;
        dead.push({ record, error, attempts: 1 });
      }
    }
    await this.apply(topic, handler, events, control, dead, 1);
    if (dead.length)
      await retryTransient(() => this.deadLetter(topic, dead), this.retryOptions(control, 'dead-letter'));
    this.o.metrics.batchSize.observe({ consumer: this.o.consumer }, records.length);
    this.o.metrics.handlerSeconds.observe(
      { consumer: this.o.consumer },
      Number(process.hrtime.bigint() - started) / 1e9,
    );
  }

  private async apply(
    topic: AnyTopic,
    handler: AnyEventHandler,
    events: readonly Envelope<unknown>[],
    control: BatchControl,
    dead: DeadLetter[],
    attempt: number,
  ): Promise<void> {
    if (events.length === 0) return;
    try {
      await retryTransient(
        () => this.transaction(topic, handler, events),
        this.retryOptions(control, 'transaction'),
      );
    } catch (error) {
      if (error instanceof StoppingError || !control.isActive()) throw new StoppingError();
      const failure = classifyFailure(error);
      if (failure === 'timeout') {
        // Still timing out after its bounded retries: not the events' fault, so neither bisected
        // nor dead-lettered. The batch fails; kafkajs backs off and fetches it again from the last
        // committed offset (the inbox skips what an earlier half already applied).
        this.o.logger.error(
          {
            consumer: this.o.consumer,
            topic: topic.name,
            partition: events[0]?.partition,
            offset: events[0]?.offset,
            events: events.length,
            err: String(error),
          },
          'transaction keeps timing out: failing the batch',
        );
        throw error;
      }
      if (events.length > 1) {
        // Isolate the poison event(s): the halves keep partition order.
        const mid = Math.ceil(events.length / 2);
        await this.apply(topic, handler, events.slice(0, mid), control, dead, 1);
        await this.apply(topic, handler, events.slice(mid), control, dead, 1);
        return;
      }
      const max = this.o.maxAttempts ?? 3;
      if (attempt < max && failure !== 'permanent') {
        await new Promise((r) => setTimeout(r, 50 * 2 ** attempt));
        await control.heartbeat();
        return this.apply(topic, handler, events, control, dead, attempt + 1);
      }
      const event = events[0] as Envelope<unknown>;
      this.o.logger.warn(
        { eventId: event.eventId, topic: topic.name, err: String(error), attempt },
        'dead-lettering event',
      );
      dead.push({ record: this.rawOf(event), error, attempts: attempt });
    }
  }

  private readonly raw = new WeakMap<Envelope<unknown>, RawRecord>();
  private rawOf(event: Envelope<unknown>): RawRecord {
    return this.raw.get(event) as RawRecord;
  }

  private async transaction(
    topic: AnyTopic,
    handler: AnyEventHandler,
    events: readonly Envelope<unknown>[],
  ): Promise<void> {
    await withConsumerSpan(
      `${topic.name} process`,
      events.map((e) => e.headers),
      {
        'messaging.system': 'kafka',
        'messaging.destination.name': topic.name,
        'messaging.batch.message_count': events.length,
        'messaging.consumer.group.name': this.o.groupId ?? this.o.consumer,
      },
      async () => {
        // The batch is one unit of work: inbox rows, the handler's state change, its outbox rows.
        const { result: fresh } = await this.transactions.run(async (tx) => {
          const inserted = await tx.query<{ event_id: string }>(
            `INSERT INTO messaging_inbox (consumer, event_id, topic)
             SELECT $1, unnest($2::uuid[]), $3
             ON CONFLICT DO NOTHING RETURNING event_id`,
            [this.o.consumer, events.map((e) => e.eventId), topic.name],
          );
          const freshIds = new Set(inserted.map((r) => r.event_id));
          const news = events.filter((e) => freshIds.has(e.eventId));
          if (news.length) await handler.handle(news as never, tx);
          return news.length;
        });
        const labels = { consumer: this.o.consumer, topic: topic.name };
        this.o.metrics.consumed.inc(labels, fresh);
        if (events.length > fresh) this.o.metrics.duplicates.inc(labels, events.length - fresh);
      },
    );
  }

  private async decode(topic: AnyTopic, record: RawRecord): Promise<Envelope<unknown>> {
    let value: Record<string, unknown> | undefined;
    let eventId = record.headers[HEADER.eventId] ?? record.headers[HEADER.ceId];
    if (isJson(topic)) {
      try {
        value = JSON.parse(record.value?.toString('utf8') ?? '') as Record<string, unknown>;
      } catch (e) {
        throw new UndecodableEventError(`${topic.name}: value is not JSON: ${(e as Error).message}`);
      }
      if (typeof value !== 'object' || value === null || Array.isArray(value))
        throw new UndecodableEventError(`${topic.name}: value is not a JSON object`);
      const handler = this.handlers.get(topic.name) as JsonIntakeHandler;
      eventId = (eventId && UUID_PATTERN.test(eventId) ? eventId : undefined) ?? handler.eventIdOf(value);
    }
    if (!eventId || !UUID_PATTERN.test(eventId))
      throw new UndecodableEventError(`missing or invalid ${HEADER.eventId} header`);
    value ??= await this.o.serde.decode<Record<string, unknown>>(topic as TopicDef, record.value);
    const headerTime = Date.parse(record.headers[HEADER.occurredAt] ?? record.headers[HEADER.ceTime] ?? '');
    const occurredAt = Number.isFinite(headerTime)
      ? headerTime
      : Number(value.occurredAt ?? record.timestamp);
    const envelope: Envelope<unknown> = {
      eventId: eventId.toLowerCase(),
      eventType: record.headers[HEADER.eventType] ?? (isJson(topic) ? topic.name : topic.eventType),
      occurredAt,
      topic: record.topic,
      partition: record.partition,
      offset: record.offset,
      key: record.key?.toString('utf8') ?? null,
      headers: record.headers,
      value,
    };
    this.raw.set(envelope, record);
    return envelope;
  }

  private async deadLetter(topic: AnyTopic, dead: readonly DeadLetter[]): Promise<void> {
    const dlq = dlqTopicName(this.o.consumer, topic.name);
    const records: OutgoingRecord[] = dead.map(({ record, error, attempts }) => {
      const e = error as { name?: string; errorClass?: string; message?: string };
      return {
        topic: dlq,
        key: record.key,
        value: record.value,
        headers: {
          ...record.headers,
          [DLQ_HEADER.originalTopic]: record.topic,
          [DLQ_HEADER.originalPartition]: String(record.partition),
          [DLQ_HEADER.originalOffset]: record.offset,
          [DLQ_HEADER.errorClass]: e?.errorClass ?? e?.name ?? 'Error',
          [DLQ_HEADER.errorMessage]: String(e?.message ?? error).slice(0, 1_000),
          [DLQ_HEADER.attempts]: String(attempts),
          [DLQ_HEADER.consumer]: this.o.consumer,
          [DLQ_HEADER.failedAt]: new Date().toISOString(),
        },
      };
    });
    await this.o.producer.send(records);
    for (const r of records) {
      this.o.metrics.deadLetters.inc({
        consumer: this.o.consumer,
        topic: topic.name,
        error_class: r.headers[DLQ_HEADER.errorClass] ?? 'Error',
      });
    }
  }

  private retryOptions(control: BatchControl, what: string) {
    return {
      isActive: () => control.isActive(),
      onRetry: async (error: unknown, attempt: number) => {
        this.o.metrics.retries.inc({ component: `consumer-${what}` });
        if (attempt === 1 || attempt % 10 === 0) {
          this.o.logger.warn(
            { err: String(error), attempt, consumer: this.o.consumer },
            `${what}: transient failure, retrying`,
          );
        }
        await control.heartbeat().catch(() => undefined);
      },
    };
  }
}
