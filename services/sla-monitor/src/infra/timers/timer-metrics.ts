import { counter, histogram } from '@smarketing/observability';

/** The timer worker's metrics on /metrics (DESIGN: "SLA timers"). */
export const timerMetrics = () => ({
  fired: counter({
    name: 'smarketing_sla_timers_fired_total',
    help: 'Durable SLA timers claimed and fired.',
  }),
  lateness: histogram({
    name: 'smarketing_sla_timer_lateness_seconds',
    help: 'How long after its due time a timer fired (by the injected clock).',
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 30, 300, 3600],
  }),
});
