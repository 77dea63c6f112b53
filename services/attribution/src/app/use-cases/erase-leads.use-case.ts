import type { LeadErased } from '@smarketing/contracts';
import type { AttributionTx, Incoming } from '../ports/transactions.port';

/**
 * lead-erased: attribution holds no email or name, but the lead's touches (what the person did,
 * when) are personal data: they are deleted with the lead, and the lead id is nulled on its
 * conversions. The credits already given stay (amounts per touch, channel and
 * campaign: no person in them), so reports do not change under the erasure. A PII-free audit row
 * (lead id, erasure id, time) remains and makes late events from before the erasure be ignored.
 */
export class EraseLeads {
  async execute(events: readonly Incoming<LeadErased>[], tx: AttributionTx): Promise<void> {
    for (const { value: v } of events) {
      await tx.facts.erase({ leadId: v.leadId, erasureId: v.erasureId, at: v.occurredAt });
      await tx.conversions.forgetLead(v.leadId);
    }
  }
}
