import type { ApiKeyStore } from '../ports/api-key-store.port';
import type { Principal } from './api-key';
import { parseToken, sameHash, sha256 } from './key-secret';

/** Keys configured through the environment (the dev write key): only their hashes are kept. */
export type StaticKey = { readonly hash: Buffer; readonly principal: Principal };

export type Credential = { readonly kind: 'basic' | 'bearer'; readonly token: string };

/**
 * Turns a credential into a principal of a source key (stored, or the dev write key), or null.
 * Never says which part was wrong. Platform keys (API_KEYS) are libs/http's, asked after this.
 */
export class AuthenticateUseCase {
  constructor(
    private readonly store: ApiKeyStore,
    private readonly staticKeys: readonly StaticKey[],
  ) {}

  async execute(credential: Credential): Promise<Principal | null> {
    if (credential.token.length === 0 || credential.token.length > 512) return null;
    const hash = sha256(credential.token);
    let found: Principal | null = null;
    // Every static key is compared, so timing does not tell which one matched.
    for (const key of this.staticKeys) if (sameHash(hash, key.hash)) found = key.principal;
    if (found) return found;
    const parsed = parseToken(credential.token);
    if (!parsed) return null;
    const record = await this.store.find(parsed.keyId);
    if (!record || record.revokedAt !== null || record.kind !== parsed.kind) return null;
    if (!sameHash(sha256(parsed.secret), record.secretHash)) return null;
    // Segment convention: write keys arrive as the Basic username; API keys as Bearer tokens.
    if (record.kind === 'write' && credential.kind !== 'basic') return null;
    return {
      keyId: record.keyId,
      kind: record.kind,
      source: record.source,
      scopes: record.scopes,
      signingSecret: record.signingSecret,
      rateLimitPerWindow: record.rateLimitPerWindow,
    };
  }
}

/** Builds the static keys from configuration values (hashed here, the plain values dropped). */
export function staticKeys(config: { devWriteKey?: string | undefined }): StaticKey[] {
  if (!config.devWriteKey) return [];
  return [
    {
      hash: sha256(config.devWriteKey),
      principal: {
        keyId: 'dev-write-key',
        kind: 'write',
        source: 'dev',
        scopes: ['ingest'],
        signingSecret: null,
        rateLimitPerWindow: null,
      },
    },
  ];
}
