import type { LeadUpserted } from '@smarketing/contracts';
import type { Recredit } from '../credit/recredit';
import type { LeadFacts } from '../ports/fact-store.port';
import type { AttributionTx, Incoming } from '../ports/transactions.port';

/**
 * lead-upserted: only the lead's account (for account journeys) and the earliest time it was seen
 * (lead creation when no lifecycle event says otherwise). No email, name or other trait is kept.
 * An older profile never overwrites the account of a newer one. A change recredits the lead's and
 * both accounts' conversions.
 */
export class UpsertLeads {
  constructor(private readonly recredit: Recredit) {}

  async execute(events: readonly Incoming<LeadUpserted>[], tx: AttributionTx): Promise<void> {
    const ids = [...new Set(events.map((e) => e.value.leadId))];
    const known = await tx.facts.leads(ids);
    const erased = await tx.facts.erasures(ids);
    const changed = new Map<string, LeadFacts>();
    const accounts = new Set<string>();
    for (const { value, occurredAt } of events) {
      const e = erased.get(value.leadId);
      if (e && occurredAt <= e.at) continue;
      const before = changed.get(value.leadId) ?? known.get(value.leadId);
      const newer =
        before?.profileAt === null || before?.profileAt === undefined || occurredAt >= before.profileAt;
      const next: LeadFacts = {
        leadId: value.leadId,
        accountId: newer ? value.accountId : (before?.accountId ?? null),
        createdAt: before?.createdAt == null ? occurredAt : Math.min(before.createdAt, occurredAt),
        profileAt: newer ? occurredAt : (before?.profileAt ?? null),
      };
      if (
        before === undefined ||
        next.accountId !== before.accountId ||
        next.createdAt !== before.createdAt ||
        next.profileAt !== before.profileAt
      ) {
        changed.set(value.leadId, next);
        if (before?.accountId) accounts.add(before.accountId);
        if (next.accountId) accounts.add(next.accountId);
      }
    }
    if (!changed.size) return;
    await tx.facts.saveLeads([...changed.values()]);
    await this.recredit.execute(await tx.conversions.ofLeads([...changed.keys()], [...accounts]), tx);
  }
}
