import { TOPICS } from '@smarketing/contracts';
import { deriveAccountId, deriveLeadId } from '../../domain';
import { crmFactKey, type CrmFact } from '../crm/crm-fact';
import { campaignIdOf, epochDay, sourceEventId } from '../event-ids';
import type { IngestionTx } from '../ports/transactions.port';

export type CrmInput = {
  readonly source: string;
  readonly facts: readonly CrmFact[];
  readonly receivedAt: number;
};
export type CrmOutcome = {
  readonly accepted: number;
  readonly duplicates: number;
  readonly eventIds: readonly string[];
};

const leadOf = (v: { leadId?: string; email?: Parameters<typeof deriveLeadId>[0] }): string =>
  v.leadId ?? deriveLeadId(v.email as Parameters<typeof deriveLeadId>[0]);

/**
 * Maps CRM facts to their events in the caller's transaction; a fact sent twice gives one event.
 * Kafka-style: the intake consumer runs it in its batch's transaction, IngestCrmFacts in its own.
 */
export class ApplyCrmFacts {
  /** One outcome per input, in order; a fact repeated in a later input is a duplicate there. */
  async execute(inputs: readonly CrmInput[], tx: IngestionTx): Promise<CrmOutcome[]> {
    const outcomes: CrmOutcome[] = [];
    for (const input of inputs) outcomes.push(await this.applyOne(input, tx));
    return outcomes;
  }

  private async applyOne(input: CrmInput, tx: IngestionTx): Promise<CrmOutcome> {
    const keyed = new Map(input.facts.map((fact) => [sourceEventId(input.source, crmFactKey(fact)), fact]));
    const fresh = await tx.claim([...keyed.keys()]);
    const eventIds: string[] = [];
    for (const [eventId, fact] of keyed) {
      if (!fresh.has(eventId)) continue;
      await this.publish(tx, fact, eventId, input.receivedAt);
      eventIds.push(eventId);
    }
    return { accepted: eventIds.length, duplicates: input.facts.length - eventIds.length, eventIds };
  }

  private async publish(tx: IngestionTx, fact: CrmFact, eventId: string, receivedAt: number): Promise<void> {
    switch (fact.kind) {
      case 'sales-activity': {
        const v = fact.value;
        const value = {
          activityId: v.activityId,
          leadId: leadOf(v),
          repId: v.repId,
          kind: v.kind,
          outcome: v.outcome ?? null,
          occurredAt: Date.parse(v.occurredAt),
        };
        return tx.publish(TOPICS.salesActivityRecorded, value, eventId);
      }
      case 'disposition': {
        const v = fact.value;
        const value = {
          dispositionId: v.dispositionId,
          leadId: leadOf(v),
          repId: v.repId,
          disposition: v.disposition,
          reason: v.reason ?? null,
          occurredAt: Date.parse(v.occurredAt),
        };
        return tx.publish(TOPICS.leadDispositioned, value, eventId);
      }
      case 'opportunity': {
        const v = fact.value;
        const leadIds = [...new Set([...v.leadIds, ...v.contactEmails.map((e) => deriveLeadId(e))])];
        const created = await tx.recordOpportunity(v.opportunityId);
        return tx.publish(
          TOPICS.opportunityUpdated,
          {
            opportunityId: v.opportunityId,
            accountId:
              v.accountId ?? (v.accountDomain === undefined ? null : deriveAccountId(v.accountDomain)),
            name: v.name,
            stage: v.stage,
            status: v.status,
            amount: { amountMinor: v.amountMinor, currency: v.currency },
            closeDate: epochDay(v.closeDate),
            leadIds,
            created,
            occurredAt: Date.parse(v.occurredAt),
          },
          eventId,
        );
      }
      case 'campaign-cost': {
        const v = fact.value;
        return tx.publish(
          TOPICS.campaignCostRecorded,
          {
            costId: v.costId,
            campaignId: campaignIdOf(v.campaignId) ?? v.campaignId,
            campaignName: v.campaignName ?? null,
            channel: v.channel,
            periodStart: epochDay(v.periodStart),
            periodEnd: epochDay(v.periodEnd),
            amount: { amountMinor: v.amountMinor, currency: v.currency },
            occurredAt: v.occurredAt === undefined ? receivedAt : Date.parse(v.occurredAt),
          },
          eventId,
        );
      }
      default: {
        const unreachable: never = fact;
        return unreachable;
      }
    }
  }
}
