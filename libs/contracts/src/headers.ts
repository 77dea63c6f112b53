/**
 * Record headers on every event. The platform's names are canonical; the CloudEvents Kafka
 * binding names (ce_*) are written alongside with the same values so that CloudEvents-aware
 * tooling reads our topics without a mapping.
 */
export const HEADER = {
  eventId: 'event-id',
  eventType: 'event-type',
  occurredAt: 'occurred-at',
  producer: 'producer',
  traceparent: 'traceparent',
  tracestate: 'tracestate',
  ceSpecVersion: 'ce_specversion',
  ceId: 'ce_id',
  ceType: 'ce_type',
  ceSource: 'ce_source',
  ceTime: 'ce_time',
} as const;

/** Headers a dead letter carries besides the original record's own headers. */
export const DLQ_HEADER = {
  originalTopic: 'dlq-original-topic',
  originalPartition: 'dlq-original-partition',
  originalOffset: 'dlq-original-offset',
  errorClass: 'dlq-error-class',
  errorMessage: 'dlq-error-message',
  attempts: 'dlq-attempts',
  consumer: 'dlq-consumer',
  failedAt: 'dlq-failed-at',
} as const;
