import type { LeadErased } from '@smarketing/contracts';
import { queueAccountRollUps } from '../account/roll-up-accounts';
import { newLeadRecord, type LeadRecord } from '../lead/lead-record';
import { firstSeenByLead, LeadWorkingSet } from '../lead/lead-working-set';
import type { Incoming, ScoringTx } from '../ports/transactions.port';

/**
 * lead-erased (GDPR): drops the person's signals, score explanation, outcome and lifecycle. The row
 * stays as the PII-free audit record (lead id, erasure id, requester, time) and makes late events
 * from before the erasure be ignored. The survivor a merged id points to is the same person: erased too.
 */
export class EraseLeads {
  async execute(events: readonly Incoming<LeadErased>[], tx: ScoringTx): Promise<void> {
    const leads = await LeadWorkingSet.open(
      tx.leads,
      firstSeenByLead(events.map((e) => ({ leadId: e.value.leadId, at: e.occurredAt }))),
    );
    for (const event of events) {
      const targets = new Set<LeadRecord>([leads.raw(event.value.leadId), leads.resolve(event.value.leadId)]);
      for (const lead of targets) {
        if (lead.erasure !== null && lead.erasure.at >= event.occurredAt) continue;
        Object.assign(lead, {
          ...newLeadRecord(lead.leadId, event.occurredAt),
          mergedInto: lead.mergedInto,
          erasure: {
            erasureId: event.value.erasureId,
            requestedBy: event.value.requestedBy,
            at: event.occurredAt,
          },
        });
        leads.touch(lead, event.occurredAt);
      }
    }
    // The person leaves their account's buying group.
    // Leads first: the accounts' row locks, which batches of other partitions may wait for, are then
    // held only for the roll-up's own statements and the commit.
    await leads.save();
    await queueAccountRollUps(leads.accountChanges(), 'lead:erased', tx);
  }
}
