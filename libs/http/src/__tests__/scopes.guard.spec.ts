import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { InjectOptions } from 'fastify';
import { Webhook } from 'standardwebhooks';
import { CredentialVerifier } from '../auth/credential-verifier';
import type { Credential, Principal } from '../auth/principal';
import { ADMIN_KEY, basic, bearer, READ_KEY, startEdgeApp } from './fixtures/edge-app';

const SIGNING_SECRET = `whsec_${Buffer.from('0123456789abcdef0123456789abcdef').toString('base64')}`;

/** A service's own keys, asked before API_KEYS: one source key, signed. */
class SourceKeys extends CredentialVerifier {
  async verify(credential: Credential): Promise<Principal | null> {
    if (credential.token !== 'signed-source-key') return null;
    return { keyId: 'k1', source: 'web', scopes: ['read', 'admin'], signingSecret: SIGNING_SECRET };
  }
}

describe('the edge guard: deny by default', () => {
  let app: NestFastifyApplication;
  const call = async (options: InjectOptions) => {
    const res = await app.getHttpAdapter().getInstance().inject(options);
    return { status: res.statusCode, body: JSON.parse(res.body) as Record<string, unknown>, res };
  };

  beforeAll(async () => {
    ({ app } = await startEdgeApp({ verifiers: [new SourceKeys()] }));
  });
  afterAll(async () => {
    await app?.close();
  });

  it('closes a controller that declares neither @Scopes nor @Public, to every caller', async () => {
    for (const headers of [{}, bearer(READ_KEY), bearer(ADMIN_KEY)]) {
      const { status, body } = await call({ method: 'GET', url: '/forgotten', headers });
      expect(status).toBe(403);
      expect(body).toEqual({
        error: 'forbidden',
        message: expect.stringContaining('this route declares no scope'),
      });
    }
  });

  it('answers 401 without a valid key, in the envelope, with WWW-Authenticate', async () => {
    for (const headers of [
      {},
      bearer('not-a-key'),
      { authorization: 'Basic !!!' },
      { authorization: 'Digest x' },
    ]) {
      const { status, body, res } = await call({ method: 'GET', url: '/items', headers });
      expect(status).toBe(401);
      expect(body).toMatchObject({ error: 'unauthorized' });
      expect(res.headers['www-authenticate']).toContain('Bearer');
    }
  });

  it('lets a key in with Bearer or as the Basic user name, and names the key', async () => {
    expect(await call({ method: 'GET', url: '/items', headers: bearer(READ_KEY) })).toMatchObject({
      status: 200,
      body: { limit: 10, keyId: expect.stringMatching(/^api-keys:[0-9a-f]{12}$/) },
    });
    expect((await call({ method: 'GET', url: '/items', headers: basic(READ_KEY) })).status).toBe(200);
  });

  it('answers 403 naming the scope the key lacks; a handler’s @Scopes overrides its controller’s', async () => {
    const create = { method: 'POST' as const, url: '/items', payload: { name: 'a', tags: [] } };
    const denied = await call({ ...create, headers: bearer(READ_KEY) });
    expect(denied).toMatchObject({
      status: 403,
      body: { error: 'forbidden', message: 'this key lacks the scope admin' },
    });
    expect((await call({ ...create, headers: bearer(ADMIN_KEY) })).status).toBe(201);
  });

  it('opens @Public routes and the probes to callers without a key', async () => {
    expect(await call({ method: 'GET', url: '/items/public' })).toMatchObject({
      status: 200,
      body: { open: true },
    });
    expect((await call({ method: 'GET', url: '/health/live' })).status).toBe(200);
    expect(
      (await app.getHttpAdapter().getInstance().inject({ method: 'GET', url: '/metrics' })).statusCode,
    ).toBe(200);
    expect((await call({ method: 'GET', url: '/openapi.json' })).status).toBe(200);
  });

  it('asks the service’s verifiers first, and requires the signature of a key that has a secret', async () => {
    const payload = JSON.stringify({ name: 'signed', tags: [] });
    const headers = { authorization: 'Bearer signed-source-key', 'content-type': 'application/json' };
    expect((await call({ method: 'POST', url: '/items', headers, payload })).status).toBe(401);
    const at = new Date();
    const signature = {
      'webhook-id': 'msg_1',
      'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
      'webhook-signature': new Webhook(SIGNING_SECRET).sign('msg_1', at, payload),
    };
    expect(
      (await call({ method: 'POST', url: '/items', headers: { ...headers, ...signature }, payload })).status,
    ).toBe(201);
    const tampered = payload.replace('signed', 'Signed');
    expect(
      (
        await call({
          method: 'POST',
          url: '/items',
          headers: { ...headers, ...signature },
          payload: tampered,
        })
      ).status,
    ).toBe(401);
  });
});
