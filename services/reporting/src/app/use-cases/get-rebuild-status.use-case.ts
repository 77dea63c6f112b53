import type { Transactions } from '../ports/transactions.port';
import type { RebuildStatus } from '../views';

/** The progress of the latest rebuild of the read models from the topics. */
export class GetRebuildStatus {
  constructor(private readonly transactions: Transactions) {}

  execute(): Promise<RebuildStatus> {
    return this.transactions.run((tx) => tx.rebuild.status());
  }
}
