import type { Principal } from '../keys/api-key';
import { parseToken, sameHash, sha256 } from '../keys/key-secret';
import type { StaticKey } from '../keys/static-keys';
import type { ApiKeyStore } from '../ports/api-key-store.port';

export type Credential = { readonly kind: 'basic' | 'bearer'; readonly token: string };

/**
 * Turns a credential into a principal of a source key (stored, or the dev write key), or null.
 * Never says which part was wrong. Platform keys (API_KEYS) are libs/http's, asked after this.
 */
export class Authenticate {
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
