import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import { metricsRegistry } from '@smarketing/observability';

const reuse = <T>(registry: Registry, name: string, make: () => T): T =>
  (registry.getSingleMetric(name) as T | undefined) ?? make();

/** The messaging metrics every service exposes on /metrics. */
export function messagingMetrics(registry: Registry = metricsRegistry) {
  const registers = [registry];
  return {
    consumed: reuse(
      registry,
      'smarketing_events_consumed_total',
      () =>
        new Counter({
          name: 'smarketing_events_consumed_total',
          help: 'Events consumed and applied, by consumer and topic.',
          labelNames: ['consumer', 'topic'],
          registers,
        }),
    ),
    duplicates: reuse(
      registry,
      'smarketing_events_duplicate_total',
      () =>
        new Counter({
          name: 'smarketing_events_duplicate_total',
          help: 'Events skipped because the inbox had already seen their event-id.',
          labelNames: ['consumer', 'topic'],
          registers,
        }),
    ),
    produced: reuse(
      registry,
      'smarketing_events_produced_total',
      () =>
        new Counter({
          name: 'smarketing_events_produced_total',
          help: 'Events published by the outbox relay, by topic.',
          labelNames: ['topic'],
          registers,
        }),
    ),
    deadLetters: reuse(
      registry,
      'smarketing_dead_letters_total',
      () =>
        new Counter({
          name: 'smarketing_dead_letters_total',
          help: 'Events sent to a dead-letter topic, by source topic and error class.',
          labelNames: ['consumer', 'topic', 'error_class'],
          registers,
        }),
    ),
    batchSize: reuse(
      registry,
      'smarketing_batch_size',
      () =>
        new Histogram({
          name: 'smarketing_batch_size',
          help: 'Events per consumed batch (one transaction).',
          labelNames: ['consumer'],
          buckets: [1, 5, 10, 50, 100, 250, 500, 1000],
          registers,
        }),
    ),
    handlerSeconds: reuse(
      registry,
      'smarketing_batch_duration_seconds',
      () =>
        new Histogram({
          name: 'smarketing_batch_duration_seconds',
          help: 'Time to apply one batch: inbox, state change, outbox, commit.',
          labelNames: ['consumer'],
          buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
          registers,
        }),
    ),
    lag: reuse(
      registry,
      'smarketing_consumer_lag',
      () =>
        new Gauge({
          name: 'smarketing_consumer_lag',
          help: 'Records behind the high watermark, by topic and partition.',
          labelNames: ['consumer', 'topic', 'partition'],
          registers,
        }),
    ),
    outboxDepth: reuse(
      registry,
      'smarketing_outbox_depth',
      () => new Gauge({ name: 'smarketing_outbox_depth', help: 'Outbox rows not yet published.', registers }),
    ),
    retries: reuse(
      registry,
      'smarketing_transient_retries_total',
      () =>
        new Counter({
          name: 'smarketing_transient_retries_total',
          help: 'Retries after transient failures (database or broker unavailable).',
          labelNames: ['component'],
          registers,
        }),
    ),
  };
}
export type MessagingMetrics = ReturnType<typeof messagingMetrics>;
