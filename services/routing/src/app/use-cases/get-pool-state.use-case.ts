import type { HeldLead } from '../ports/held-store.port';
import type { PoolView } from '../ports/pool-state-store.port';
import type { Transactions } from '../ports/transactions.port';

/** A pool's rotation as stored: turn, cursor, each member's counts and debts, and the leads it holds (read). */
export class GetPoolState {
  constructor(private readonly transactions: Transactions) {}

  execute(poolId: string, heldLimit: number): Promise<(PoolView & { heldLeads: HeldLead[] }) | undefined> {
    return this.transactions.read(async (tx) => {
      const view = await tx.pools.view(poolId);
      if (view === undefined) return undefined;
      return { ...view, heldLeads: await tx.held.inPool(poolId, heldLimit) };
    });
  }
}
