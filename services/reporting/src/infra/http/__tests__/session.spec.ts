import {
  ADMIN_KEY,
  API_KEYS,
  bearer,
  INGEST_KEY,
  READ_KEY,
  SESSION_SECRET,
  startEdge,
  type Edge,
} from './edge';

const cookieOf = (setCookie: unknown): string => {
  const header = Array.isArray(setCookie) ? String(setCookie[0]) : String(setCookie);
  return header.split(';')[0] ?? '';
};

describe('signing in to the page with a read key', () => {
  let edge: Edge;

  beforeAll(async () => {
    edge = await startEdge();
  });

  afterAll(async () => {
    await edge.app.close();
  });

  const signIn = (key: string) => edge.inject('POST', '/v1/session', { body: { key } });

  it('exchanges a read key for an HttpOnly, SameSite=Strict session cookie that reads the API', async () => {
    const res = await signIn(READ_KEY);
    expect(res.status).toBe(201);
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/^smarketing_session=[\w-]+\.[\w-]+;/);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Strict');
    expect(setCookie).toContain('Path=/');
    expect(setCookie).not.toContain('Secure');
    expect(setCookie).not.toContain(READ_KEY);
    expect(res.json()).toEqual({ expiresAt: new Date(edge.clock.now + 12 * 3_600_000).toISOString() });

    const dashboard = await edge.inject('GET', '/v1/dashboard?period=2026-Q4', {
      headers: { cookie: cookieOf(res.headers['set-cookie']) },
    });
    expect(dashboard.status).toBe(200);
  });

  it('refuses an unknown key, and a key without read, setting no cookie', async () => {
    for (const key of ['not-a-key-0123456789abcdef0123456789', INGEST_KEY, ADMIN_KEY]) {
      const res = await signIn(key);
      expect(res.status).toBe(401);
      expect(res.json()).toMatchObject({ error: 'unauthorized' });
      expect(res.headers['set-cookie']).toBeUndefined();
    }
  });

  it('answers 400 naming key when the body has none', async () => {
    const res = await edge.inject('POST', '/v1/session', { body: {} });
    expect(res.status).toBe(400);
    expect(res.json()).toMatchObject({ errors: [{ path: 'key' }] });
  });

  it('gives the session read only: admin routes still need the admin key', async () => {
    const cookie = cookieOf((await signIn(READ_KEY)).headers['set-cookie']);
    const res = await edge.inject('PUT', '/v1/targets/2026-Q4', {
      headers: { cookie },
      body: { targets: [{ metricId: 'mql-volume', target: 450, owner: 'marketing' }] },
    });
    expect(res.status).toBe(403);
  });

  it('refuses a tampered, a forged or an expired session', async () => {
    const cookie = cookieOf((await signIn(READ_KEY)).headers['set-cookie']);
    const [name, token] = cookie.split('=') as [string, string];
    const [payload] = token.split('.') as [string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { k: string; e: number };
    const longer = Buffer.from(JSON.stringify({ ...claims, e: claims.e + 3_600_000 })).toString('base64url');
    const get = (c: string) => edge.inject('GET', '/v1/filters', { headers: { cookie: c } });

    expect((await get(cookie)).status).toBe(200);
    expect((await get(`${name}=${longer}.${token.split('.')[1]}`)).status).toBe(401);
    expect((await get(`${name}=${payload}.AAAA`)).status).toBe(401);
    expect((await get(`${name}=garbage`)).status).toBe(401);

    edge.clock.now += 12 * 3_600_000;
    expect((await get(cookie)).status).toBe(401);
    edge.clock.now -= 12 * 3_600_000;
  });

  it('signs out by clearing the cookie', async () => {
    const res = await edge.inject('POST', '/v1/session/logout');
    expect(res.status).toBe(204);
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/^smarketing_session=;/);
    expect(setCookie).toContain('Expires=Thu, 01 Jan 1970 00:00:00 GMT');
  });

  it('accepts the session token as a Bearer credential too', async () => {
    const token = cookieOf((await signIn(READ_KEY)).headers['set-cookie']).split('=')[1] ?? '';
    expect((await edge.inject('GET', '/v1/filters', { headers: bearer(token) })).status).toBe(200);
  });
});

describe('sessions across restarts and key changes', () => {
  it('survives a restart with the same SESSION_SECRET, ends when the key leaves API_KEYS', async () => {
    const first = await startEdge();
    const cookie = cookieOf(
      (await first.inject('POST', '/v1/session', { body: { key: READ_KEY } })).headers['set-cookie'],
    );
    await first.app.close();

    const again = await startEdge({ API_KEYS, SESSION_SECRET });
    expect((await again.inject('GET', '/v1/filters', { headers: { cookie } })).status).toBe(200);
    await again.app.close();

    const rotated = await startEdge({ API_KEYS: `admin:${ADMIN_KEY}` });
    expect((await rotated.inject('GET', '/v1/filters', { headers: { cookie } })).status).toBe(401);
    await rotated.app.close();

    const otherSecret = await startEdge({ SESSION_SECRET: 'another-secret-0123456789abcdef0123456789' });
    expect((await otherSecret.inject('GET', '/v1/filters', { headers: { cookie } })).status).toBe(401);
    await otherSecret.app.close();
  });

  it('marks the cookie Secure when SESSION_COOKIE_SECURE=true', async () => {
    const edge = await startEdge({ SESSION_COOKIE_SECURE: 'true' });
    const res = await edge.inject('POST', '/v1/session', { body: { key: READ_KEY } });
    expect(String(res.headers['set-cookie'])).toContain('Secure');
    await edge.app.close();
  });
});
