import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ensureStack, createTestDatabase } from '@smarketing/testing';
import { createDataSource, migrate } from '@smarketing/persistence';
import { loadConfig } from '../src/config';
import { createApp } from '../src/app.factory';
import { migrations } from '../src/infra/migrations';

describe('scoring service on the real stack', () => {
  let app: NestFastifyApplication;
  let dropDb: () => Promise<void>;

  beforeAll(async () => {
    await ensureStack();
    const db = await createTestDatabase('scoring');
    dropDb = db.drop;
    const config = loadConfig({
      ...process.env,
      DATABASE_URL: db.url,
      CONSUMER_GROUP: `scoring-test-${Date.now()}`,
      PORT: '0',
    });
    const ds = createDataSource({ url: db.url, applicationName: 'scoring-test', migrations });
    await migrate(ds);
    await ds.destroy();
    app = await createApp(config);
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });

  afterAll(async () => {
    await app?.close();
    await dropDb?.();
  });

  it('is ready once its database, broker and registry answer', async () => {
    const res = await app.getHttpAdapter().getInstance().inject({ method: 'GET', url: '/health/ready' });
    expect(JSON.parse(res.body)).toMatchObject({ status: 'ok' });
    expect(res.statusCode).toBe(200);
  });

  it('exposes Prometheus metrics', async () => {
    const res = await app.getHttpAdapter().getInstance().inject({ method: 'GET', url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('smarketing_');
  });
});
