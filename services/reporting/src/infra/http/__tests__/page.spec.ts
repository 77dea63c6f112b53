import { READ_KEY, startEdge, type Edge } from './edge';

describe('the page', () => {
  let edge: Edge;
  let cookie: string;

  beforeAll(async () => {
    edge = await startEdge();
    const res = await edge.inject('POST', '/v1/session', { body: { key: READ_KEY } });
    cookie = String(res.headers['set-cookie']).split(';')[0] ?? '';
  });

  afterAll(async () => {
    await edge.app.close();
  });

  it.each([
    ['/', '/login?next=%2F'],
    ['/reviews/2026-W48', '/login?next=%2Freviews%2F2026-W48'],
    ['/?period=2026-Q4&segment=smb', '/login?next=%2F%3Fperiod%3D2026-Q4%26segment%3Dsmb'],
  ])('redirects %s to sign-in (and back) without a session', async (url, location) => {
    const res = await edge.inject('GET', url);
    expect(res.status).toBe(303);
    expect(res.headers['location']).toBe(location);
  });

  it('redirects a browser whose session expired', async () => {
    edge.clock.now += 13 * 3_600_000;
    const res = await edge.inject('GET', '/', { headers: { cookie } });
    edge.clock.now -= 13 * 3_600_000;
    expect(res.status).toBe(303);
  });

  it('serves the dashboard and the review to a signed-in browser, with a same-origin CSP', async () => {
    const dashboard = await edge.inject('GET', '/', { headers: { cookie } });
    expect(dashboard.status).toBe(200);
    expect(dashboard.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(dashboard.body).toContain('<script type="module" src="/assets/dashboard.js">');
    expect(dashboard.headers['content-security-policy']).toContain("default-src 'self'");

    const review = await edge.inject('GET', '/reviews/2026-W48', { headers: { cookie } });
    expect(review.body).toContain('/assets/review.js');
  });

  it('serves the sign-in page to anyone', async () => {
    const res = await edge.inject('GET', '/login');
    expect(res.status).toBe(200);
    expect(res.body).toContain('id="login-form"');
  });

  it('serves the scripts, the styles and chart.js from the service, and 404 for anything else', async () => {
    const chart = await edge.inject('GET', '/assets/chart.umd.js');
    expect(chart.status).toBe(200);
    expect(chart.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(chart.body).toContain('Chart.js v4.6.1');

    const css = await edge.inject('GET', '/assets/style.css');
    expect(css.body).toContain('@media print');

    const again = await edge.inject('GET', '/assets/style.css', {
      headers: { 'if-none-match': String(css.headers['etag']) },
    });
    expect(again.status).toBe(304);

    expect((await edge.inject('GET', '/assets/nope.js')).status).toBe(404);
    expect((await edge.inject('GET', '/assets/dashboard.html')).status).toBe(404);
    expect((await edge.inject('GET', '/assets/format.d.ts')).status).toBe(404);
    expect((await edge.inject('GET', '/assets/..%2Fpackage.json')).status).toBe(400);
  });

  it('serves an ES module of web/ that every page imports', async () => {
    const format = await edge.inject('GET', '/assets/format.js');
    expect(format.status).toBe(200);
    expect(format.body).toContain('export function formatValue');
  });
});
