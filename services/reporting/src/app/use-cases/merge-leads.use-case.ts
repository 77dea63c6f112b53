import type { LeadsMerged } from '@smarketing/contracts';
import { foldInto, newLead, type LeadRecord } from '../../domain/lead-record';
import { changeLeads, newestOf, type LeadChange } from '../rollup/apply-changes';
import type { RollupSettings } from '../rollup/rollup-settings';
import type { Incoming, ReportingTx } from '../ports/transactions.port';

/**
 * leads-merged: the merged leads' facts fold into the survivor (each field by its own event-time
 * rule) and the merged leads stop counting; their profiles go (the survivor's is the person's).
 * The whole batch is one pass, so its leads are locked once, in key order, before the roll-up.
 */
export class MergeLeads {
  constructor(private readonly settings: RollupSettings) {}

  async execute(events: readonly Incoming<LeadsMerged>[], tx: ReportingTx): Promise<void> {
    const merges = events.map(({ value }) => ({
      survivor: value.leadId,
      merged: value.mergedLeadIds.filter((id) => id !== value.leadId),
    }));
    const known = await tx.leads.readMany([...new Set(merges.flatMap((m) => m.merged))]);
    const changes: LeadChange[] = [];
    for (const { survivor, merged } of merges) {
      // A lead merged before (a redelivery, or a chain) already handed its facts on.
      const facts = merged.map((id) => known.get(id) ?? newLead(id)).filter((m) => m.mergedInto === null);
      if (!facts.length) continue;
      changes.push({ leadId: survivor, fold: (l: LeadRecord) => facts.reduce(foldInto, l) });
      for (const m of facts)
        changes.push({
          leadId: m.leadId,
          fold: (l: LeadRecord) => ({ ...l, mergedInto: survivor }),
          ofMergedLead: true,
        });
    }
    await changeLeads(tx, this.settings, changes);
    await tx.people.deleteMany([...new Set(merges.flatMap((m) => m.merged))]);
    await tx.rollup.applied(newestOf(events));
  }
}
