import { Injectable, Module, type OnModuleInit } from '@nestjs/common';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { HealthIndicator, type HealthCheckResult } from '../health-indicator';
import { HealthRegistry } from '../health-registry';
import { counter } from '../metrics';
import { ObservabilityModule } from '../observability.module';

/** A dependency the test can switch between healthy, failing, throwing and hanging. */
@Injectable()
class FakeDependencyHealth extends HealthIndicator implements OnModuleInit {
  readonly name = 'postgres';
  behaviour: 'ok' | 'down' | 'throws' | 'hangs' = 'ok';

  constructor(private readonly registry: HealthRegistry) {
    super();
  }

  onModuleInit(): void {
    this.registry.register(this);
  }

  check(): Promise<HealthCheckResult> {
    switch (this.behaviour) {
      case 'ok':
        return Promise.resolve({ ok: true });
      case 'down':
        return Promise.resolve({ ok: false, detail: 'connection refused' });
      case 'throws':
        return Promise.reject(new Error('password authentication failed'));
      case 'hangs':
        return new Promise(() => undefined);
    }
  }
}

@Module({ providers: [FakeDependencyHealth] })
class DatabaseModule {}

describe('ObservabilityModule on Fastify', () => {
  let app: NestFastifyApplication;
  let dependency: FakeDependencyHealth;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [ObservabilityModule.forRoot({ service: 'scoring', indicatorTimeoutMs: 100 }), DatabaseModule],
    }).compile();
    app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter(), { logger: false });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    dependency = app.get(FakeDependencyHealth);
  });

  afterAll(() => app.close());

  const get = (url: string) => app.getHttpAdapter().getInstance().inject({ method: 'GET', url });

  it('answers /health/live with 200 without any credential', async () => {
    const res = await get('/health/live');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('answers /health/ready with 200 when every indicator is ok', async () => {
    dependency.behaviour = 'ok';
    const res = await get('/health/ready');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', checks: [{ name: 'postgres', ok: true }] });
  });

  it.each([
    ['down', 'connection refused'],
    ['throws', 'password authentication failed'],
    ['hangs', 'timed out after 100 ms'],
  ] as const)('answers /health/ready with 503 naming the indicator when it %s', async (behaviour, detail) => {
    dependency.behaviour = behaviour;
    const res = await get('/health/ready');
    expect(res.statusCode).toBe(503);
    expect(res.json()).toEqual({ status: 'unavailable', checks: [{ name: 'postgres', ok: false, detail }] });
  });

  it('serves the registry on /metrics in the Prometheus text format', async () => {
    counter({ name: 'module_test_events_total', help: 'events' }).inc();
    const res = await get('/metrics');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
    expect(res.body).toContain('module_test_events_total{service="scoring"} 1');
    expect(res.body).toContain('# TYPE nodejs_eventloop_lag_seconds gauge');
  });

  it('refuses a second indicator under a taken name', () => {
    const other = new (class extends HealthIndicator {
      readonly name = 'postgres';
      check = () => Promise.resolve({ ok: true });
    })();
    expect(() => app.get(HealthRegistry).register(other)).toThrow(/already registered/);
  });
});

describe('readiness during shutdown', () => {
  it('turns 503 once Nest starts shutting down, so traffic drains', async () => {
    const registry = new HealthRegistry();
    expect((await registry.readiness()).status).toBe('ok');
    registry.beforeApplicationShutdown();
    expect(await registry.readiness()).toEqual({
      status: 'unavailable',
      checks: [{ name: 'shutdown', ok: false, detail: 'the service is shutting down' }],
    });
  });
});
