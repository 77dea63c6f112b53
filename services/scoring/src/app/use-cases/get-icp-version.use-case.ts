import type { StoredIcp } from '../ports/icp-store.port';
import type { Transactions } from '../ports/transactions.port';

/** One published ICP version with its document. */
export class GetIcpVersion {
  constructor(private readonly transactions: Transactions) {}

  execute(icpId: string, version: number): Promise<StoredIcp | undefined> {
    return this.transactions.run((tx) => tx.icps.get(icpId, version));
  }
}
