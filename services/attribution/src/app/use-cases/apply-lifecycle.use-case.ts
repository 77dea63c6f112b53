import type { LifecycleChanged } from '@smarketing/contracts';
import { conversionId, type Conversion } from '../../domain';
import type { Recredit } from '../credit/recredit';
import type { LeadFacts } from '../ports/fact-store.port';
import type { AttributionTx, Incoming } from '../ports/transactions.port';

/**
 * lifecycle-changed: a new lead (from null) fixes lead creation, the lead-creation anchor; entering
 * MQL or SQL is a conversion, one per cycle (`mql:<lead>:<cycle>`). A late event with an earlier
 * time moves the milestone back; redelivered ones change nothing. Kinds the settings leave out are
 * not converted.
 */
export class ApplyLifecycle {
  constructor(private readonly recredit: Recredit) {}

  async execute(events: readonly Incoming<LifecycleChanged>[], tx: AttributionTx): Promise<void> {
    const settings = (await tx.settings.latest())?.settings;
    const kinds = new Set(settings?.conversions ?? []);
    const ids = [...new Set(events.map((e) => e.value.leadId))];
    const known = await tx.facts.leads(ids);
    const erased = await tx.facts.erasures(ids);
    const leads = new Map<string, LeadFacts>();
    const created: Conversion[] = [];
    for (const { value: v } of events) {
      const e = erased.get(v.leadId);
      if (e && v.occurredAt <= e.at) continue;
      const lead = leads.get(v.leadId) ??
        known.get(v.leadId) ?? { leadId: v.leadId, accountId: null, createdAt: null, profileAt: null };
      if (v.from === null && (lead.createdAt === null || v.occurredAt < lead.createdAt))
        leads.set(v.leadId, { ...lead, createdAt: v.occurredAt });
      else if (!known.has(v.leadId) && !leads.has(v.leadId)) leads.set(v.leadId, lead);
      if ((v.to === 'mql' || v.to === 'sql') && kinds.has(v.to))
        created.push({
          id: conversionId.lead(v.to, v.leadId, Math.max(1, v.cycle)),
          kind: v.to,
          at: v.occurredAt,
          leadId: v.leadId,
          opportunityId: null,
          accountId: (leads.get(v.leadId) ?? lead).accountId,
          revenue: null,
        });
    }
    await tx.facts.saveLeads([...leads.values()]);
    const existing = await tx.conversions.get(created.map((c) => c.id));
    const merged = new Map<string, Conversion>();
    for (const c of created) {
      const before = merged.get(c.id) ?? existing.get(c.id);
      if (!before || c.at < before.at) merged.set(c.id, before ? { ...before, at: c.at } : c);
    }
    await tx.conversions.save([...merged.values()]);
    const recredit = new Set(merged.keys());
    const anchorsMoved = [...leads.values()].filter((l) => l.createdAt !== known.get(l.leadId)?.createdAt);
    if (anchorsMoved.length)
      for (const id of await tx.conversions.ofLeads(
        anchorsMoved.map((l) => l.leadId),
        anchorsMoved.flatMap((l) => (l.accountId ? [l.accountId] : [])),
      ))
        recredit.add(id);
    await this.recredit.execute([...recredit], tx);
  }
}
