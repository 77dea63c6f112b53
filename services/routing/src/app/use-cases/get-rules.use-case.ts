import type { StoredRules } from '../ports/rules-store.port';
import type { Transactions } from '../ports/transactions.port';

/** One published rules version (read), or the one routing now (the latest). */
export class GetRules {
  constructor(private readonly transactions: Transactions) {}

  execute(version: number | 'latest'): Promise<StoredRules | undefined> {
    return this.transactions.read((tx) => (version === 'latest' ? tx.rules.latest() : tx.rules.get(version)));
  }
}
