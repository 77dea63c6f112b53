import { startScoring, type ScoringUnderTest } from './support/scoring-harness';

describe('scoring service on the real stack', () => {
  let s: ScoringUnderTest;

  beforeAll(async () => {
    s = await startScoring();
  });

  afterAll(async () => {
    await s?.close();
  });

  it('is ready once its database, broker and registry answer', async () => {
    const res = await s.app.getHttpAdapter().getInstance().inject({ method: 'GET', url: '/health/ready' });
    expect(JSON.parse(res.body)).toMatchObject({ status: 'ok' });
    expect(res.statusCode).toBe(200);
  });

  it('exposes Prometheus metrics', async () => {
    const res = await s.app.getHttpAdapter().getInstance().inject({ method: 'GET', url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('smarketing_');
  });
});
