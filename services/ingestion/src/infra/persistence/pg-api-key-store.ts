import type { DataSource } from 'typeorm';
import type { ApiKeyRecord, KeyKind, Scope } from '../../app/keys/api-key';
import { ApiKeyStore } from '../../app/ports/api-key-store.port';

type Row = {
  key_id: string;
  kind: string;
  name: string;
  source: string;
  scopes: string[];
  secret_hash: Buffer;
  signing_secret: string | null;
  rate_limit_per_window: number | null;
  created_at: Date;
  rotated_at: Date | null;
  revoked_at: Date | null;
};

const recordOf = (r: Row): ApiKeyRecord => ({
  keyId: r.key_id,
  kind: r.kind as KeyKind,
  name: r.name,
  source: r.source,
  scopes: r.scopes as Scope[],
  secretHash: r.secret_hash,
  signingSecret: r.signing_secret,
  rateLimitPerWindow: r.rate_limit_per_window,
  createdAt: r.created_at.getTime(),
  rotatedAt: r.rotated_at?.getTime() ?? null,
  revokedAt: r.revoked_at?.getTime() ?? null,
});

const iso = (ms: number): string => new Date(ms).toISOString();

/**
 * Keys in ingestion_api_keys, with a short cache on the hot path (every request authenticates).
 * This replica forgets a key at once on rotate/revoke; other replicas within `ttlMs`.
 */
export class PgApiKeyStore extends ApiKeyStore {
  private readonly cache = new Map<string, { record: ApiKeyRecord | null; until: number }>();

  constructor(
    private readonly db: DataSource,
    private readonly ttlMs: number,
  ) {
    super();
  }

  async insert(k: ApiKeyRecord): Promise<void> {
    await this.db.query(
      `INSERT INTO ingestion_api_keys (key_id, kind, name, source, scopes, secret_hash, signing_secret, rate_limit_per_window, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        k.keyId,
        k.kind,
        k.name,
        k.source,
        k.scopes,
        k.secretHash,
        k.signingSecret,
        k.rateLimitPerWindow,
        iso(k.createdAt),
      ],
    );
    this.cache.delete(k.keyId);
  }

  async find(keyId: string): Promise<ApiKeyRecord | null> {
    const hit = this.cache.get(keyId);
    if (hit && hit.until > Date.now()) return hit.record;
    const rows = (await this.db.query(`SELECT * FROM ingestion_api_keys WHERE key_id = $1`, [
      keyId,
    ])) as Row[];
    const record = rows[0] ? recordOf(rows[0]) : null;
    if (this.ttlMs > 0) {
      // Bounded: random key ids evict the oldest entry, never the whole cache of valid keys.
      if (this.cache.size >= 10_000) this.cache.delete(this.cache.keys().next().value as string);
      this.cache.set(keyId, { record, until: Date.now() + this.ttlMs });
    }
    return record;
  }

  async list(): Promise<readonly ApiKeyRecord[]> {
    return (
      (await this.db.query(`SELECT * FROM ingestion_api_keys ORDER BY created_at, key_id`)) as Row[]
    ).map(recordOf);
  }

  async rotate(keyId: string, secretHash: Buffer, at: number): Promise<boolean> {
    this.cache.delete(keyId);
    return this.updated(
      `UPDATE ingestion_api_keys SET secret_hash = $2, rotated_at = $3 WHERE key_id = $1 AND revoked_at IS NULL RETURNING 1`,
      [keyId, secretHash, iso(at)],
    );
  }

  async revoke(keyId: string, at: number): Promise<boolean> {
    this.cache.delete(keyId);
    return this.updated(
      `UPDATE ingestion_api_keys SET revoked_at = $2 WHERE key_id = $1 AND revoked_at IS NULL RETURNING 1`,
      [keyId, iso(at)],
    );
  }

  private async updated(update: string, params: unknown[]): Promise<boolean> {
    const rows = (await this.db.query(`WITH u AS (${update}) SELECT count(*)::int AS n FROM u`, params)) as {
      n: number;
    }[];
    return rows[0]?.n === 1;
  }
}
