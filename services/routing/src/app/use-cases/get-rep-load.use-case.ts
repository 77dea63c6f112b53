import type { PoolDayOutcomes } from '../ports/assignment-store.port';
import type { RepDayStats } from '../ports/pool-state-store.port';
import type { Transactions } from '../ports/transactions.port';

export type RepLoadReport = {
  readonly from: string;
  readonly to: string;
  readonly reps: {
    repId: string;
    assigned: number;
    capped: number;
    skipped: number;
    share: number;
    days: RepDayStats[];
  }[];
  /** Per pool and day: leads held in its queue, sent to a queue, escalated to a manager. */
  readonly pools: PoolDayOutcomes[];
};

/**
 * Fairness and load per rep over time (read, for the dashboard): per UTC day, the leads each rep
 * was assigned, the times they were passed over for a cap and for another reason, and their share;
 * per pool and day, the leads it held, queued or escalated.
 */
export class GetRepLoad {
  constructor(private readonly transactions: Transactions) {}

  execute(input: { from: string; to: string; repIds: readonly string[] | null }): Promise<RepLoadReport> {
    return this.transactions.read(async (tx) => {
      const days = await tx.pools.dayStats(input.repIds, input.from, input.to);
      const byRep = new Map<string, RepDayStats[]>();
      for (const d of days) byRep.set(d.repId, [...(byRep.get(d.repId) ?? []), d]);
      const total = days.reduce((n, d) => n + d.assigned, 0);
      const reps = [...byRep.entries()]
        .map(([repId, list]) => {
          const assigned = list.reduce((n, d) => n + d.assigned, 0);
          return {
            repId,
            assigned,
            capped: list.reduce((n, d) => n + d.capped, 0),
            skipped: list.reduce((n, d) => n + d.skipped, 0),
            share: total === 0 ? 0 : assigned / total,
            days: list,
          };
        })
        .sort((a, b) => a.repId.localeCompare(b.repId));
      return {
        from: input.from,
        to: input.to,
        reps,
        pools: await tx.assignments.outcomesByPool(input.from, input.to),
      };
    });
  }
}
