import type { Transactions } from '../ports/transactions.port';

/** How far the read models are: the newest event time applied, and the batch counter the page's live updates follow. */
export class GetFreshness {
  constructor(private readonly transactions: Transactions) {}

  execute(): Promise<{ readonly asOf: string | null; readonly version: number }> {
    return this.transactions.run(async (tx) => {
      const f = await tx.rollup.freshness();
      return { asOf: f.asOf === null ? null : new Date(f.asOf).toISOString(), version: f.version };
    });
  }
}
