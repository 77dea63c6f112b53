import type { LeadsMerged } from '@smarketing/contracts';
import type { Recredit } from '../credit/recredit';
import type { AttributionTx, Incoming } from '../ports/transactions.port';

/**
 * leads-merged: the merged leads' touches, milestones and conversions move to the survivor (the
 * anonymous visits now belong to the person), and the survivor's conversions are recredited.
 */
export class MergeLeads {
  constructor(private readonly recredit: Recredit) {}

  async execute(events: readonly Incoming<LeadsMerged>[], tx: AttributionTx): Promise<void> {
    for (const { value: v } of events) {
      const merged = v.mergedLeadIds.filter((id) => id !== v.leadId);
      if (!merged.length) continue;
      await tx.facts.mergeLeads(v.leadId, merged);
      await tx.conversions.reassignLead(v.leadId, merged);
      const survivor = (await tx.facts.leads([v.leadId])).get(v.leadId);
      await this.recredit.execute(
        await tx.conversions.ofLeads([v.leadId], survivor?.accountId ? [survivor.accountId] : []),
        tx,
      );
    }
  }
}
