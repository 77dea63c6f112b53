import type { Registry } from 'prom-client';
import { counter, gauge, histogram, metricsRegistry } from '@smarketing/observability';

/** The messaging metrics every service exposes on /metrics (built once per registry, reused after). */
export function messagingMetrics(registry: Registry = metricsRegistry) {
  return {
    consumed: counter(
      {
        name: 'smarketing_events_consumed_total',
        help: 'Events consumed and applied, by consumer and topic.',
        labelNames: ['consumer', 'topic'],
      },
      registry,
    ),
    duplicates: counter(
      {
        name: 'smarketing_events_duplicate_total',
        help: 'Events skipped because the inbox had already seen their event-id.',
        labelNames: ['consumer', 'topic'],
      },
      registry,
    ),
    produced: counter(
      {
        name: 'smarketing_events_produced_total',
        help: 'Events published by the outbox relay, by topic.',
        labelNames: ['topic'],
      },
      registry,
    ),
    deadLetters: counter(
      {
        name: 'smarketing_dead_letters_total',
        help: 'Events sent to a dead-letter topic, by source topic and error class.',
        labelNames: ['consumer', 'topic', 'error_class'],
      },
      registry,
    ),
    batchSize: histogram(
      {
        name: 'smarketing_batch_size',
        help: 'Events per consumed batch (one transaction).',
        labelNames: ['consumer'],
        buckets: [1, 5, 10, 50, 100, 250, 500, 1000],
      },
      registry,
    ),
    handlerSeconds: histogram(
      {
        name: 'smarketing_batch_duration_seconds',
        help: 'Time to apply one batch: inbox, state change, outbox, commit.',
        labelNames: ['consumer'],
        buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      },
      registry,
    ),
    lag: gauge(
      {
        name: 'smarketing_consumer_lag',
        help: 'Records behind the high watermark, by topic and partition.',
        labelNames: ['consumer', 'topic', 'partition'],
      },
      registry,
    ),
    outboxDepth: gauge({ name: 'smarketing_outbox_depth', help: 'Outbox rows not yet published.' }, registry),
    retries: counter(
      {
        name: 'smarketing_transient_retries_total',
        help: 'Retries after transient failures (database or broker unavailable).',
        labelNames: ['component'],
      },
      registry,
    ),
  };
}
export type MessagingMetrics = ReturnType<typeof messagingMetrics>;
