import { NotFoundError } from '../errors';
import type { ApiKeyStore } from '../ports/api-key-store.port';
import type { Clock } from '../ports/clock.port';

export class RevokeApiKey {
  constructor(
    private readonly store: ApiKeyStore,
    private readonly clock: Clock,
  ) {}

  async execute(keyId: string): Promise<void> {
    if (!(await this.store.revoke(keyId, this.clock.now())))
      throw new NotFoundError(`no active key ${keyId}`);
  }
}
