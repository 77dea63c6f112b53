import type { LeadUpserted } from '@smarketing/contracts';
import { isErasedFor, requireDefaultModel, seen } from '../lead/lead-guards';
import { firstSeenByLead, LeadWorkingSet } from '../lead/lead-working-set';
import { profileFromLeadUpserted } from '../lead/profile-from-lead-upserted';
import { evaluationTime, rescoreLead } from '../lead/rescore-lead';
import type { Incoming, ScoringTx } from '../ports/transactions.port';

/** lead-upserted: replaces the lead's profile (full profile, not a diff; older ones are ignored) and re-scores. */
export class UpsertProfiles {
  async execute(events: readonly Incoming<LeadUpserted>[], tx: ScoringTx): Promise<void> {
    const model = await requireDefaultModel(tx.models);
    const leads = await LeadWorkingSet.open(
      tx.leads,
      firstSeenByLead(events.map((e) => ({ leadId: e.value.leadId, at: e.occurredAt }))),
    );
    for (const event of events) {
      const lead = leads.resolve(event.value.leadId);
      if (isErasedFor(lead, event.occurredAt)) continue;
      seen(lead, event.occurredAt);
      if (lead.profileAt !== null && event.occurredAt < lead.profileAt) continue;
      lead.profile = profileFromLeadUpserted(event.value);
      lead.profileAt = event.occurredAt;
      rescoreLead(
        lead,
        model,
        { cause: 'profile', eventId: event.eventId, evaluateAt: evaluationTime(lead, event.occurredAt) },
        tx.events,
      );
      leads.touch(lead);
    }
    await leads.save();
  }
}
