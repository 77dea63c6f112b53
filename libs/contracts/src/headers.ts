/**
 * Record headers on every event. The platform's names are canonical and the only ones written
 * (DESIGN: "use [the CloudEvents names] or map to them, consistently": we map: the AsyncAPI document
 * gives each topic's mapping under `x-cloudevents`).
 * The ce_* names are here because consumers accept them from external producers on intake
 * (`ce_id` when there is no `event-id`, `ce_time` when there is no `occurred-at`).
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
