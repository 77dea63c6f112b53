import type { LeadErased } from '@smarketing/contracts';
import type { Incoming, RoutingTx } from '../ports/transactions.port';

/**
 * lead-erased: routing never stored the person's PII; it forgets the lead's attributes too (an
 * account and a country narrow a person down) and cancels a held timer. The assignment history
 * (lead id, reps, rules, reasons) stays as the PII-free audit trail.
 */
export class EraseLeads {
  async execute(events: readonly Incoming<LeadErased>[], tx: RoutingTx): Promise<void> {
    if (events.length === 0) return;
    const ids = [...new Set(events.map((e) => e.value.leadId))].sort();
    await tx.leads.lockMany(ids);
    await tx.leads.eraseFacts(ids);
    await tx.held.deleteMany(ids);
  }
}
