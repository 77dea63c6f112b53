import {
  context,
  propagation,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type Attributes,
  type Context,
  type Link,
  type Span,
  type TextMapGetter,
  type TextMapSetter,
} from '@opentelemetry/api';

/** One Kafka header value as clients hand it over (kafkajs also allows repeated headers as arrays). */
export type KafkaHeaderValue = Buffer | string | ReadonlyArray<Buffer | string>;

/** Kafka record headers: kafkajs `IHeaders` and plain `Record<string, Buffer | string>` both fit. */
export type KafkaHeaders = Record<string, KafkaHeaderValue | undefined>;

const TRACER_NAME = '@smarketing/observability';

const getter: TextMapGetter<Readonly<KafkaHeaders>> = {
  keys: (carrier) => Object.keys(carrier),
  get: (carrier, key) => {
    const value = carrier[key];
    if (value === undefined) return undefined;
    if (typeof value === 'string') return value;
    if (Buffer.isBuffer(value)) return value.toString('utf8');
    return (value as ReadonlyArray<Buffer | string>).map((v) =>
      typeof v === 'string' ? v : v.toString('utf8'),
    );
  },
};

const setter: TextMapSetter<KafkaHeaders> = {
  set: (carrier, key, value) => {
    carrier[key] = value;
  },
};

/**
 * Writes the W3C `traceparent` (and `tracestate`, baggage when present) of `ctx` (default: the active
 * context) into `headers`, replacing earlier values, and returns the same object. Writes nothing when
 * there is no valid span in `ctx`.
 *
 * Outbox writers call this when they insert the row, so the record's parent is the business operation
 * (HTTP request or consumed batch), not the relay that publishes it later.
 */
export function injectTraceHeaders<H extends KafkaHeaders>(headers: H, ctx: Context = context.active()): H {
  propagation.inject(ctx, headers, setter);
  return headers;
}

/**
 * Extracts the remote span context carried by a record's headers. The result is based on the root
 * context (not the active one) so a consumer loop never leaks one record's trace into the next.
 */
export function contextFromHeaders(headers: Readonly<KafkaHeaders> | undefined): Context {
  return headers ? propagation.extract(ROOT_CONTEXT, headers, getter) : ROOT_CONTEXT;
}

/**
 * Runs `fn` inside a CONSUMER span for one record or a batch. The span's parent is the first record's
 * producer context; every other distinct producer context is attached as a span link, as the
 * OpenTelemetry messaging conventions recommend for batches. The span ends when `fn` settles and
 * records the error when it throws.
 *
 * @param name span name, e.g. `scoring.lead-upserted.v1 process`
 * @param headers one record's headers, or every record's headers in batch order
 * @param attributes e.g. `{ 'messaging.destination.name': topic, 'messaging.kafka.consumer.group': group }`
 */
export async function withConsumerSpan<T>(
  name: string,
  headers: Readonly<KafkaHeaders> | ReadonlyArray<Readonly<KafkaHeaders> | undefined>,
  attributes: Attributes,
  fn: (span: Span) => Promise<T> | T,
): Promise<T> {
  const all = isHeaderList(headers) ? headers : [headers];
  const [first, ...rest] = all.map(contextFromHeaders);
  const parent = first ?? ROOT_CONTEXT;
  const parentSpan = trace.getSpanContext(parent);

  const seen = new Set<string>(parentSpan ? [parentSpan.spanId] : []);
  const links: Link[] = [];
  for (const ctx of rest) {
    const linked = trace.getSpanContext(ctx);
    if (!linked || !trace.isSpanContextValid(linked) || seen.has(linked.spanId)) continue;
    seen.add(linked.spanId);
    links.push({ context: linked });
  }

  const batch = isHeaderList(headers) ? { 'messaging.batch.message_count': all.length } : {};
  return runInSpan(
    name,
    SpanKind.CONSUMER,
    { 'messaging.system': 'kafka', 'messaging.operation.type': 'process', ...batch, ...attributes },
    links,
    parent,
    fn,
  );
}

/**
 * Runs `fn` inside a PRODUCER span (a child of the active context) after writing that span's
 * `traceparent` into each of `headers`, so consumers continue this trace. Pass `[]` to time a publish
 * whose records already carry their trace headers (the outbox relay).
 *
 * @param attributes e.g. `{ 'messaging.destination.name': topic }`
 */
export async function withProducerSpan<T>(
  name: string,
  headers: KafkaHeaders | ReadonlyArray<KafkaHeaders>,
  attributes: Attributes,
  fn: (span: Span) => Promise<T> | T,
): Promise<T> {
  const all = isHeaderList(headers) ? headers : [headers];
  const batch = isHeaderList(headers) ? { 'messaging.batch.message_count': all.length } : {};
  return runInSpan(
    name,
    SpanKind.PRODUCER,
    { 'messaging.system': 'kafka', 'messaging.operation.type': 'send', ...batch, ...attributes },
    [],
    context.active(),
    (span) => {
      for (const h of all) injectTraceHeaders(h);
      return fn(span);
    },
  );
}

function isHeaderList<H>(headers: H | ReadonlyArray<H>): headers is ReadonlyArray<H> {
  return Array.isArray(headers);
}

function runInSpan<T>(
  name: string,
  kind: SpanKind,
  attributes: Attributes,
  links: Link[],
  parent: Context,
  fn: (span: Span) => Promise<T> | T,
): Promise<T> {
  const tracer = trace.getTracer(TRACER_NAME);
  return tracer.startActiveSpan(name, { kind, attributes, links }, parent, async (span) => {
    try {
      return await fn(span);
    } catch (error) {
      span.recordException(error instanceof Error ? error : String(error));
      span.setStatus({
        code: SpanStatusCode.ERROR,
        message: error instanceof Error ? error.message : String(error),
      });
      throw error;
    } finally {
      span.end();
    }
  });
}
