import type { Logger } from 'pino';
import { counter, histogram } from './metrics';
import { isPublicRoute } from './public-routes';

/** Buckets (seconds) for API latencies: 5 ms to 10 s. */
const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

const instrumented = new WeakSet<object>();

/** What the hook reads from a Fastify request. */
type ObservedRequest = {
  id: string;
  method: string;
  url: string;
  routeOptions: { url?: string | undefined };
};
/** What the hook reads from a Fastify reply. */
type ObservedReply = { statusCode: number; elapsedTime: number };

/**
 * The part of a `FastifyInstance` this module uses. Structural on purpose: `@nestjs/platform-fastify`
 * pins its own copy of fastify, whose `FastifyInstance` type is not the workspace's.
 */
export type FastifyHookTarget = {
  addHook(
    name: 'onResponse',
    hook: (request: ObservedRequest, reply: ObservedReply) => Promise<void>,
  ): unknown;
};

/**
 * Adds request metrics and an access log to a Fastify instance (Nest:
 * `app.getHttpAdapter().getInstance()`). Call it before `app.init()`/`app.listen()`: Fastify refuses
 * hooks once it is ready. Calling it again on the same instance does nothing.
 *
 * - `http_server_requests_total{method,route,status_code}` and
 *   `http_server_request_duration_seconds{method,route,status_code}`. `route` is the route template
 *   (`/leads/:id`), or `unmatched` for 404s, so a scan of random URLs cannot explode cardinality.
 * - One log line per request: method, route, path (never the query string, which may carry PII),
 *   status code, duration and request id. Never bodies or headers. Probe and scrape routes log at
 *   `debug`, 5xx at `error`, the rest at `info`.
 */
export function registerHttpObservability(app: FastifyHookTarget, logger: Logger): void {
  if (instrumented.has(app)) return;
  instrumented.add(app);

  const labelNames = ['method', 'route', 'status_code'] as const;
  const requests = counter({ name: 'http_server_requests_total', help: 'HTTP requests served.', labelNames });
  const duration = histogram({
    name: 'http_server_request_duration_seconds',
    help: 'Time to serve an HTTP request, from receipt to the last byte of the response.',
    labelNames,
    buckets: DURATION_BUCKETS,
  });

  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    const labels = { method: request.method, route, status_code: String(reply.statusCode) };
    requests.inc(labels);
    duration.observe(labels, reply.elapsedTime / 1000);

    const path = request.url.split('?', 1)[0] ?? '';
    // Probes and scrapes (public routes) log at debug whatever they answer: a 503 from
    // /health/ready while a service starts is the probe doing its job, and the report says why.
    const level = isPublicRoute(path) ? 'debug' : reply.statusCode >= 500 ? 'error' : 'info';
    logger[level](
      {
        request_id: request.id,
        method: request.method,
        route,
        path,
        status_code: reply.statusCode,
        duration_ms: Math.round(reply.elapsedTime * 100) / 100,
      },
      'request completed',
    );
  });
}
