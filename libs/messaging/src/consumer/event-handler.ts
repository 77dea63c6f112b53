import type { EventOf, IntakeTopicDef, TopicDef } from '@smarketing/contracts';
import type { Envelope } from '../envelope';
import type { PublishOptions } from '../outbox/outbox-writer';

/**
 * A statement PostgreSQL parses and plans once per connection (node-pg prepares it under its name
 * on first use), for SQL run on every request or batch. Its result columns must be listed, never
 * `*`: a migration that adds a column would make a prepared `SELECT *` fail with "cached plan must
 * not change result type" on every replica still running.
 */
export type PreparedSql = { readonly name: string; readonly text: string };

/** Names a hot statement (see PreparedSql); the name must be unique within the process. */
export const prepared = (name: string, text: string): PreparedSql => ({ name, text });

/** What a handler may do inside its batch transaction. */
export type TxContext = {
  /** Runs SQL in the batch's transaction. */
  query<R = Record<string, unknown>>(sql: string | PreparedSql, params?: unknown[]): Promise<R[]>;
  /** Queues an outgoing event; it is written to the outbox in the same transaction. Returns its event-id. */
  publish<T extends TopicDef>(topic: T, value: EventOf<T>, options?: PublishOptions): string;
  /** Queues a tombstone for `key` on a compacted profile topic (erasure); same transaction. Returns its event-id. */
  tombstone(topic: TopicDef, key: string, options: { eventId?: string; occurredAt: number }): string;
};

/**
 * Applies a batch of decoded, new (never seen before) events of one topic. Called inside one
 * PostgreSQL transaction with the inbox insert and the outbox rows; throwing rolls it all back.
 * Events arrive in partition order, so events of one key are in order.
 */
export type EventHandler<T extends TopicDef = TopicDef> = {
  readonly topic: T;
  /** Business validation before any state change: return a reason to dead-letter the event. */
  validate?(event: Envelope<EventOf<T>>): string | undefined;
  handle(events: readonly Envelope<EventOf<T>>[], tx: TxContext): Promise<void>;
};

/**
 * Handles a JSON intake topic written by tools outside the platform. The value arrives parsed but
 * unvalidated: validate it (return a reason to dead-letter). `eventIdOf` derives the idempotency
 * key from the value (e.g. a Segment messageId) when the record has no event-id header.
 */
export type JsonIntakeHandler = {
  readonly topic: IntakeTopicDef;
  eventIdOf(value: unknown): string | undefined;
  validate?(event: Envelope<unknown>): string | undefined;
  handle(events: readonly Envelope<unknown>[], tx: TxContext): Promise<void>;
};

export type AnyEventHandler = EventHandler | JsonIntakeHandler;
