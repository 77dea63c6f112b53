import { context, propagation, trace } from '@opentelemetry/api';
import { CompositePropagator, W3CBaggagePropagator, W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import type { Instrumentation } from '@opentelemetry/instrumentation';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { defaultResource, resourceFromAttributes } from '@opentelemetry/resources';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { BatchSpanProcessor, NoopSpanProcessor, type SpanProcessor } from '@opentelemetry/sdk-trace';
import { isPublicRoute } from './public-routes';

/** Options for {@link startTelemetry}. */
export type TelemetryOptions = {
  /** `service.name` of every span. `OTEL_SERVICE_NAME`, when set, wins (operators override code). */
  serviceName: string;
  /** `service.version` of every span, e.g. the package version or the image tag. */
  serviceVersion?: string;
  /**
   * Extra span processors, added after the OTLP one. Meant for tests (an in-memory exporter) and
   * for unusual deployments; services normally leave it out.
   */
  spanProcessors?: SpanProcessor[];
};

/** What {@link startTelemetry} set up. */
export type Telemetry = {
  serviceName: string;
  /** Whether spans leave the process (an OTLP endpoint is configured). */
  exporting: boolean;
};

type Running = { sdk: NodeSDK; instrumentations: Instrumentation[]; info: Telemetry };

let running: Running | undefined;

/**
 * Starts OpenTelemetry for this process: HTTP and PostgreSQL (`pg`) instrumentation, W3C trace
 * context (+ baggage) propagation, and an async-local-storage context manager.
 *
 * Spans are exported over OTLP/HTTP (JSON) only when `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT` or
 * `OTEL_EXPORTER_OTLP_ENDPOINT` is set. Otherwise nothing leaves the process, but spans are still
 * recorded in memory just long enough to carry trace ids, so logs and Kafka headers stay correlated.
 *
 * Idempotent: the first call wins, later calls return the same {@link Telemetry}.
 *
 * Instrumentation patches modules as they are `require`d, so call this before Nest, `pg` or
 * `typeorm` are loaded: put it in `src/instrumentation.ts` and make that the first import of
 * `main.ts`:
 *
 * ```ts
 * // src/instrumentation.ts
 * import { startTelemetry } from '@smarketing/observability';
 * startTelemetry({ serviceName: 'scoring' });
 *
 * // src/main.ts
 * import './instrumentation'; // must stay first
 * import { NestFactory } from '@nestjs/core';
 * ```
 */
export function startTelemetry(options: TelemetryOptions): Telemetry {
  if (running) return running.info;
  // The SDK and the exporter read OTEL_* themselves, so this reads the same process.env.
  const env = process.env;
  const serviceName = env['OTEL_SERVICE_NAME'] || options.serviceName;
  const exporting =
    env['OTEL_SDK_DISABLED'] !== 'true' &&
    Boolean(env['OTEL_EXPORTER_OTLP_TRACES_ENDPOINT'] || env['OTEL_EXPORTER_OTLP_ENDPOINT']);

  const spanProcessors: SpanProcessor[] = [
    // The exporter reads the endpoint, headers and timeouts from the same OTEL_* variables. With no
    // processor at all the SDK would register no TracerProvider, and spans would have no ids.
    exporting ? new BatchSpanProcessor({ exporter: new OTLPTraceExporter() }) : new NoopSpanProcessor(),
    ...(options.spanProcessors ?? []),
  ];

  const instrumentations: Instrumentation[] = [
    // Probes and scrapes arrive every few seconds; tracing them only adds noise.
    new HttpInstrumentation({ ignoreIncomingRequestHook: (req) => isPublicRoute(req.url ?? '') }),
    // Only queries made for a traced operation; timer and outbox polling would flood traces otherwise.
    new PgInstrumentation({ requireParentSpan: true }),
  ];
  const sdk = new NodeSDK({
    serviceName,
    resource: defaultResource().merge(
      resourceFromAttributes(options.serviceVersion ? { 'service.version': options.serviceVersion } : {}),
    ),
    textMapPropagator: new CompositePropagator({
      propagators: [new W3CTraceContextPropagator(), new W3CBaggagePropagator()],
    }),
    instrumentations,
    spanProcessors,
    // Metrics go through prom-client (see metrics.ts) and logs through pino: without these empty
    // lists the SDK would start its default OTLP metric and log exporters and post to localhost.
    metricReaders: [],
    logRecordProcessors: [],
  });
  sdk.start();
  running = { sdk, instrumentations, info: { serviceName, exporting } };
  return running.info;
}

/**
 * Flushes pending spans and stops telemetry. Safe to call when telemetry never started, and
 * {@link startTelemetry} may be called again afterwards (tests do).
 */
export async function shutdownTelemetry(): Promise<void> {
  const current = running;
  if (!current) return;
  running = undefined;
  try {
    await current.sdk.shutdown();
  } finally {
    for (const instrumentation of current.instrumentations) instrumentation.disable();
    // The SDK leaves its globals registered; clear them so a later start registers fresh ones.
    trace.disable();
    propagation.disable();
    context.disable();
  }
}
