import { randomUUID } from 'node:crypto';
import { HEADER, type EventOf, type TopicDef } from '@smarketing/contracts';
import { injectTraceHeaders } from '@smarketing/observability';
import { InvalidEventError } from '../errors';
import type { AvroSerde } from '../serde/avro-serde';

export type PublishOptions = {
  /** Idempotency key; derive it from the source (e.g. a Segment messageId) so a repeat yields the same event. */
  readonly eventId?: string;
  /** Defaults to the value's `occurredAt`. */
  readonly occurredAt?: number;
};

export type PendingEvent = {
  readonly topic: string;
  readonly key: string;
  readonly eventId: string;
  readonly eventType: string;
  readonly headers: Record<string, string>;
  readonly payload: unknown;
  readonly occurredAt: number;
};

type SqlRunner = { query(sql: string, params?: unknown[]): Promise<unknown> };

/**
 * Collects outgoing events inside a transaction and writes them as outbox rows in one statement.
 * Values are checked against their topic's schema here, so a bad event fails the transaction
 * that produced it instead of blocking the relay later.
 */
export class OutboxWriter {
  private readonly pending: PendingEvent[] = [];

  constructor(
    private readonly serde: AvroSerde,
    private readonly producerName: string,
  ) {}

  add<T extends TopicDef>(topic: T, value: EventOf<T>, options: PublishOptions = {}): string {
    const paths = this.serde.invalidPaths(topic, value);
    if (paths.length) throw new InvalidEventError(topic.name, paths);
    const v = value as Record<string, unknown>;
    const key = String(v[topic.keyField]);
    const occurredAt = options.occurredAt ?? Number(v.occurredAt ?? Date.now());
    const eventId = options.eventId ?? randomUUID();
    const time = new Date(occurredAt).toISOString();
    const headers: Record<string, string> = {
      [HEADER.eventId]: eventId,
      [HEADER.eventType]: topic.eventType,
      [HEADER.occurredAt]: time,
      [HEADER.producer]: this.producerName,
      [HEADER.ceSpecVersion]: '1.0',
      [HEADER.ceId]: eventId,
      [HEADER.ceType]: `io.smarketing.${topic.eventType}.v1`,
      [HEADER.ceSource]: `/smarketing/${this.producerName}`,
      [HEADER.ceTime]: time,
    };
    injectTraceHeaders(headers);
    this.pending.push({
      topic: topic.name,
      key,
      eventId,
      eventType: topic.eventType,
      headers,
      payload: value,
      occurredAt,
    });
    return eventId;
  }

  get size(): number {
    return this.pending.length;
  }

  /** Inserts the collected rows; returns the event ids that were new (a repeated event id is ignored). */
  async flush(sql: SqlRunner): Promise<Set<string>> {
    if (!this.pending.length) return new Set();
    const rows = this.pending.splice(0);
    const inserted = (await sql.query(
      `INSERT INTO messaging_outbox (topic, message_key, event_id, event_type, headers, payload, occurred_at)
       SELECT * FROM unnest($1::text[], $2::text[], $3::uuid[], $4::text[], $5::jsonb[], $6::jsonb[], $7::timestamptz[])
       ON CONFLICT (event_id) DO NOTHING
       RETURNING event_id`,
      [
        rows.map((r) => r.topic),
        rows.map((r) => r.key),
        rows.map((r) => r.eventId),
        rows.map((r) => r.eventType),
        rows.map((r) => JSON.stringify(r.headers)),
        rows.map((r) => JSON.stringify(r.payload)),
        rows.map((r) => new Date(r.occurredAt).toISOString()),
      ],
    )) as { event_id: string }[];
    return new Set(inserted.map((r) => r.event_id));
  }
}
