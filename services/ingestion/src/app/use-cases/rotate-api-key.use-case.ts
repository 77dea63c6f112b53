import { NotFoundError } from '../errors';
import { viewOf, type ApiKeyView } from '../keys/api-key';
import { newToken } from '../keys/key-secret';
import type { ApiKeyStore } from '../ports/api-key-store.port';
import type { Clock } from '../ports/clock.port';

/** Issues a new token for an active key; the old one stops working at once. */
export class RotateApiKey {
  constructor(
    private readonly store: ApiKeyStore,
    private readonly clock: Clock,
  ) {}

  async execute(keyId: string): Promise<ApiKeyView & { readonly token: string }> {
    const record = await this.store.find(keyId);
    if (!record || record.revokedAt !== null) throw new NotFoundError(`no active key ${keyId}`);
    const { token, secretHash } = newToken(record.kind, keyId);
    const at = this.clock.now();
    if (!(await this.store.rotate(keyId, secretHash, at))) throw new NotFoundError(`no active key ${keyId}`);
    return { ...viewOf({ ...record, rotatedAt: at }), token };
  }
}
