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
