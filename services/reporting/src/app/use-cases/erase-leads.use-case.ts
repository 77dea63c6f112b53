import type { LeadErased } from '@smarketing/contracts';
import type { Incoming, ReportingTx } from '../ports/transactions.port';

/**
 * lead-erased: removes the person's profile, the only personal data reporting keeps, and
 * refuses any profile of theirs arriving later (no order holds across topics). The lead's PII-free
 * record (dimensions, milestones) stays, so the dashboard's counts do not change.
 */
export class EraseLeads {
  async execute(events: readonly Incoming<LeadErased>[], tx: ReportingTx): Promise<void> {
    for (const { value, occurredAt } of events) await tx.people.erase([value.leadId], occurredAt);
  }
}
