import type { LeadUpserted } from '@smarketing/contracts';
import type { LeadProfile } from '../../domain';
import { newLeadRecord } from '../routing/routing-engine';
import type { LeadRecord } from '../ports/lead-store.port';
import type { Incoming, RoutingTx } from '../ports/transactions.port';

/** The non-personal attributes routing matches on. Email and names are never read, let alone stored. */
export const factsOf = (v: LeadUpserted): LeadProfile => ({
  country: v.country,
  region: v.region === 'unknown' ? null : v.region,
  industry: v.industry,
  employees: v.employeeCount,
  accountId: v.accountId,
  accountDomain: v.accountDomain,
  source: v.source,
});

/** lead-upserted: keeps the latest attributes of each lead by event time (a late older event is ignored). */
export class RecordLeadFacts {
  async execute(events: readonly Incoming<LeadUpserted>[], tx: RoutingTx): Promise<void> {
    if (events.length === 0) return;
    const ids = [...new Set(events.map((e) => e.value.leadId))].sort();
    const known = await tx.leads.lockMany(ids);
    const changed = new Map<string, LeadRecord>();
    for (const { value, occurredAt } of events) {
      const lead = changed.get(value.leadId) ?? known.get(value.leadId) ?? newLeadRecord(value.leadId);
      if (lead.status === 'erased' || (lead.factsAt !== null && lead.factsAt > occurredAt)) continue;
      changed.set(value.leadId, { ...lead, facts: factsOf(value), factsAt: occurredAt });
    }
    await tx.leads.saveMany([...changed.values()]);
  }
}
