import type { AccountRecord } from '../account/account-record';
import type { AccountListQuery } from '../ports/account-store.port';
import type { Transactions } from '../ports/transactions.port';

/** Accounts by tier and band, a page at a time (id order; `next` is the cursor of the next page). */
export class ListAccounts {
  constructor(private readonly transactions: Transactions) {}

  async execute(query: AccountListQuery): Promise<{ accounts: AccountRecord[]; next: string | null }> {
    const page = await this.transactions.run((tx) => tx.accounts.list({ ...query, limit: query.limit + 1 }));
    const accounts = page.slice(0, query.limit);
    return {
      accounts,
      next: page.length > query.limit ? (accounts[accounts.length - 1]?.accountId ?? null) : null,
    };
  }
}
