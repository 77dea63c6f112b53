import { createHash, timingSafeEqual } from 'node:crypto';
import { CredentialVerifier } from './credential-verifier';
import { SCOPES, type Credential, type Principal, type Scope } from './principal';

/** Shortest key API_KEYS accepts: 32 characters. */
export const MIN_API_KEY_LENGTH = 32;

/** One API_KEYS entry once parsed: its scopes and its key (dropped once hashed). */
export type ApiKeyEntry = { readonly scopes: readonly Scope[]; readonly key: string };

type StoredKey = { readonly hash: Buffer; readonly principal: Principal };

const sha256 = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

/** A key's id in logs and audit rows: `api-keys:` and the first 12 hex digits of its SHA-256. */
export const apiKeyIdOf = (key: string): string => `api-keys:${sha256(key).toString('hex').slice(0, 12)}`;

/**
 * Parses API_KEYS: comma-separated `<scope>[+<scope>…]:<key>` entries, e.g.
 * `admin+read:6f1c…,ingest:9a2e…`. Blank entries are skipped.
 *
 * @throws Error naming each bad entry by its position (never by its key): a missing scope or key,
 *   an unknown scope, a key shorter than {@link MIN_API_KEY_LENGTH} or with spaces, a repeated key.
 */
export function parseApiKeys(text: string): ApiKeyEntry[] {
  const entries: ApiKeyEntry[] = [];
  const problems: string[] = [];
  const seen = new Map<string, number>();
  text.split(',').forEach((raw, index) => {
    const entry = raw.trim();
    if (entry === '') return;
    const n = index + 1;
    const colon = entry.indexOf(':');
    if (colon <= 0 || colon === entry.length - 1) {
      problems.push(`entry ${n} is not <scope>[+<scope>…]:<key>`);
      return;
    }
    const names = entry.slice(0, colon).split('+');
    const unknown = names.filter((s) => !(SCOPES as readonly string[]).includes(s));
    const key = entry.slice(colon + 1);
    if (unknown.length)
      problems.push(
        `entry ${n} has unknown scope ${unknown.map((s) => `"${s}"`).join(', ')} (use ${SCOPES.join(', ')})`,
      );
    else if (key.length < MIN_API_KEY_LENGTH)
      problems.push(
        `entry ${n} has a key of ${key.length} characters; at least ${MIN_API_KEY_LENGTH} are required`,
      );
    else if (/\s/.test(key)) problems.push(`entry ${n} has a key with white space`);
    else if (seen.has(key)) problems.push(`entry ${n} repeats the key of entry ${seen.get(key)}`);
    else {
      seen.set(key, n);
      entries.push({ scopes: [...new Set(names as Scope[])], key });
    }
  });
  if (problems.length) throw new Error(`invalid configuration: API_KEYS: ${problems.join('; ')}`);
  return entries;
}

/**
 * The platform's API keys (API_KEYS), the same in every service. Only SHA-256 hashes are kept; a
 * presented key, Bearer or Basic, is hashed and compared in constant time with every stored hash,
 * so the time taken tells nothing of which key, or how much of one, matched.
 */
export class ApiKeysVerifier extends CredentialVerifier {
  private readonly keys: readonly StoredKey[];

  constructor(entries: readonly ApiKeyEntry[]) {
    super();
    this.keys = entries.map(({ scopes, key }) => ({
      hash: sha256(key),
      principal: { keyId: apiKeyIdOf(key), scopes },
    }));
  }

  /** Parses and hashes the API_KEYS value (see {@link parseApiKeys}); throws on a bad entry. */
  static fromEnv(text: string): ApiKeysVerifier {
    return new ApiKeysVerifier(parseApiKeys(text));
  }

  /** How many keys it knows. */
  get size(): number {
    return this.keys.length;
  }

  async verify(credential: Credential): Promise<Principal | null> {
    if (credential.token.length === 0 || credential.token.length > 512) return null;
    const presented = sha256(credential.token);
    let found: Principal | null = null;
    for (const key of this.keys)
      if (timingSafeEqual(key.hash, presented) && found === null) found = key.principal;
    return found;
  }
}
