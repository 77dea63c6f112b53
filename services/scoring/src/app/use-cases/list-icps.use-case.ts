import type { StoredIcp } from '../ports/icp-store.port';
import type { Transactions } from '../ports/transactions.port';

export type IcpVersionSummary = {
  icpId: string;
  version: number;
  name: string;
  isCurrent: boolean;
  source: StoredIcp['source'];
  publishedAt: number;
  publishedBy: string | null;
};

/** Every published ICP version, newest first within an id. */
export class ListIcps {
  constructor(private readonly transactions: Transactions) {}

  async execute(): Promise<IcpVersionSummary[]> {
    const stored = await this.transactions.run((tx) => tx.icps.list());
    return stored
      .map((s) => ({
        icpId: s.icp.id,
        version: s.icp.version,
        name: s.icp.name,
        isCurrent: s.isCurrent,
        source: s.source,
        publishedAt: s.publishedAt,
        publishedBy: s.publishedBy,
      }))
      .sort((a, b) => a.icpId.localeCompare(b.icpId) || b.version - a.version);
  }
}
