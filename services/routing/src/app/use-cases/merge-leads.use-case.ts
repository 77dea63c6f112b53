import type { LeadsMerged } from '@smarketing/contracts';
import { newLeadRecord } from '../routing/routing-engine';
import type { LeadRecord } from '../ports/lead-store.port';
import type { Incoming, RoutingTx } from '../ports/transactions.port';

/**
 * leads-merged: the merged leads no longer exist. Their held timers are cancelled and their
 * ownership ends (history stays under their ids); the survivor keeps its own routing and takes
 * the newest attributes among them when it has older or none. The survivor's next MQL is routed as usual.
 */
export class MergeLeads {
  async execute(events: readonly Incoming<LeadsMerged>[], tx: RoutingTx): Promise<void> {
    if (events.length === 0) return;
    const ids = [...new Set(events.flatMap((e) => [e.value.leadId, ...e.value.mergedLeadIds]))].sort();
    const known = await tx.leads.lockMany(ids);
    const changed = new Map<string, LeadRecord>();
    const get = (id: string) => changed.get(id) ?? known.get(id);
    const cancelled: string[] = [];
    for (const { value } of events) {
      let survivor = get(value.leadId) ?? newLeadRecord(value.leadId);
      for (const mergedId of value.mergedLeadIds) {
        if (mergedId === value.leadId) continue;
        const merged = get(mergedId);
        if (merged === undefined) continue;
        if (merged.status === 'held') cancelled.push(mergedId);
        if (merged.factsAt !== null && (survivor.factsAt === null || merged.factsAt > survivor.factsAt))
          survivor = { ...survivor, facts: merged.facts, factsAt: merged.factsAt };
        changed.set(mergedId, { ...merged, status: 'merged', ownerRepId: null, queueId: null });
      }
      changed.set(survivor.leadId, survivor);
    }
    await tx.leads.saveMany([...changed.values()]);
    await tx.held.deleteMany(cancelled);
  }
}
