import { createHash, timingSafeEqual } from 'node:crypto';

export type Scope = 'admin' | 'read';

export type Principal = { keyId: string; scopes: readonly Scope[] };

type StoredKey = { keyId: string; scopes: readonly Scope[]; hash: Buffer };

const sha256 = (secret: string): Buffer => createHash('sha256').update(secret, 'utf8').digest();

/**
 * API keys with scopes. Only SHA-256 hashes are kept (computed at start-up); a presented key is hashed
 * and compared in constant time against every stored hash. Admin implies read.
 */
export class ApiKeys {
  private readonly keys: StoredKey[];

  constructor(keys: readonly { keyId: string; scopes: readonly Scope[]; secret: string | undefined }[]) {
    this.keys = keys.flatMap((k) =>
      k.secret === undefined ? [] : [{ keyId: k.keyId, scopes: k.scopes, hash: sha256(k.secret) }],
    );
  }

  static fromConfig(config: { SCORING_ADMIN_KEY?: string; SCORING_READ_KEY?: string }): ApiKeys {
    return new ApiKeys([
      { keyId: 'env:SCORING_ADMIN_KEY', scopes: ['admin', 'read'], secret: config.SCORING_ADMIN_KEY },
      { keyId: 'env:SCORING_READ_KEY', scopes: ['read'], secret: config.SCORING_READ_KEY },
    ]);
  }

  /** The principal behind an `Authorization: Bearer <key>` header, or undefined. */
  authenticate(authorization: string | undefined): Principal | undefined {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
    if (!match?.[1]) return undefined;
    const presented = sha256(match[1]);
    let found: StoredKey | undefined;
    for (const key of this.keys) if (timingSafeEqual(key.hash, presented) && found === undefined) found = key;
    return found && { keyId: found.keyId, scopes: found.scopes };
  }
}
