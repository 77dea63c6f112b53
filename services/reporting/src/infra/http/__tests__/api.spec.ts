import { ADMIN_KEY, bearer, READ_KEY, startEdge, type Edge } from './edge';
import { DASHBOARD, REVIEW } from './fixture';

describe('the reporting API', () => {
  let edge: Edge;

  beforeAll(async () => {
    edge = await startEdge();
  });

  afterAll(async () => {
    await edge.app.close();
  });

  it.each([
    ['GET', '/v1/dashboard?period=2026-Q4'],
    ['GET', '/v1/filters'],
    ['GET', '/v1/metrics'],
    ['GET', '/v1/reviews/2026-W48'],
    ['GET', '/v1/rebuild'],
    ['GET', '/v1/stream'],
    ['PUT', '/v1/targets/2026-Q4'],
    ['POST', '/v1/action-items'],
    ['PATCH', '/v1/action-items/item-1'],
  ] as const)('answers 401 to %s %s without a credential', async (method, url) => {
    const res = await edge.inject(method, url, method === 'GET' ? {} : { body: {} });
    expect(res.status).toBe(401);
    expect(res.json()).toMatchObject({ error: 'unauthorized' });
  });

  it('serves the dashboard of a period to a read key, passing only the filters given', async () => {
    const res = await edge.inject('GET', '/v1/dashboard?period=2026-Q4&segment=smb&region=emea', {
      headers: bearer(READ_KEY),
    });
    expect(res.status).toBe(200);
    const body = res.json() as typeof DASHBOARD;
    expect(body.period).toEqual(DASHBOARD.period);
    expect(body.metrics.find((m) => m.id === 'mql-volume')?.actual).toBe(206);
    expect(edge.queries.asked.at(-1)).toEqual({
      period: '2026-Q4',
      filters: { segment: 'smb', region: 'emea' },
    });
  });

  it('answers 400 naming query.period for a period id of no known shape, before asking the read models', async () => {
    const asked = edge.queries.asked.length;
    const res = await edge.inject('GET', '/v1/dashboard?period=last-quarter', { headers: bearer(READ_KEY) });
    expect(res.status).toBe(400);
    expect(res.json()).toMatchObject({ error: 'invalid_input', errors: [{ path: 'query.period' }] });
    expect(edge.queries.asked.length).toBe(asked);
  });

  it('answers 400 naming the field the read models refuse (InvalidQueryError) as the edge names it', async () => {
    const res = await edge.inject('GET', '/v1/dashboard?period=2025-Q1', { headers: bearer(READ_KEY) });
    expect(res.status).toBe(400);
    expect(res.json()).toEqual({
      error: 'invalid_input',
      message: 'the query is invalid',
      errors: [{ path: 'query.period', message: 'no data for 2025-Q1' }],
    });
  });

  it('serves the filters, the catalog, a week’s review and the rebuild status', async () => {
    const get = (url: string) => edge.inject('GET', url, { headers: bearer(READ_KEY) });
    expect((await get('/v1/filters')).json()).toMatchObject({ segments: ['enterprise', 'smb'] });
    const catalog = (await get('/v1/metrics')).json() as { metrics: { id: string; caveat?: string }[] };
    expect(catalog.metrics.find((m) => m.id === 'clv-to-cac')?.caveat).toContain('churn');
    expect((await get('/v1/reviews/2026-W48')).json()).toEqual(REVIEW);
    expect((await get('/v1/reviews/2026-48')).json()).toMatchObject({ errors: [{ path: 'params.week' }] });
    expect((await get('/v1/reviews/2026-W47')).json()).toMatchObject({
      errors: [{ path: 'params.week', message: 'no review for 2026-W47' }],
    });
    expect((await get('/v1/rebuild')).json()).toMatchObject({ state: 'idle' });
  });

  it('lets only an admin key set targets, naming the unknown metric it refuses', async () => {
    const targets = [{ metricId: 'mql-volume', target: 450, owner: 'marketing' }];
    const asReader = await edge.inject('PUT', '/v1/targets/2026-Q4', {
      headers: bearer(READ_KEY),
      body: { targets },
    });
    expect(asReader.status).toBe(403);

    const set = await edge.inject('PUT', '/v1/targets/2026-Q4', {
      headers: bearer(ADMIN_KEY),
      body: { targets },
    });
    expect(set.status).toBe(204);
    expect(edge.commands.targets.get('2026-Q4')).toEqual(targets);

    const unknown = await edge.inject('PUT', '/v1/targets/2026-Q4', {
      headers: bearer(ADMIN_KEY),
      body: { targets: [...targets, { metricId: 'vibes', target: 1, owner: 'shared' }] },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.json()).toMatchObject({ errors: [{ path: 'targets[1].metricId' }] });

    const badOwner = await edge.inject('PUT', '/v1/targets/2026-Q4', {
      headers: bearer(ADMIN_KEY),
      body: { targets: [{ metricId: 'mql-volume', target: 1, owner: 'finance' }] },
    });
    expect(badOwner.json()).toMatchObject({ errors: [{ path: 'targets[0].owner' }] });
  });

  it('adds an action item and marks it done (admin), 404 for an unknown item', async () => {
    const added = await edge.inject('POST', '/v1/action-items', {
      headers: bearer(ADMIN_KEY),
      body: { week: '2026-W48', owner: 'sales', text: 'Call back the 9 missed leads', due: '2026-12-04' },
    });
    expect(added.status).toBe(201);
    const item = added.json() as { id: string; done: boolean };
    expect(item).toMatchObject({ week: '2026-W48', owner: 'sales', done: false, due: '2026-12-04' });

    const done = await edge.inject('PATCH', `/v1/action-items/${item.id}`, {
      headers: bearer(ADMIN_KEY),
      body: { done: true },
    });
    expect(done.json()).toMatchObject({ id: item.id, done: true });

    const missing = await edge.inject('PATCH', '/v1/action-items/nope', {
      headers: bearer(ADMIN_KEY),
      body: { done: true },
    });
    expect(missing.status).toBe(404);

    const badDue = await edge.inject('POST', '/v1/action-items', {
      headers: bearer(ADMIN_KEY),
      body: { week: '2026-W48', owner: 'sales', text: 'x', due: 'friday' },
    });
    expect(badDue.json()).toMatchObject({ errors: [{ path: 'due' }] });
  });

  it('documents every route in /openapi.json with its scope', async () => {
    const doc = (await edge.inject('GET', '/openapi.json')).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/v1/dashboard',
        '/v1/filters',
        '/v1/metrics',
        '/v1/reviews/{week}',
        '/v1/targets/{period}',
        '/v1/action-items',
        '/v1/action-items/{id}',
        '/v1/rebuild',
        '/v1/stream',
        '/v1/session',
        '/v1/session/logout',
        '/login',
      ]),
    );
    expect(doc.paths['/v1/dashboard']?.['get']).toMatchObject({
      parameters: expect.arrayContaining([expect.objectContaining({ name: 'period', in: 'query' })]),
    });
  });
});
