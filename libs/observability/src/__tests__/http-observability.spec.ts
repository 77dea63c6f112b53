import Fastify from 'fastify';
import type { DestinationStream } from 'pino';
import { registerHttpObservability } from '../http-observability';
import { createLogger } from '../logger';
import { metricsRegistry } from '../metrics';

describe('registerHttpObservability', () => {
  it('counts and times requests by route template and status, and logs one line without secrets', async () => {
    const lines: Record<string, unknown>[] = [];
    const destination: DestinationStream = {
      write: (l: string) => void lines.push(JSON.parse(l) as Record<string, unknown>),
    };
    const app = Fastify();
    registerHttpObservability(app, createLogger({ service: 'ingestion', level: 'debug', destination }));
    registerHttpObservability(app, createLogger({ service: 'ingestion', level: 'debug', destination })); // no-op
    app.get('/leads/:id', async () => ({ ok: true }));
    app.post('/v1/track', async (_req, reply) => reply.code(500).send({ error: 'x' }));
    app.get('/health/live', async () => ({ status: 'ok' }));
    app.get('/health/ready', async (_req, reply) => reply.code(503).send({ status: 'starting' }));
    await app.ready();

    await app.inject({
      method: 'GET',
      url: '/leads/42?email=ada@example.com',
      headers: { authorization: 'Bearer t0ken' },
    });
    await app.inject({ method: 'GET', url: '/leads/43' });
    await app.inject({ method: 'POST', url: '/v1/track', payload: { email: 'ada@example.com' } });
    await app.inject({ method: 'GET', url: '/nope/abc' });
    await app.inject({ method: 'GET', url: '/health/live' });
    await app.inject({ method: 'GET', url: '/health/ready' });
    await app.close();

    const text = await metricsRegistry.metrics();
    expect(text).toContain('http_server_requests_total{method="GET",route="/leads/:id",status_code="200"} 2');
    expect(text).toContain('http_server_requests_total{method="POST",route="/v1/track",status_code="500"} 1');
    expect(text).toContain('http_server_requests_total{method="GET",route="unmatched",status_code="404"} 1');
    expect(text).toContain(
      'http_server_request_duration_seconds_count{method="GET",route="/leads/:id",status_code="200"} 2',
    );

    expect(lines).toHaveLength(6);
    expect(lines[0]).toMatchObject({
      level: 'info',
      msg: 'request completed',
      method: 'GET',
      route: '/leads/:id',
      path: '/leads/42',
      status_code: 200,
      service: 'ingestion',
    });
    expect(typeof lines[0]?.['duration_ms']).toBe('number');
    expect(lines[2]).toMatchObject({ level: 'error', status_code: 500 });
    expect(lines[4]).toMatchObject({ level: 'debug', route: '/health/live' });
    // A starting service's readiness probe answers 503: the probe working, not an error to read.
    expect(lines[5]).toMatchObject({ level: 'debug', route: '/health/ready', status_code: 503 });
    const raw = JSON.stringify(lines);
    expect(raw).not.toContain('t0ken');
    expect(raw).not.toContain('ada@example.com');
  });
});
