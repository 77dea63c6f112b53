/**
 * A failure that retrying cannot fix (undecodable bytes, an incompatible schema, an event the
 * business rules reject). The consumer dead-letters the event at once and moves on.
 */
export class PermanentEventError extends Error {
  constructor(
    message: string,
    readonly errorClass: string = 'PermanentEventError',
  ) {
    super(message);
    this.name = errorClass;
  }
}

/** The record's bytes are not a Confluent-framed Avro value of a known schema. */
export class UndecodableEventError extends PermanentEventError {
  constructor(message: string) {
    super(message, 'UndecodableEventError');
  }
}

/** A value does not match its topic's schema; `paths` name the offending fields. */
export class InvalidEventError extends PermanentEventError {
  constructor(
    readonly topic: string,
    readonly paths: readonly string[],
  ) {
    super(`invalid ${topic} value at ${paths.join(', ') || '(root)'}`, 'InvalidEventError');
  }
}

/** The consumer or relay is stopping: abandon the work in hand without committing. */
export class StoppingError extends Error {
  constructor() {
    super('stopping');
    this.name = 'StoppingError';
  }
}

/**
 * The infrastructure behind the messaging ports. The database is not here: its errors reach the
 * consumer through handlers' own SQL and stay pg's (libs/persistence classifies them).
 */
export type Dependency = 'broker' | 'registry';

/**
 * A dependency could not do the work now (unreachable, restarting, overloaded) and the same work
 * can succeed later unchanged. The adapters (Kafka, schema registry) throw it, deciding by the
 * client's error types and codes, with what the client threw as `cause`; the consumer and the relay
 * retry it in place, without bound.
 */
export class DependencyUnavailableError extends Error {
  constructor(
    readonly dependency: Dependency,
    cause: unknown,
  ) {
    super(`${dependency} unavailable: ${String((cause as { message?: unknown } | null)?.message ?? cause)}`, {
      cause,
    });
    this.name = 'DependencyUnavailableError';
  }
}
