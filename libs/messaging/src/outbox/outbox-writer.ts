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

type PendingEvent = {
  readonly topic: TopicDef;
  readonly key: string;
  readonly eventId: string;
  /** Headers beyond the standard ones (the trace context); see eventHeaders. */
  readonly headers: Record<string, string>;
  readonly payload: unknown;
  readonly occurredAt: number;
};

type SqlRunner = { query(sql: string, params?: unknown[]): Promise<unknown> };

/**
 * The headers every record carries (DESIGN: event-id, event-type, occurred-at, producer); the trace
 * context comes on top of them. The CloudEvents names are mapped to, not written (docs/asyncapi.yaml,
 * `x-cloudevents`): each header costs the producer about 2 µs per record in kafkajs, and the
 * five aliases were a fifth of the ingestion service's CPU per event.
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
 * Collects outgoing events inside a transaction and writes them as outbox rows in one statement.
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
      headers,
      payload: value,
      occurredAt,
    });
    return eventId;
  }

  get size(): number {
    return this.pending.length;
  }

  /**
   * Inserts the collected rows; returns the event ids that were new (a repeated event id is ignored).
   * Values are stored Avro-encoded (Confluent wire format, as they go on the wire), so the relay
   * copies bytes instead of re-encoding, and a row is a fraction of its JSON size.
   */
  async flush(sql: SqlRunner): Promise<Set<string>> {
    if (!this.pending.length) return new Set();
    const rows = this.pending.splice(0);
    const values = await Promise.all(
      rows.map((r) => this.serde.encode(r.topic, r.payload, { validated: true })),
    );
    // Two parameters for any number of rows: the columns as one JSON document, and the values
    // concatenated in one binary parameter that each row slices (bytea arrays would go as hex text).
    let offset = 0;
    const document = rows.map((r, i) => {
      const length = (values[i] as Buffer).length;
      const row = {
        topic: r.topic.name,
        message_key: r.key,
        event_id: r.eventId,
        event_type: r.topic.eventType,
        headers: r.headers,
        occurred_at: new Date(r.occurredAt).toISOString(),
        value_from: offset + 1,
        value_length: length,
      };
      offset += length;
      return row;
    });
    const inserted = (await sql.query(
      `INSERT INTO messaging_outbox (topic, message_key, event_id, event_type, headers, value, occurred_at)
       SELECT topic, message_key, event_id, event_type, headers, substring($2::bytea FROM value_from FOR value_length), occurred_at
       FROM json_to_recordset($1::json) AS r(topic text, message_key text, event_id uuid, event_type text,
                                             headers jsonb, occurred_at timestamptz, value_from int, value_length int)
       ON CONFLICT (event_id) DO NOTHING
       RETURNING event_id`,
      [JSON.stringify(document), Buffer.concat(values)],
    )) as { event_id: string }[];
    return new Set(inserted.map((r) => r.event_id));
  }
}
