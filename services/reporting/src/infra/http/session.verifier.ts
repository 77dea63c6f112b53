import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import {
  apiKeyIdOf,
  ApiKeysVerifier,
  CredentialVerifier,
  parseApiKeys,
  type Credential,
  type Principal,
} from '@smarketing/http';

export type SessionOptions = {
  /** API_KEYS: a session is issued for, and lives only as long as, one of these keys with `read`. */
  readonly apiKeys: string;
  /** HMAC key of the session tokens; undefined: a random one for this process. */
  readonly secret: string | undefined;
  readonly ttlMs: number;
  readonly now?: () => number;
};

export type IssuedSession = { readonly token: string; readonly expiresAt: number };

/** What a session may do: read. Writes (admin) need the key itself, so a stolen cookie cannot change targets. */
const SESSION_SCOPES = ['read'] as const;

const b64url = (b: Buffer): string => b.toString('base64url');

/**
 * The page's sessions: a read key is exchanged once (POST /v1/session) for a token the browser keeps
 * in an HttpOnly cookie. The token is `<payload>.<HMAC-SHA256>` naming the key by its id and an
 * expiry, so no session table is needed and every replica with the same secret accepts it. It is
 * accepted only while API_KEYS still holds that key with `read`: removing a key ends its sessions.
 */
export class SessionVerifier extends CredentialVerifier {
  private readonly keys: ApiKeysVerifier;
  private readonly readKeyIds: ReadonlySet<string>;
  private readonly secret: Buffer;
  private readonly now: () => number;

  constructor(private readonly options: SessionOptions) {
    super();
    const entries = parseApiKeys(options.apiKeys);
    this.keys = new ApiKeysVerifier(entries);
    this.readKeyIds = new Set(entries.filter((e) => e.scopes.includes('read')).map((e) => apiKeyIdOf(e.key)));
    this.secret = options.secret === undefined ? randomBytes(32) : Buffer.from(options.secret, 'utf8');
    this.now = options.now ?? Date.now;
  }

  /** A session for an API key holding `read`; null for any other key (unknown, or without `read`). */
  async issue(key: string): Promise<IssuedSession | null> {
    const principal = await this.keys.verify({ kind: 'bearer', token: key });
    if (principal === null || !principal.scopes.includes('read')) return null;
    const expiresAt = this.now() + this.options.ttlMs;
    const payload = b64url(Buffer.from(JSON.stringify({ k: principal.keyId, e: expiresAt }), 'utf8'));
    return { token: `${payload}.${this.mac(payload)}`, expiresAt };
  }

  async verify(credential: Credential): Promise<Principal | null> {
    const token = credential.token;
    const dot = token.indexOf('.');
    if (dot <= 0 || token.length > 512) return null;
    const payload = token.slice(0, dot);
    const presented = Buffer.from(token.slice(dot + 1), 'base64url');
    const expected = Buffer.from(this.mac(payload), 'base64url');
    if (presented.length !== expected.length || !timingSafeEqual(presented, expected)) return null;
    const claims = this.claimsOf(payload);
    if (claims === null || claims.e <= this.now() || !this.readKeyIds.has(claims.k)) return null;
    return { keyId: claims.k, scopes: SESSION_SCOPES };
  }

  private mac(payload: string): string {
    return b64url(createHmac('sha256', this.secret).update(payload, 'utf8').digest());
  }

  private claimsOf(payload: string): { readonly k: string; readonly e: number } | null {
    try {
      const value: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
      if (typeof value !== 'object' || value === null) return null;
      const { k, e } = value as Record<string, unknown>;
      return typeof k === 'string' && typeof e === 'number' ? { k, e } : null;
    } catch {
      return null;
    }
  }
}
