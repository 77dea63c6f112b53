import { TOPICS } from '@smarketing/contracts';
import { bearer, leadUpserted } from '@smarketing/service-testing';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { DashboardView, FilterOptions, WeeklyReview } from '../src/app/views';
import { actualOf, dashboardWhen } from './support/dashboard-reader';
import { EXPECTED, PERIOD, seedFunnel, WEEK } from './support/funnel-dataset';
import {
  EventProducer,
  READ_KEY,
  startReporting,
  type ReportingUnderTest,
} from './support/reporting-harness';

const ADMIN_KEY = 'test-admin-key-0123456789abcdef-0123';

/** Events on the topics in, the dashboard API out, on the real broker, registry and PostgreSQL. */
describe('reporting: the dashboard API on the real stack', () => {
  let s: ReportingUnderTest;
  const producer = new EventProducer();

  beforeAll(async () => {
    s = await startReporting({ API_KEYS: `read:${READ_KEY},admin:${ADMIN_KEY}` });
    await producer.connect();
    await seedFunnel(producer);
    await dashboardWhen(
      s,
      `period=${PERIOD}`,
      (v) => actualOf(v, 'mql-volume') === EXPECTED.all.mqlVolume,
      `the dashboard of ${PERIOD} counting ${EXPECTED.all.mqlVolume} MQLs`,
    );
  });

  afterAll(async () => {
    await producer?.close();
    await s?.close();
  });

  it('counts the MQLs of the period, per segment', async () => {
    for (const segment of ['enterprise', 'smb'] as const) {
      const res = await s.get(`/v1/dashboard?period=${PERIOD}&segment=${segment}`);
      expect(res.status).toBe(200);
      expect(actualOf(res.body as DashboardView, 'mql-volume')).toBe(EXPECTED[segment].mqlVolume);
    }
    const filters = (await s.get('/v1/filters')).body as FilterOptions;
    expect(filters.segments).toEqual(expect.arrayContaining(['enterprise', 'smb']));
  });

  it('serves the catalog every metric of the dashboard comes from', async () => {
    const { metrics } = (await s.get('/v1/metrics')).body as {
      metrics: { id: string; definition: string }[];
    };
    const view = (await s.get(`/v1/dashboard?period=${PERIOD}`)).body as DashboardView;
    const ids = new Set(metrics.map((m) => m.id));
    expect(view.metrics.map((m) => m.id).filter((id) => !ids.has(id))).toEqual([]);
    expect(metrics.every((m) => m.definition.length > 0)).toBe(true);
  });

  it('answers 401 without a key, 403 to a read key on admin routes, 400 naming the field', async () => {
    expect((await s.get(`/v1/dashboard?period=${PERIOD}`, {})).status).toBe(401);
    const asReader = await s.inject('PUT', `/v1/targets/${PERIOD}`, {
      headers: bearer(READ_KEY),
      body: { targets: [{ metricId: 'mql-volume', target: 6, owner: 'marketing' }] },
    });
    expect(asReader.status).toBe(403);
    expect((await s.get('/v1/dashboard?period=2025-13')).body).toMatchObject({
      error: 'invalid_input',
      errors: [{ path: 'query.period' }],
    });
    const unknownMetric = await s.inject('PUT', `/v1/targets/${PERIOD}`, {
      headers: bearer(ADMIN_KEY),
      body: { targets: [{ metricId: 'vibes', target: 1, owner: 'shared' }] },
    });
    expect(unknownMetric.status).toBe(400);
  });

  it('shows a target and owner an admin sets for the period', async () => {
    const res = await s.inject('PUT', `/v1/targets/${PERIOD}`, {
      headers: bearer(ADMIN_KEY),
      body: { targets: [{ metricId: 'mql-volume', target: 6, owner: 'shared' }] },
    });
    expect(res.status).toBe(204);
    const view = (await s.get(`/v1/dashboard?period=${PERIOD}`)).body as DashboardView;
    expect(view.metrics.find((m) => m.id === 'mql-volume')).toMatchObject({ target: 6, owner: 'shared' });
  });

  it('serves the weekly review with an action item an admin adds', async () => {
    const added = await s.inject('POST', '/v1/action-items', {
      headers: bearer(ADMIN_KEY),
      body: { week: WEEK, owner: 'sales', text: 'Call back the rejected enterprise MQLs', due: '2025-05-16' },
    });
    expect(added.status).toBe(201);
    const review = (await s.get(`/v1/reviews/${WEEK}`)).body as WeeklyReview;
    expect(review.sections.map((x) => x.id)).toEqual([
      'pipeline-health',
      'lead-flow',
      'campaign-performance',
      'lead-quality',
      'sla-breaches',
      'action-items',
    ]);
    const items = review.sections.find((x) => x.id === 'action-items');
    expect(JSON.stringify(items)).toContain('Call back the rejected enterprise MQLs');
  });

  it('signs a browser in with a read key and reads with the cookie alone', async () => {
    const signIn = await s.app
      .getHttpAdapter()
      .getInstance()
      .inject({
        method: 'POST',
        url: '/v1/session',
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify({ key: READ_KEY }),
      });
    expect(signIn.statusCode).toBe(201);
    const cookie = String(signIn.headers['set-cookie']).split(';')[0] ?? '';
    expect((await s.get(`/v1/dashboard?period=${PERIOD}`, { cookie })).status).toBe(200);
    // The page is HTML, not the JSON the harness's get parses.
    const page = await s.app
      .getHttpAdapter()
      .getInstance()
      .inject({ method: 'GET', url: '/', headers: { cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
  });

  it('streams a freshness event when new events reach the read models', async () => {
    await s.app.listen(0, '127.0.0.1');
    const { port } = s.app.getHttpServer().address() as AddressInfo;
    const abort = new AbortController();
    const res = await fetch(`http://127.0.0.1:${port}/v1/stream`, {
      headers: bearer(READ_KEY),
      signal: abort.signal,
    });
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    let text = '';
    const versions = () => [...text.matchAll(/"version":(\d+)/g)].map((m) => Number(m[1]));
    const readUntil = async (n: number) => {
      while (versions().length < n) {
        const { value, done } = await reader.read();
        if (done) throw new Error(`the stream ended after ${versions().length} events`);
        text += decoder.decode(value, { stream: true });
      }
    };
    await readUntil(1);

    const leadId = randomUUID();
    await producer.send(TOPICS.leadUpserted, [leadUpserted(leadId, Date.UTC(2025, 5, 3, 9))]);
    await readUntil(2);
    const [first, second] = versions() as [number, number];
    expect(second).toBeGreaterThan(first);
    abort.abort();
  });
});
