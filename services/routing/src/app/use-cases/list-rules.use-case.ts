import type { Transactions } from '../ports/transactions.port';

/** Every published rules version, newest first (read). */
export class ListRules {
  constructor(private readonly transactions: Transactions) {}

  execute() {
    return this.transactions.read((tx) => tx.rules.list());
  }
}
