/** The scopes every service checks: `ingest` (send data), `read` (query), `admin` (manage). */
export const SCOPES = ['ingest', 'read', 'admin'] as const;

/** One of {@link SCOPES}. */
export type Scope = (typeof SCOPES)[number];

/** What the Authorization header carried: `Bearer <key>`, or `Basic` with the key as the user name. */
export type Credential = { readonly kind: 'basic' | 'bearer'; readonly token: string };

/** Who is calling, once a {@link CredentialVerifier} accepted the credential. */
export type Principal = {
  /** Names the key in logs and audit rows; never the secret. */
  readonly keyId: string;
  /** The source the key sends data as (ingestion's write keys); absent for platform keys. */
  readonly source?: string;
  readonly scopes: readonly Scope[];
  /** This key's requests per rate-limit window, instead of the service's default. */
  readonly rateLimitPerWindow?: number;
  /** A Standard Webhooks secret: when set, every request of this key must be signed with it. */
  readonly signingSecret?: string;
};
