import type { ApiKeyStore } from '../ports/api-key-store.port';
import { viewOf, type ApiKeyView } from './api-key';

export class ListApiKeysUseCase {
  constructor(private readonly store: ApiKeyStore) {}

  async execute(): Promise<readonly ApiKeyView[]> {
    return (await this.store.list()).map(viewOf);
  }
}
