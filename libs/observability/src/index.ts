export { startTelemetry, shutdownTelemetry, type Telemetry, type TelemetryOptions } from './telemetry';
export {
  injectTraceHeaders,
  contextFromHeaders,
  withConsumerSpan,
  withProducerSpan,
  type KafkaHeaders,
  type KafkaHeaderValue,
} from './kafka-trace';
export { createLogger, traceFields, REDACTED_KEYS, type Logger, type LoggerOptions } from './logger';
export { PinoNestLogger } from './pino-nest-logger';
export {
  metricsRegistry,
  initMetrics,
  counter,
  histogram,
  gauge,
  type CounterOptions,
  type HistogramOptions,
  type GaugeOptions,
} from './metrics';
export { HealthIndicator, type HealthCheckResult } from './health-indicator';
export {
  HealthRegistry,
  DEFAULT_INDICATOR_TIMEOUT_MS,
  type IndicatorReport,
  type ReadinessReport,
} from './health-registry';
export { HealthController } from './health.controller';
export { MetricsController } from './metrics.controller';
export { ObservabilityModule } from './observability.module';
export { OBSERVABILITY_OPTIONS, type ObservabilityOptions } from './observability-options';
export { PUBLIC_ROUTES, PUBLIC_ROUTE_METADATA, isPublicRoute, type PublicRoute } from './public-routes';
export { registerHttpObservability, type FastifyHookTarget } from './http-observability';
