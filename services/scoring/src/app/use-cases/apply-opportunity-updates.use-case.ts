import type { OpportunityUpdated } from '@smarketing/contracts';
import { type LeadOutcome, type LifecycleCause, furthestOutcome } from '../../domain';
import { isErasedFor, seen } from '../lead/lead-guards';
import { firstSeenByLead, LeadWorkingSet } from '../lead/lead-working-set';
import { applyLifecycleCause } from '../lead/lifecycle-step';
import type { Incoming, ScoringTx } from '../ports/transactions.port';

const effectOf = (o: OpportunityUpdated): { cause: LifecycleCause; outcome: LeadOutcome } | undefined => {
  switch (o.status) {
    // Every open update counts as "created": a missed or late `created` must not leave the lead behind.
    case 'open':
      return { cause: { kind: 'opportunity_created', opportunityId: o.opportunityId }, outcome: 'sql' };
    case 'won':
      return { cause: { kind: 'opportunity_won', opportunityId: o.opportunityId }, outcome: 'won' };
    case 'lost':
      return { cause: { kind: 'opportunity_lost', opportunityId: o.opportunityId }, outcome: 'lost' };
    case 'unknown':
      return undefined;
    default: {
      const unreachable: never = o.status;
      throw new Error(`Unknown opportunity status ${String(unreachable)}`);
    }
  }
};

/** opportunity-updated (keyed by opportunity): each contact lead moves to opportunity, customer or recycled. */
export class ApplyOpportunityUpdates {
  async execute(events: readonly Incoming<OpportunityUpdated>[], tx: ScoringTx): Promise<void> {
    const relevant = events.flatMap((event) => {
      const effect = event.value.leadIds.length > 0 ? effectOf(event.value) : undefined;
      return effect === undefined ? [] : [{ event, effect }];
    });
    if (!relevant.length) return;
    const leads = await LeadWorkingSet.open(
      tx.leads,
      firstSeenByLead(
        relevant.flatMap(({ event: e }) => e.value.leadIds.map((leadId) => ({ leadId, at: e.occurredAt }))),
      ),
    );
    for (const { event, effect } of relevant) {
      const detail = `opportunity ${event.value.opportunityId} ${event.value.status}${event.value.created ? ' (created)' : ''}, stage ${event.value.stage}`;
      for (const leadId of new Set(event.value.leadIds)) {
        const lead = leads.resolve(leadId);
        if (isErasedFor(lead, event.occurredAt)) continue;
        seen(lead, event.occurredAt);
        lead.outcome = furthestOutcome(lead.outcome, effect.outcome);
        applyLifecycleCause(
          lead,
          effect.cause,
          event.occurredAt,
          { kind: 'opportunity', detail, eventId: event.eventId },
          tx.events,
        );
        leads.touch(lead);
      }
    }
    await leads.save();
  }
}
