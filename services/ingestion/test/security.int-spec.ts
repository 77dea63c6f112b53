import { randomUUID } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { basic, startTestApp, type TestApp } from './support/ingestion-app';

type Created = {
  keyId: string;
  token: string;
  signingSecret: string | null;
  source: string;
  scopes: string[];
};

describe('credentials, signatures and limits', () => {
  let t: TestApp;
  const run = randomUUID().slice(0, 8);
  const track = (messageId: string) => ({ messageId, anonymousId: `a-${run}`, event: 'Ad Clicked' });

  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMIT_MAX: '1000' });
  });
  afterAll(async () => {
    await t?.close();
  });

  const create = async (body: unknown): Promise<Created> => {
    const res = await t.api('POST', '/v1/admin/keys', body);
    expect(res.statusCode).toBe(201);
    return JSON.parse(res.body) as Created;
  };

  it('creates, lists, rotates and revokes keys, storing only hashes', async () => {
    const write = await create({ kind: 'write', name: `Website ${run}` });
    expect(write.token).toMatch(/^smw_[0-9a-f]{16}_/);
    expect(write.scopes).toEqual(['ingest']);
    expect((await t.segment('/v1/track', track(`k1-${run}`), write.token)).statusCode).toBe(200);

    const list = JSON.parse((await t.api('GET', '/v1/admin/keys')).body) as {
      keys: Record<string, unknown>[];
    };
    const listed = list.keys.find((k) => k.keyId === write.keyId);
    expect(listed).toMatchObject({ kind: 'write', source: `website-${run}`, signed: false, revokedAt: null });
    expect(JSON.stringify(list)).not.toContain(write.token.slice(-43));
    const [stored] = await t.db.query<{ secret_hash: Buffer }>(
      `SELECT secret_hash FROM ingestion_api_keys WHERE key_id = $1`,
      [write.keyId],
    );
    expect(stored?.secret_hash).toHaveLength(32);

    const rotated = JSON.parse((await t.api('POST', `/v1/admin/keys/${write.keyId}/rotate`)).body) as Created;
    expect(rotated.token).not.toBe(write.token);
    expect((await t.segment('/v1/track', track(`k2-${run}`), write.token)).statusCode).toBe(401);
    expect((await t.segment('/v1/track', track(`k3-${run}`), rotated.token)).statusCode).toBe(200);

    expect((await t.api('DELETE', `/v1/admin/keys/${write.keyId}`)).statusCode).toBe(204);
    expect((await t.segment('/v1/track', track(`k4-${run}`), rotated.token)).statusCode).toBe(401);
    expect((await t.api('DELETE', `/v1/admin/keys/${write.keyId}`)).statusCode).toBe(404);
  });

  it('answers 401 without a valid key and 403 without the scope', async () => {
    expect(
      (await t.inject({ method: 'POST', url: '/v1/track', payload: track(`n1-${run}`) })).statusCode,
    ).toBe(401);
    expect(
      (await t.segment('/v1/track', track(`n2-${run}`), 'smw_0123456789abcdef_' + 'A'.repeat(43))).statusCode,
    ).toBe(401);
    expect(
      (
        await t.inject({
          method: 'POST',
          url: '/v1/track',
          headers: { authorization: 'Basic !!!' },
          payload: track(`n3-${run}`),
        })
      ).statusCode,
    ).toBe(401);
    const reader = await create({ kind: 'api', name: `bi-${run}`, scopes: ['read'] });
    expect((await t.api('POST', '/v1/crm/sales-activities', {}, reader.token)).statusCode).toBe(403);
    expect((await t.api('GET', '/v1/admin/keys', undefined, reader.token)).statusCode).toBe(403);
    // API keys work as Basic too (for tools that only speak Basic); this one lacks ingest
    expect((await t.segment('/v1/track', track(`n4-${run}`), reader.token)).statusCode).toBe(403);
    const bad = await t.api('POST', '/v1/admin/keys', { kind: 'write', name: '', scopes: ['admin'] });
    expect(bad.statusCode).toBe(400);
    expect(JSON.parse(bad.body).errors.map((e: { path: string }) => e.path)).toContain('name');
  });

  it('requires a valid Standard Webhooks signature from a signed source', async () => {
    const signed = await create({ kind: 'write', name: `signed-${run}`, signed: true });
    expect(signed.signingSecret).toMatch(/^whsec_/);
    const body = JSON.stringify(track(`s1-${run}`));
    const wh = new Webhook(signed.signingSecret as string);
    const sign = (payload: string, at = new Date()) => ({
      'webhook-id': `msg_${run}`,
      'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
      'webhook-signature': wh.sign(`msg_${run}`, at, payload),
    });
    const post = (headers: Record<string, string>, payload = body) =>
      t.inject({
        method: 'POST',
        url: '/v1/track',
        headers: { authorization: basic(signed.token), 'content-type': 'application/json', ...headers },
        payload,
      });
    expect((await post({})).statusCode).toBe(401);
    expect((await post(sign(body.replace('Ad Clicked', 'Ad Clicked!')))).statusCode).toBe(401);
    expect((await post(sign(body, new Date(Date.now() - 10 * 60_000)))).statusCode).toBe(401);
    const ok = await post(sign(body));
    expect(ok.statusCode).toBe(200);
  });

  it('answers 413 for a body over 500 KB and 400 for a batch over 500 calls', async () => {
    const huge = await t.segment('/v1/track', {
      ...track(`big-${run}`),
      properties: { blob: 'x'.repeat(600_000) },
    });
    expect(huge.statusCode).toBe(413);
    const many = await t.segment('/v1/batch', {
      batch: Array.from({ length: 501 }, (_, i) => ({ type: 'track', ...track(`m${i}-${run}`) })),
    });
    expect(many.statusCode).toBe(400);
    expect(JSON.parse(many.body).errors[0].path).toBe('batch');
  });

  it('answers 429 with Retry-After once a source exceeds its rate, other sources unaffected', async () => {
    const limited = await create({ kind: 'write', name: `limited-${run}`, rateLimitPerWindow: 3 });
    const statuses: number[] = [];
    let retryAfter: string | undefined;
    for (let i = 0; i < 6; i += 1) {
      const res = await t.segment('/v1/track', track(`r${i}-${run}`), limited.token);
      statuses.push(res.statusCode);
      if (res.statusCode === 429) retryAfter = String(res.headers['retry-after']);
    }
    expect(statuses.filter((s) => s === 200).length).toBeLessThanOrEqual(3);
    expect(statuses).toContain(429);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(0);
    expect((await t.segment('/v1/track', track(`other-${run}`))).statusCode).toBe(200);
  });

  it('keeps probes public', async () => {
    expect((await t.inject({ method: 'GET', url: '/health/live' })).statusCode).toBe(200);
  });
});
