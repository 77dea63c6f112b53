import type { Transactions } from '../ports/transactions.port';
import type { FilterOptions } from '../views';

/** The values each dashboard filter can take, from the roll-up. */
export class GetFilterOptions {
  constructor(private readonly transactions: Transactions) {}

  execute(): Promise<FilterOptions> {
    return this.transactions.run((tx) => tx.rollup.dimensionValues());
  }
}
