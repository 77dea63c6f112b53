import type { StoredModel } from '../ports/model-store.port';
import type { Transactions } from '../ports/transactions.port';

/** One published model version with its document. */
export class GetModelVersion {
  constructor(private readonly transactions: Transactions) {}

  execute(modelId: string, version: number): Promise<StoredModel | undefined> {
    return this.transactions.run((tx) => tx.models.get(modelId, version));
  }
}
