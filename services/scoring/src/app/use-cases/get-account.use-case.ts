import type { AccountRecord } from '../account/account-record';
import type { Transactions } from '../ports/transactions.port';

/** One account with its score, explanation and leads (undefined when unknown or not scored yet). */
export class GetAccount {
  constructor(private readonly transactions: Transactions) {}

  async execute(accountId: string): Promise<AccountRecord | undefined> {
    const account = await this.transactions.run((tx) => tx.accounts.find(accountId));
    return account?.score ? account : undefined;
  }
}
