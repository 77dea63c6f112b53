import type { Transactions } from '../ports/transactions.port';

/** Removes an account's owner (admin): its leads go through the rules' pools from then on. */
export class RemoveAccountOwner {
  constructor(private readonly transactions: Transactions) {}

  async execute(accountKey: string): Promise<boolean> {
    return this.transactions.run(async (tx) => {
      const removed = await tx.org.deleteAccountOwner(accountKey);
      if (removed) await tx.org.bumpVersion();
      return removed;
    });
  }
}
