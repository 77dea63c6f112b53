import type { ApiKeyRecord } from '../../keys/api-key';
import { newToken, parseToken } from '../../keys/key-secret';
import { staticKeys } from '../../keys/static-keys';
import { ApiKeyStore } from '../../ports/api-key-store.port';
import { Authenticate } from '../authenticate.use-case';

class InMemoryKeys extends ApiKeyStore {
  readonly rows = new Map<string, ApiKeyRecord>();
  async insert(r: ApiKeyRecord) {
    this.rows.set(r.keyId, r);
  }
  async find(id: string) {
    return this.rows.get(id) ?? null;
  }
  async list() {
    return [...this.rows.values()];
  }
  async rotate(id: string, secretHash: Buffer, at: number) {
    const r = this.rows.get(id);
    if (!r) return false;
    this.rows.set(id, { ...r, secretHash, rotatedAt: at });
    return true;
  }
  async revoke(id: string, at: number) {
    const r = this.rows.get(id);
    if (!r) return false;
    this.rows.set(id, { ...r, revokedAt: at });
    return true;
  }
}

const record = (keyId: string, secretHash: Buffer, over: Partial<ApiKeyRecord> = {}): ApiKeyRecord => ({
  keyId,
  kind: 'write',
  name: 'web',
  source: 'web',
  scopes: ['ingest'],
  secretHash,
  signingSecret: null,
  rateLimitPerWindow: null,
  createdAt: 0,
  rotatedAt: null,
  revokedAt: null,
  ...over,
});

describe('authenticating a credential', () => {
  it('accepts a stored write key as Basic and only its exact secret', async () => {
    const store = new InMemoryKeys();
    const { token, secretHash } = newToken('write', '0123456789abcdef');
    await store.insert(record('0123456789abcdef', secretHash));
    const auth = new Authenticate(store, []);
    expect(await auth.execute({ kind: 'basic', token })).toMatchObject({
      keyId: '0123456789abcdef',
      source: 'web',
      scopes: ['ingest'],
    });
    expect(await auth.execute({ kind: 'bearer', token })).toBeNull();
    expect(
      await auth.execute({ kind: 'basic', token: token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A') }),
    ).toBeNull();
  });

  it('rejects a revoked key', async () => {
    const store = new InMemoryKeys();
    const { token, secretHash } = newToken('write', 'aaaaaaaaaaaaaaaa');
    await store.insert(record('aaaaaaaaaaaaaaaa', secretHash, { revokedAt: 1 }));
    expect(await new Authenticate(store, []).execute({ kind: 'basic', token })).toBeNull();
  });

  it('recognises the dev write key from configuration by hash, as source dev', async () => {
    const auth = new Authenticate(new InMemoryKeys(), staticKeys({ devWriteKey: 'dev-key-0123456789' }));
    expect(await auth.execute({ kind: 'basic', token: 'dev-key-0123456789' })).toMatchObject({
      source: 'dev',
      scopes: ['ingest'],
    });
    expect(await auth.execute({ kind: 'basic', token: 'dev-key-012345678' })).toBeNull();
    expect(staticKeys({})).toEqual([]);
  });

  it('parses only well-formed tokens', () => {
    expect(parseToken(newToken('api', 'bbbbbbbbbbbbbbbb').token)).toMatchObject({
      kind: 'api',
      keyId: 'bbbbbbbbbbbbbbbb',
    });
    expect(parseToken('smk_short_secret')).toBeNull();
  });
});
