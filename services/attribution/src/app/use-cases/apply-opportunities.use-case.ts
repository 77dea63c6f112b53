import type { OpportunityUpdated } from '@smarketing/contracts';
import { conversionId, type Conversion } from '../../domain';
import type { Recredit } from '../credit/recredit';
import type { OpportunityFacts } from '../ports/fact-store.port';
import type { AttributionTx, Incoming } from '../ports/transactions.port';

/**
 * opportunity-updated (the full state each time): creation is the earliest update's time (the
 * opportunity-creation anchor and the `opportunity:<id>` conversion), won the earliest update with
 * status won (`won:<id>`, with the amount as revenue). The newest state gives the account, the
 * contacts and the amount; an older update arriving late only moves the milestones back. A changed
 * amount or contact list recredits both conversions as new versions.
 */
export class ApplyOpportunities {
  constructor(private readonly recredit: Recredit) {}

  async execute(events: readonly Incoming<OpportunityUpdated>[], tx: AttributionTx): Promise<void> {
    const settings = (await tx.settings.latest())?.settings;
    const kinds = new Set(settings?.conversions ?? []);
    const known = await tx.facts.opportunities([...new Set(events.map((e) => e.value.opportunityId))]);
    const changed = new Map<string, OpportunityFacts>();
    for (const { value: v, occurredAt } of events) {
      const before = changed.get(v.opportunityId) ?? known.get(v.opportunityId);
      const newer = before === undefined || occurredAt >= before.stateAt;
      const wonAt =
        v.status === 'won' ? Math.min(before?.wonAt ?? occurredAt, occurredAt) : (before?.wonAt ?? null);
      const state: OpportunityFacts = newer
        ? {
            opportunityId: v.opportunityId,
            accountId: v.accountId,
            leadIds: [...v.leadIds].sort(),
            createdAt: Math.min(before?.createdAt ?? occurredAt, occurredAt),
            wonAt,
            status: v.status,
            amountMinor: v.amount ? BigInt(v.amount.amountMinor) : null,
            currency: v.amount?.currency ?? null,
            stateAt: occurredAt,
          }
        : { ...before, createdAt: Math.min(before.createdAt, occurredAt), wonAt };
      changed.set(v.opportunityId, state);
    }
    const conversions: Conversion[] = [];
    for (const o of changed.values()) {
      await tx.facts.saveOpportunity(o);
      const base = { leadId: null, opportunityId: o.opportunityId, accountId: o.accountId };
      if (kinds.has('opportunity'))
        conversions.push({
          ...base,
          id: conversionId.opportunity('opportunity', o.opportunityId),
          kind: 'opportunity',
          at: o.createdAt,
          revenue: null,
        });
      if (kinds.has('won') && o.wonAt !== null)
        conversions.push({
          ...base,
          id: conversionId.opportunity('won', o.opportunityId),
          kind: 'won',
          at: o.wonAt,
          revenue:
            o.amountMinor !== null && o.currency !== null
              ? { amountMinor: o.amountMinor, currency: o.currency }
              : null,
        });
    }
    await tx.conversions.save(conversions);
    await this.recredit.execute(
      conversions.map((c) => c.id),
      tx,
    );
  }
}
