import type { LeadUpserted } from '@smarketing/contracts';
import { queueAccountRollUps } from '../account/roll-up-accounts';
import { isErasedFor, requireDefaultModel, seen } from '../lead/lead-guards';
import type { LeadAccount } from '../lead/lead-record';
import { firstSeenByLead, LeadWorkingSet } from '../lead/lead-working-set';
import { profileFromLeadUpserted } from '../lead/profile-from-lead-upserted';
import { evaluationTime, rescoreLead } from '../lead/rescore-lead';
import type { Incoming, ScoringTx } from '../ports/transactions.port';

/** Ingestion's account matching (corporate domain or a group call); no account id, no account. */
const accountOf = (event: LeadUpserted): LeadAccount | null =>
  event.accountId === null
    ? null
    : {
        accountId: event.accountId,
        ...(event.accountDomain === null ? {} : { domain: event.accountDomain.trim().toLowerCase() }),
        ...(event.company === null ? {} : { name: event.company }),
      };

/** lead-upserted: replaces the lead's profile (full profile, not a diff; older ones are ignored) and re-scores the lead and its account (a lead that moves account moves its contribution). */
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
      lead.account = accountOf(event.value);
      rescoreLead(
        lead,
        model,
        { cause: 'profile', eventId: event.eventId, evaluateAt: evaluationTime(lead, event.occurredAt) },
        tx.events,
      );
      leads.touch(lead, event.occurredAt);
    }
    // Leads first: the accounts' row locks, which batches of other partitions may wait for, are then
    // held only for the roll-up's own statements and the commit.
    await leads.save();
    await queueAccountRollUps(leads.accountChanges(), 'lead:profile', tx);
  }
}
