import { startReporting, type ReportingUnderTest } from './support/reporting-harness';

describe('reporting service on the real stack', () => {
  let s: ReportingUnderTest;

  beforeAll(async () => {
    s = await startReporting();
  });

  afterAll(async () => {
    await s?.close();
  });

  it('is ready once its database, broker and registry answer', async () => {
    const res = await s.get('/health/ready', {});
    expect(res.body).toMatchObject({ status: 'ok' });
    expect(res.status).toBe(200);
  });

  it('exposes Prometheus metrics', async () => {
    const res = await s.app.getHttpAdapter().getInstance().inject({ method: 'GET', url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('smarketing_');
  });
});
