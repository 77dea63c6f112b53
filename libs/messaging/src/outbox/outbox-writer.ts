import { randomUUID } from 'node:crypto';
import { HEADER, type EventOf, type TopicDef } from '@smarketing/contracts';
import { injectTraceHeaders } from '@smarketing/observability';
import { prepared, type PreparedSql } from '../consumer/event-handler';
import { InvalidEventError } from '../errors';
import type { AvroSerde } from '../serde/avro-serde';

export type PublishOptions = {
  /** Idempotency key; derive it from the source (e.g. a Segment messageId) so a repeat yields the same event. */
  readonly eventId?: string;
  /** Defaults to the value's `occurredAt`. */
  readonly occurredAt?: number;
};

type PendingEvent = {
  readonly topic: TopicDef;
  readonly key: string;
  readonly eventId: string;
  /** Headers beyond the standard ones (the trace context), if any; see eventHeaders. */
  readonly headers: Record<string, string> | undefined;
  /** The value to encode, or null for a tombstone (see addTombstone). */
  readonly payload: unknown;
  readonly occurredAt: number;
};

const EMPTY = Buffer.alloc(0);

type SqlRunner = { query(sql: PreparedSql, params?: unknown[]): Promise<unknown> };

const INSERT_OUTBOX_BATCH = prepared(
  'messaging.outbox.insert-batch',
  `INSERT INTO messaging_outbox_batches (record_count, topics, records, encoded_values) VALUES ($1, $2, $3, $4)`,
);

/**
 * One event of an outbox row (`messaging_outbox_batches.records`, a JSON array): its value is
 * `encoded_values[offset, offset + length)`. `headers` holds the trace context, when there is one.
 */
export type OutboxRecord = {
  readonly topic: string;
  readonly key: string;
  readonly eventId: string;
  readonly eventType: string;
  /** Epoch milliseconds. */
  readonly occurredAt: number;
  readonly offset: number;
  readonly length: number;
  readonly headers?: Record<string, string>;
  /** A tombstone: the record goes out with a null value (length 0). */
  readonly tombstone?: true;
};

/**
 * The headers every record carries (DESIGN: event-id, event-type, occurred-at, producer); the trace
 * context comes on top of them. The CloudEvents names are mapped to, not written (docs/asyncapi.yaml,
 * `x-cloudevents`): every header costs the producer CPU per record (docs/performance.md).
 */
export function eventHeaders(e: {
  readonly eventId: string;
  readonly eventType: string;
  readonly occurredAt: number;
  readonly producer: string;
}): Record<string, string> {
  const time = new Date(e.occurredAt).toISOString();
  return {
    [HEADER.eventId]: e.eventId,
    [HEADER.eventType]: e.eventType,
    [HEADER.occurredAt]: time,
    [HEADER.producer]: e.producer,
  };
}

/**
 * Collects outgoing events inside a transaction and writes them as one outbox row.
 * Values are checked against their topic's schema here, so a bad event fails the transaction
 * that produced it instead of blocking the relay later.
 */
export class OutboxWriter {
  private readonly pending: PendingEvent[] = [];

  constructor(private readonly serde: AvroSerde) {}

  add<T extends TopicDef>(topic: T, value: EventOf<T>, options: PublishOptions = {}): string {
    const paths = this.serde.invalidPaths(topic, value);
    if (paths.length) throw new InvalidEventError(topic.name, paths);
    const v = value as Record<string, unknown>;
    const key = String(v[topic.keyField]);
    const occurredAt = options.occurredAt ?? Number(v.occurredAt ?? Date.now());
    const eventId = options.eventId ?? randomUUID();
    // Only the trace context is stored with the row: the relay derives the standard headers from
    // the row's columns (eventHeaders), which keeps outbox rows small.
    const headers: Record<string, string> = {};
    injectTraceHeaders(headers);
    this.pending.push({
      topic,
      key,
      eventId,
      headers: Object.keys(headers).length ? headers : undefined,
      payload: value,
      occurredAt,
    });
    return eventId;
  }

  /**
   * Queues a tombstone (a record with a null value) for `key` on a compacted topic: compaction then
   * removes every earlier value of the key. Only a `profile` topic takes one; on an event stream
   * a null value would be a poison record for every reader.
   */
  addTombstone(topic: TopicDef, key: string, options: { eventId?: string; occurredAt: number }): string {
    if (topic.retention !== 'profile')
      throw new InvalidEventError(topic.name, ['(tombstone: only a compacted profile topic takes one)']);
    if (key === '') throw new InvalidEventError(topic.name, [`${topic.keyField} (tombstone key is empty)`]);
    const eventId = options.eventId ?? randomUUID();
    const headers: Record<string, string> = {};
    injectTraceHeaders(headers);
    this.pending.push({
      topic,
      key,
      eventId,
      headers: Object.keys(headers).length ? headers : undefined,
      payload: null,
      occurredAt: options.occurredAt,
    });
    return eventId;
  }

  get size(): number {
    return this.pending.length;
  }

  /**
   * Writes the collected events as one outbox row (see OutboxRecord); returns their event ids.
   * Values are stored Avro-encoded (Confluent wire format, as they go on the wire), back to back in
   * one binary column, so the relay copies bytes instead of re-encoding. One row per transaction
   * instead of one per event: PostgreSQL inserts, indexes, logs and later deletes one tuple.
   */
  async flush(sql: SqlRunner): Promise<string[]> {
    if (!this.pending.length) return [];
    const rows = this.pending.splice(0);
    const values = await Promise.all(
      rows.map((r) =>
        r.payload === null ? EMPTY : this.serde.encode(r.topic, r.payload, { validated: true }),
      ),
    );
    const records: OutboxRecord[] = [];
    const topics = new Set<string>();
    let offset = 0;
    rows.forEach((r, i) => {
      const length = (values[i] as Buffer).length;
      records.push({
        topic: r.topic.name,
        key: r.key,
        eventId: r.eventId,
        eventType: r.topic.eventType,
        occurredAt: Math.round(r.occurredAt),
        offset,
        length,
        ...(r.headers === undefined ? {} : { headers: r.headers }),
        ...(r.payload === null ? { tombstone: true as const } : {}),
      });
      topics.add(r.topic.name);
      offset += length;
    });
    await sql.query(INSERT_OUTBOX_BATCH, [
      records.length,
      [...topics],
      JSON.stringify(records),
      Buffer.concat(values, offset),
    ]);
    return rows.map((r) => r.eventId);
  }
}
