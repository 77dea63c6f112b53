import type { CampaignCostRecorded } from '@smarketing/contracts';
import type { CostFacts } from '../ports/fact-store.port';
import type { AttributionTx, Incoming } from '../ports/transactions.port';

/** campaign-cost-recorded: spend per campaign and period; a repeat of a cost id replaces it (the newest event wins). */
export class RecordCosts {
  async execute(events: readonly Incoming<CampaignCostRecorded>[], tx: AttributionTx): Promise<void> {
    const latest = new Map<string, CostFacts>();
    for (const { value: v, occurredAt } of events) {
      const before = latest.get(v.costId);
      if (before && before.recordedAt > occurredAt) continue;
      latest.set(v.costId, {
        costId: v.costId,
        campaignId: v.campaignId,
        campaignName: v.campaignName,
        channel: v.channel,
        periodStart: v.periodStart,
        periodEnd: v.periodEnd,
        amountMinor: BigInt(v.amount.amountMinor),
        currency: v.amount.currency,
        recordedAt: occurredAt,
      });
    }
    for (const cost of latest.values()) await tx.facts.saveCost(cost);
  }
}
