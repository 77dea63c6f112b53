import type { TouchpointRecorded } from '@smarketing/contracts';
import { addTouchpoints } from '../../domain';
import { queueAccountRollUps } from '../account/roll-up-accounts';
import { isErasedFor, requireDefaultModel, seen } from '../lead/lead-guards';
import { firstSeenByLead, LeadWorkingSet } from '../lead/lead-working-set';
import { evaluationTime, rescoreLead } from '../lead/rescore-lead';
import type { Incoming, ScoringTx } from '../ports/transactions.port';

/** touchpoint-recorded: adds the touchpoint to the lead's signals (a placeholder if the profile is not known yet) and re-scores it and its account at event time. */
export class RecordTouchpoints {
  async execute(events: readonly Incoming<TouchpointRecorded>[], tx: ScoringTx): Promise<void> {
    const model = await requireDefaultModel(tx.models);
    const leads = await LeadWorkingSet.open(
      tx.leads,
      firstSeenByLead(events.map((e) => ({ leadId: e.value.leadId, at: e.occurredAt }))),
    );
    for (const event of events) {
      const lead = leads.resolve(event.value.leadId);
      if (isErasedFor(lead, event.occurredAt)) continue;
      seen(lead, event.occurredAt);
      lead.touchpoints = addTouchpoints(lead.touchpoints, [
        { touchpointId: event.value.touchpointId, type: event.value.type, occurredAt: event.occurredAt },
      ]);
      const trigger = {
        cause: `touchpoint:${event.value.type}`,
        eventId: event.eventId,
        evaluateAt: evaluationTime(lead, event.occurredAt),
      };
      rescoreLead(lead, model, trigger, tx.events);
      leads.touch(lead, event.occurredAt);
    }
    // Leads first: the accounts' row locks, which batches of other partitions may wait for, are then
    // held only for the roll-up's own statements and the commit.
    await leads.save();
    await queueAccountRollUps(leads.accountChanges(), 'lead:touchpoint', tx);
  }
}
