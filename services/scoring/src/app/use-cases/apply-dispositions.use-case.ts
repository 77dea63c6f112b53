import type { LeadDispositioned } from '@smarketing/contracts';
import { dispositionEffect, furthestOutcome } from '../../domain';
import { isErasedFor, seen } from '../lead/lead-guards';
import { firstSeenByLead, LeadWorkingSet } from '../lead/lead-working-set';
import { applyLifecycleCause } from '../lead/lifecycle-step';
import type { Incoming, ScoringTx } from '../ports/transactions.port';

/** lead-dispositioned: sales' feedback moves the lifecycle (SAL, SQL, recycled, disqualified) and records the outcome. */
export class ApplyDispositions {
  async execute(events: readonly Incoming<LeadDispositioned>[], tx: ScoringTx): Promise<void> {
    const relevant = events.flatMap((event) => {
      const effect = dispositionEffect(event.value);
      return effect === undefined ? [] : [{ event, effect }];
    });
    if (!relevant.length) return;
    const leads = await LeadWorkingSet.open(
      tx.leads,
      firstSeenByLead(relevant.map(({ event: e }) => ({ leadId: e.value.leadId, at: e.occurredAt }))),
    );
    for (const { event, effect } of relevant) {
      const lead = leads.resolve(event.value.leadId);
      if (isErasedFor(lead, event.occurredAt)) continue;
      seen(lead, event.occurredAt);
      lead.outcome = furthestOutcome(lead.outcome, effect.outcome);
      applyLifecycleCause(
        lead,
        effect.cause,
        event.occurredAt,
        {
          kind: 'disposition',
          detail: effect.detail,
          eventId: event.eventId,
          reason: event.value.reason,
          repId: event.value.repId,
        },
        tx.events,
      );
      leads.touch(lead);
    }
    await leads.save();
  }
}
