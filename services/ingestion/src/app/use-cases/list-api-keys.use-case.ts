import { viewOf, type ApiKeyView } from '../keys/api-key';
import type { ApiKeyStore } from '../ports/api-key-store.port';

export class ListApiKeys {
  constructor(private readonly store: ApiKeyStore) {}

  async execute(): Promise<readonly ApiKeyView[]> {
    return (await this.store.list()).map(viewOf);
  }
}
