import { rollUpQueuedAccounts } from '../account/roll-up-accounts';
import type { Transactions } from '../ports/transactions.port';

/**
 * Rolls the queued accounts up, one transaction per round of `batchSize` queued changes, until the
 * queue is empty or `shouldStop()` says so. Returns the queued changes it took. Replicas share the
 * queue (SKIP LOCKED); two rounds on one account serialize on its row lock.
 */
export class RollUpAccounts {
  constructor(
    private readonly transactions: Transactions,
    private readonly batchSize: number,
  ) {}

  async execute(shouldStop: () => boolean = () => false): Promise<number> {
    let total = 0;
    while (!shouldStop()) {
      const taken = await this.transactions.run((tx) => rollUpQueuedAccounts(tx, this.batchSize));
      total += taken;
      if (taken < this.batchSize) break;
    }
    return total;
  }
}
