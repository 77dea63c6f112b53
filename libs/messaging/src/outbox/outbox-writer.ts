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
  /** Headers beyond the standard ones (the trace context); see eventHeaders. */
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
/**
 * The headers every record carries (DESIGN: event-id, event-type, occurred-at, producer, and their
 * CloudEvents names); the trace context comes on top of them.
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
    [HEADER.ceSpecVersion]: '1.0',
    [HEADER.ceId]: e.eventId,
    [HEADER.ceType]: `io.smarketing.${e.eventType}.v1`,
    [HEADER.ceSource]: `/smarketing/${e.producer}`,
    [HEADER.ceTime]: time,
  };
}

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
    // One JSON document for all rows: serialised natively, parsed once by PostgreSQL, instead of
    // driver-escaped array literals per column.
    const inserted = (await sql.query(
      `INSERT INTO messaging_outbox (topic, message_key, event_id, event_type, headers, payload, occurred_at)
       SELECT topic, message_key, event_id, event_type, headers, payload, occurred_at
       FROM json_to_recordset($1::json) AS r(topic text, message_key text, event_id uuid, event_type text,
                                             headers jsonb, payload jsonb, occurred_at timestamptz)
       ON CONFLICT (event_id) DO NOTHING
       RETURNING event_id`,
      [
        JSON.stringify(
          rows.map((r) => ({
            topic: r.topic,
            message_key: r.key,
            event_id: r.eventId,
            event_type: r.eventType,
            headers: r.headers,
            payload: r.payload,
            occurred_at: new Date(r.occurredAt).toISOString(),
          })),
        ),
      ],
    )) as { event_id: string }[];
    return new Set(inserted.map((r) => r.event_id));
  }
}
