import type { RoutingEngine } from '../routing/routing-engine';
import type { Clock } from '../ports/clock.port';
import type { Transactions } from '../ports/transactions.port';

/**
 * The held-lead timer: claims the leads whose timer is due on the injected clock (SKIP LOCKED, so
 * replicas share them and none releases a lead twice) and routes each at its due time, the moment
 * a rep became available. A lead still without an eligible rep is held again with a later due time.
 */
export class ReleaseHeldLeads {
  constructor(
    private readonly transactions: Transactions,
    private readonly clock: Clock,
    private readonly engine: RoutingEngine,
    private readonly batchSize: number,
  ) {}

  /** Returns how many timers fired (the worker runs again at once while it finds a full batch). */
  async execute(): Promise<number> {
    const now = this.clock.now();
    return this.transactions.run(async (tx) => {
      const due = await tx.held.claimDue(now, this.batchSize);
      await this.engine.apply(
        due.map((h) => ({ type: 'release', leadId: h.leadId, cycle: h.cycle, at: h.dueAt ?? now })),
        tx,
      );
      return due.length;
    });
  }
}
