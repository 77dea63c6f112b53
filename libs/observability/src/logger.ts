import { context, trace } from '@opentelemetry/api';
import { hostname } from 'node:os';
import pino, { type DestinationStream, type Level, type Logger } from 'pino';

/** The logger every service uses: pino, one JSON object per line. */
export type { Logger } from 'pino';

/** Options for {@link createLogger}. */
export type LoggerOptions = {
  /** Added to every line as `service`. */
  service: string;
  /** Lowest level written; defaults to `LOG_LEVEL`, then `info`. */
  level?: Level | 'silent';
  /** Where lines go; defaults to stdout. Tests pass an in-memory stream. */
  destination?: DestinationStream;
};

/** Field names whose values never reach a log line: credentials, and e-mail addresses (PII). */
export const REDACTED_KEYS = [
  'authorization',
  'cookie',
  'set-cookie',
  'x-api-key',
  'password',
  'secret',
  'token',
  'accessToken',
  'refreshToken',
  'apiKey',
  'writeKey',
  // The services' key list (`<scopes>:<key>,…`) and the dev write key, should a config be logged.
  'API_KEYS',
  'INGESTION_DEV_WRITE_KEY',
  // Personal data (docs/data-retention.md): the profile's fields, should one reach a log line.
  'email',
  'firstName',
  'lastName',
  'phone',
] as const;

const LEVELS: ReadonlyArray<string> = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/**
 * Redaction paths for {@link REDACTED_KEYS} at the top level and up to three levels deep
 * (`req.headers.authorization`, `lead.traits.email`); pino's `*` matches exactly one level.
 */
const REDACT_PATHS = REDACTED_KEYS.flatMap((key) => {
  const k = `["${key}"]`;
  return [key.includes('-') ? k : key, `*${k}`, `*.*${k}`, `*.*.*${k}`];
});

/**
 * Creates the process logger: JSON lines with ISO time, a string `level`, `service`, and the
 * `trace_id`/`span_id` of the active OpenTelemetry span (when there is one), so a log line leads to
 * its trace. Credentials and e-mail addresses are replaced by `[Redacted]` wherever a field with one
 * of the {@link REDACTED_KEYS} names appears (up to three levels deep).
 *
 * @throws Error when the level (or `LOG_LEVEL`) is not a pino level.
 */
export function createLogger(options: LoggerOptions): Logger {
  const level = options.level ?? process.env['LOG_LEVEL'] ?? 'info';
  if (!LEVELS.includes(level)) {
    throw new Error(`LOG_LEVEL must be one of ${LEVELS.join(', ')}; got "${level}"`);
  }
  const settings: pino.LoggerOptions = {
    level,
    base: { service: options.service, pid: process.pid, hostname: hostname() },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    redact: { paths: REDACT_PATHS, censor: '[Redacted]' },
    mixin: traceFields,
  };
  // pino's default destination writes synchronously to stdout, so nothing is lost on a crash.
  return options.destination ? pino(settings, options.destination) : pino(settings);
}

/** `trace_id`, `span_id` and `trace_flags` of the active span, or nothing outside a span. */
export function traceFields(): Record<string, string> {
  const span = trace.getSpan(context.active());
  if (!span) return {};
  const ctx = span.spanContext();
  if (!trace.isSpanContextValid(ctx)) return {};
  return {
    trace_id: ctx.traceId,
    span_id: ctx.spanId,
    trace_flags: `0${ctx.traceFlags.toString(16)}`.slice(-2),
  };
}
