export type Scope = 'ingest' | 'admin' | 'read';
export const SCOPES: readonly Scope[] = ['ingest', 'admin', 'read'];

/** A write key identifies a Segment-style source; an API key carries scopes. */
export type KeyKind = 'write' | 'api';

/** A stored key: never the secret itself, only its SHA-256. */
export type ApiKeyRecord = {
  readonly keyId: string;
  readonly kind: KeyKind;
  readonly name: string;
  /** Name of the source its events carry. */
  readonly source: string;
  readonly scopes: readonly Scope[];
  readonly secretHash: Buffer;
  /** Standard Webhooks secret (whsec_…); when set, every request must be signed with it. */
  readonly signingSecret: string | null;
  readonly rateLimitPerWindow: number | null;
  readonly createdAt: number;
  readonly rotatedAt: number | null;
  readonly revokedAt: number | null;
};

/** Who is calling, once the credential checked out. */
export type Principal = {
  readonly keyId: string;
  readonly kind: KeyKind;
  readonly source: string;
  readonly scopes: readonly Scope[];
  readonly signingSecret: string | null;
  readonly rateLimitPerWindow: number | null;
};

/** A key without its hash, as the admin API lists it. */
export type ApiKeyView = Omit<ApiKeyRecord, 'secretHash' | 'signingSecret'> & { readonly signed: boolean };

export const viewOf = ({ secretHash: _h, signingSecret, ...rest }: ApiKeyRecord): ApiKeyView => ({
  ...rest,
  signed: signingSecret !== null,
});
