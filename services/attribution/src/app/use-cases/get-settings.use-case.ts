import type { StoredSettings } from '../ports/settings-store.port';
import type { Transactions } from '../ports/transactions.port';

/** Every settings version, newest first; the first is in force. */
export class ListSettings {
  constructor(private readonly transactions: Transactions) {}

  execute(): Promise<StoredSettings[]> {
    return this.transactions.run((tx) => tx.settings.list());
  }
}
