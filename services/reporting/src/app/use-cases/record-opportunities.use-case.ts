import type { OpportunityUpdated } from '@smarketing/contracts';
import { withOpportunity } from '../../domain/lead-record';
import { withOpportunityUpdate, type OpportunityRecord } from '../../domain/opportunity-record';
import { changeLeads, newestOf } from '../rollup/apply-changes';
import type { RollupSettings } from '../rollup/rollup-settings';
import type { Incoming, ReportingTx } from '../ports/transactions.port';

/**
 * opportunity-updated: an opportunity's latest amount and status, first-seen and first-closed
 * times; each of its leads learns of it, so a later change of the primary lead's dimensions
 * moves the opportunity's pipeline with it.
 */
export class RecordOpportunities {
  constructor(private readonly settings: RollupSettings) {}

  async execute(events: readonly Incoming<OpportunityUpdated>[], tx: ReportingTx): Promise<void> {
    const folds = new Map<string, (o: OpportunityRecord) => OpportunityRecord>();
    for (const { value, occurredAt } of events) {
      const prior = folds.get(value.opportunityId) ?? ((o: OpportunityRecord) => o);
      folds.set(value.opportunityId, (o) => withOpportunityUpdate(prior(o), value, occurredAt));
    }
    const stored = await tx.opportunities.readMany([...folds.keys()]);
    const leadLinks = events.flatMap(({ value }) =>
      [...value.leadIds, ...(stored.get(value.opportunityId)?.state?.value.leadIds ?? [])].map((leadId) => ({
        leadId,
        fold: withOpportunityFor(value.opportunityId),
      })),
    );
    await changeLeads(tx, this.settings, leadLinks, folds);
    await tx.rollup.applied(newestOf(events));
  }
}

const withOpportunityFor = (opportunityId: string) => (l: Parameters<typeof withOpportunity>[0]) =>
  withOpportunity(l, opportunityId);
