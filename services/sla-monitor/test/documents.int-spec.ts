import { startSlaMonitor, READ_KEY, type SlaMonitorUnderTest } from './support/sla-monitor-harness';

/** Policies and calendars over the admin API, and the defaults seeded from services/sla-monitor/defaults. */
describe('sla-monitor: policies and calendars', () => {
  let s: SlaMonitorUnderTest;

  beforeAll(async () => {
    s = await startSlaMonitor({ env: { TIMER_WORKER: 'off' } });
  });

  afterAll(async () => {
    await s?.close();
  });

  it('seeds the default calendars and policies on start', async () => {
    const policies = await s.get('/v1/policies');
    const ids = (policies.body as { policies: { id: string }[] }).policies.map((p) => p.id);
    expect(ids).toEqual(
      expect.arrayContaining(['response-hot', 'response-mql', 'disposition-default', 'mqls-monthly']),
    );
    const calendar = await s.get('/v1/calendars/emea');
    expect(calendar).toMatchObject({
      status: 200,
      body: { source: 'bundled', document: { timeZone: 'Europe/Berlin' } },
    });
  });

  it('answers 400 naming each bad field of an invalid policy', async () => {
    const res = await s.post('/v1/policies', {
      id: 'Bad Id',
      version: 0,
      name: 'x',
      kind: 'response',
      target: { kind: 'business', hours: -1 },
      warningAt: 3,
    });
    expect(res.status).toBe(400);
    const paths = (res.body as { errors: { path: string }[] }).errors.map((e) => e.path).sort();
    expect(paths).toEqual(['id', 'target.hours', 'version', 'warningAt']);
  });

  it('answers 400 naming each bad field of an invalid calendar', async () => {
    const res = await s.post('/v1/calendars', {
      id: 'mars',
      version: 1,
      name: 'Mars',
      timeZone: 'Mars/Olympus_Mons',
      week: { mon: [{ from: '17:00', to: '09:00' }] },
    });
    expect(res).toMatchObject({ status: 400, body: { error: 'invalid_input' } });
    const paths = (res.body as { errors: { path: string }[] }).errors.map((e) => e.path).sort();
    expect(paths).toEqual(['timeZone', 'week.mon[0].to']);
  });

  it('publishes a new version, refuses the same version again, and serves both', async () => {
    const v2 = {
      ...((await s.get('/v1/policies/response-hot')).body as { document: object }).document,
      version: 2,
    };
    expect((await s.post('/v1/policies', v2)).status).toBe(201);
    expect(await s.post('/v1/policies', v2)).toMatchObject({ status: 409, body: { error: 'conflict' } });
    expect(await s.get('/v1/policies/response-hot')).toMatchObject({
      status: 200,
      body: { document: { version: 2 } },
    });
    expect(await s.get('/v1/policies/response-hot/versions/1')).toMatchObject({
      status: 200,
      body: { source: 'bundled' },
    });
  });

  it('asks for the admin scope to publish and a key to read', async () => {
    const res = await s.post('/v1/calendars', {}, { authorization: `Bearer ${READ_KEY}` });
    expect(res).toMatchObject({ status: 403, body: { error: 'forbidden' } });
    expect(await s.get('/v1/policies', {})).toMatchObject({ status: 401 });
  });

  it('answers 404 for an unknown record and 400 for a malformed id', async () => {
    expect((await s.get('/v1/records/0b0b0b0b-0b0b-4b0b-8b0b-0b0b0b0b0b0b')).status).toBe(404);
    expect(await s.get('/v1/records/not-a-uuid')).toMatchObject({
      status: 400,
      body: { errors: [{ path: 'params.recordId' }] },
    });
  });
});
