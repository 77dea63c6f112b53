import { context, propagation, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace';
import {
  contextFromHeaders,
  injectTraceHeaders,
  withConsumerSpan,
  withProducerSpan,
  type KafkaHeaders,
} from '../kafka-trace';
import { shutdownTelemetry, startTelemetry } from '../telemetry';

const exporter = new InMemorySpanExporter();
const processor = new SimpleSpanProcessor({ exporter });

/** Spans finished so far; the processor exports asynchronously (it waits for the resource). */
async function finished(name: string) {
  await processor.forceFlush();
  return exporter.getFinishedSpans().find((s) => s.name === name);
}

beforeAll(() => startTelemetry({ serviceName: 'kafka-test', spanProcessors: [processor] }));
afterAll(() => shutdownTelemetry());
beforeEach(() => exporter.reset());

const tracer = () => trace.getTracer('test');

describe('Kafka trace headers', () => {
  it('inject the active span as a W3C traceparent that extracts back to the same span', () => {
    const headers: KafkaHeaders = { 'event-id': 'e-1' };
    const sent = tracer().startActiveSpan('publish', (span) => {
      injectTraceHeaders(headers);
      span.end();
      return span.spanContext();
    });
    expect(headers['traceparent']).toBe(`00-${sent.traceId}-${sent.spanId}-01`);
    expect(headers['event-id']).toBe('e-1');

    const received = trace.getSpanContext(contextFromHeaders(headers));
    expect(received).toMatchObject({ traceId: sent.traceId, spanId: sent.spanId, isRemote: true });
  });

  it('extract from Buffer values as kafkajs delivers them', () => {
    const headers: KafkaHeaders = {};
    const sent = tracer().startActiveSpan('publish', (span) => {
      injectTraceHeaders(headers);
      span.end();
      return span.spanContext();
    });
    const asDelivered: KafkaHeaders = { traceparent: Buffer.from(String(headers['traceparent'])) };
    expect(trace.getSpanContext(contextFromHeaders(asDelivered))?.traceId).toBe(sent.traceId);
  });

  it('write nothing outside a span and extract nothing from records without a traceparent', () => {
    const headers = injectTraceHeaders({});
    expect(headers).toEqual({});
    expect(trace.getSpanContext(contextFromHeaders({ 'event-id': 'x' }))).toBeUndefined();
    expect(trace.getSpanContext(contextFromHeaders(undefined))).toBeUndefined();
  });
});

describe('withConsumerSpan', () => {
  it('continues the producer trace: same trace id, the producer span as parent', async () => {
    const headers: KafkaHeaders = {};
    const producer = await withProducerSpan(
      'leads publish',
      headers,
      { 'messaging.destination.name': 'leads' },
      (span) => span.spanContext(),
    );

    const inside = await withConsumerSpan(
      'leads process',
      headers,
      { 'messaging.destination.name': 'leads' },
      (span) => {
        // The consumer span is active inside fn, so logs and DB spans join this trace.
        expect(trace.getActiveSpan()).toBe(span);
        return span.spanContext();
      },
    );

    expect(inside.traceId).toBe(producer.traceId);
    const consumer = await finished('leads process');
    expect(consumer?.kind).toBe(SpanKind.CONSUMER);
    expect(consumer?.parentSpanContext?.spanId).toBe(producer.spanId);
    expect(consumer?.attributes).toMatchObject({
      'messaging.system': 'kafka',
      'messaging.destination.name': 'leads',
    });
    const published = await finished('leads publish');
    expect(published?.kind).toBe(SpanKind.PRODUCER);
  });

  it('parents a batch on its first record and links each other distinct producer span', async () => {
    const batch: KafkaHeaders[] = [{}, {}, {}, {}];
    const producers = [0, 1, 2].map((i) =>
      tracer().startActiveSpan(`produce ${i}`, (span) => {
        injectTraceHeaders(batch[i] ?? {});
        span.end();
        return span.spanContext();
      }),
    );
    batch[3] = { ...batch[2] }; // two records from the same producer span: one link, not two

    await withConsumerSpan('batch process', [...batch, { 'event-id': 'no-trace' }], {}, () => undefined);

    const span = await finished('batch process');
    expect(span?.spanContext().traceId).toBe(producers[0]?.traceId);
    expect(span?.parentSpanContext?.spanId).toBe(producers[0]?.spanId);
    expect(span?.links.map((l) => l.context.spanId)).toEqual([producers[1]?.spanId, producers[2]?.spanId]);
    expect(span?.attributes['messaging.batch.message_count']).toBe(5);
  });

  it('does not inherit the ambient span of the poll loop', async () => {
    const ambient = tracer().startSpan('poll loop');
    const seen = await context.with(trace.setSpan(context.active(), ambient), () =>
      withConsumerSpan('untraced record', {}, {}, (span) => span.spanContext().traceId),
    );
    ambient.end();
    expect(seen).not.toBe(ambient.spanContext().traceId);
  });

  it('records the error, marks the span failed and rethrows', async () => {
    await expect(
      withConsumerSpan('failing', {}, {}, () => {
        throw new Error('undecodable');
      }),
    ).rejects.toThrow('undecodable');
    const span = await finished('failing');
    expect(span?.status).toEqual({ code: SpanStatusCode.ERROR, message: 'undecodable' });
    expect(span?.events.map((e) => e.name)).toContain('exception');
  });
});

describe('propagator', () => {
  it('is the W3C trace context one (plus baggage)', () => {
    expect(propagation.fields()).toEqual(expect.arrayContaining(['traceparent', 'tracestate', 'baggage']));
  });
});
