import { context, propagation, trace } from '@opentelemetry/api';
import { shutdownTelemetry, startTelemetry } from '../telemetry';

const OTLP_VARS = [
  'OTEL_EXPORTER_OTLP_ENDPOINT',
  'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT',
  'OTEL_SERVICE_NAME',
] as const;
const saved = Object.fromEntries(OTLP_VARS.map((k) => [k, process.env[k]]));

afterEach(async () => {
  await shutdownTelemetry();
  for (const k of OTLP_VARS) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
});

describe('startTelemetry', () => {
  it('without an OTLP endpoint exports nothing but still gives spans trace ids that propagate', () => {
    for (const k of OTLP_VARS) delete process.env[k];
    const telemetry = startTelemetry({ serviceName: 'scoring', serviceVersion: '1.2.3' });
    expect(telemetry).toEqual({ serviceName: 'scoring', exporting: false });

    const carrier: Record<string, string> = {};
    const ids = trace.getTracer('t').startActiveSpan('op', (span) => {
      propagation.inject(context.active(), carrier);
      span.end();
      return span.spanContext();
    });
    expect(trace.isSpanContextValid(ids)).toBe(true);
    expect(carrier['traceparent']).toBe(`00-${ids.traceId}-${ids.spanId}-01`);
  });

  it('is idempotent: a second call returns the first setup', () => {
    const first = startTelemetry({ serviceName: 'scoring' });
    expect(startTelemetry({ serviceName: 'routing' })).toBe(first);
  });

  it('exports when OTEL_EXPORTER_OTLP_ENDPOINT is set and lets OTEL_SERVICE_NAME win', () => {
    process.env['OTEL_EXPORTER_OTLP_ENDPOINT'] = 'http://127.0.0.1:4318';
    process.env['OTEL_SERVICE_NAME'] = 'scoring-canary';
    expect(startTelemetry({ serviceName: 'scoring' })).toEqual({
      serviceName: 'scoring-canary',
      exporting: true,
    });
  });

  it('can start again after a shutdown', async () => {
    startTelemetry({ serviceName: 'a' });
    await shutdownTelemetry();
    expect(trace.getTracer('t').startSpan('after shutdown').spanContext().traceId).toBe('0'.repeat(32));
    startTelemetry({ serviceName: 'b' });
    expect(trace.isSpanContextValid(trace.getTracer('t').startSpan('again').spanContext())).toBe(true);
  });
});
