import type { LeadUpserted } from '@smarketing/contracts';
import { firstSeen } from '../../domain/first-seen';
import type { SeenLead } from '../ports/lead-store.port';
import type { Incoming, __Name__Tx } from '../ports/transactions.port';

/** lead-upserted: remembers each lead and when it was first seen (the earliest event time). */
export class RecordLeads {
  async execute(events: readonly Incoming<LeadUpserted>[], tx: __Name__Tx): Promise<void> {
    const known = await tx.leads.lockMany([...new Set(events.map((e) => e.value.leadId))]);
    const changed = new Map<string, SeenLead>();
    for (const { value, occurredAt } of events) {
      const before = changed.get(value.leadId) ?? known.get(value.leadId);
      const firstSeenAt = firstSeen(before?.firstSeenAt, occurredAt);
      if (firstSeenAt !== before?.firstSeenAt)
        changed.set(value.leadId, { leadId: value.leadId, firstSeenAt });
    }
    await tx.leads.saveMany([...changed.values()]);
  }
}
