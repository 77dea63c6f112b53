import { InvalidInputError } from '../errors';
import { viewOf, type ApiKeyView, type Scope } from '../keys/api-key';
import { createKeySchema } from '../keys/create-key.schema';
import { newKeyId, newSigningSecret, newToken } from '../keys/key-secret';
import type { ApiKeyStore } from '../ports/api-key-store.port';
import type { Clock } from '../ports/clock.port';
import { parseWithSchema } from '../validation/schema-parser';

export type CreatedKey = ApiKeyView & { readonly token: string; readonly signingSecret: string | null };

/** Creates a write key (scope ingest) or an API key with scopes; the token is shown once, only its hash is kept. */
export class CreateApiKey {
  constructor(
    private readonly store: ApiKeyStore,
    private readonly clock: Clock,
  ) {}

  async execute(body: unknown): Promise<CreatedKey> {
    const parsed = parseWithSchema(createKeySchema, body);
    if (!parsed.ok) throw new InvalidInputError(parsed.errors);
    const input = parsed.value;
    const source =
      input.source ??
      input.name
        .toLowerCase()
        .replace(/[^a-z0-9._-]+/g, '-')
        .replace(/^[^a-z0-9]+/, '')
        .slice(0, 63);
    if (source.length === 0)
      throw new InvalidInputError([
        { path: 'source', message: 'is required when the name has no letters or digits' },
      ]);
    const scopes: Scope[] =
      input.kind === 'write' ? ['ingest'] : [...new Set((input.scopes ?? ['ingest']) as Scope[])];
    if (input.kind === 'write' && input.scopes && input.scopes.some((s) => s !== 'ingest')) {
      throw new InvalidInputError([{ path: 'scopes', message: 'write keys have the ingest scope only' }]);
    }
    const keyId = newKeyId();
    const { token, secretHash } = newToken(input.kind, keyId);
    const signingSecret = input.signed ? newSigningSecret() : null;
    const record = {
      keyId,
      kind: input.kind,
      name: input.name,
      source,
      scopes,
      secretHash,
      signingSecret,
      rateLimitPerWindow: input.rateLimitPerWindow ?? null,
      createdAt: this.clock.now(),
      rotatedAt: null,
      revokedAt: null,
    };
    await this.store.insert(record);
    return { ...viewOf(record), token, signingSecret };
  }
}
