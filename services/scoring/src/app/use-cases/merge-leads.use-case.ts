import type { LeadsMerged } from '@smarketing/contracts';
import { mergeLifecycles, furthestOutcome, mergeHistories } from '../../domain';
import { queueAccountRollUps } from '../account/roll-up-accounts';
import { isErasedFor, requireDefaultModel, seen } from '../lead/lead-guards';
import { newLeadRecord, type LeadRecord } from '../lead/lead-record';
import { firstSeenByLead, LeadWorkingSet } from '../lead/lead-working-set';
import { evaluationTime, rescoreLead } from '../lead/rescore-lead';
import type { ScoringEventSink } from '../ports/scoring-event-sink.port';
import type { Incoming, ScoringTx } from '../ports/transactions.port';

const absorb = (
  survivor: LeadRecord,
  merged: LeadRecord,
  event: Incoming<LeadsMerged>,
  sink: ScoringEventSink,
): void => {
  survivor.touchpoints = mergeHistories(survivor.touchpoints, merged.touchpoints);
  // The survivor's own profile wins; a placeholder survivor takes the merged lead's.
  if (survivor.profile === null && merged.profile !== null) {
    survivor.profile = merged.profile;
    survivor.profileAt = merged.profileAt;
    // The account goes with the profile it was matched from.
    survivor.account = merged.account;
  }
  survivor.outcome = furthestOutcome(survivor.outcome, merged.outcome);
  survivor.firstSeenAt = Math.min(survivor.firstSeenAt, merged.firstSeenAt);
  const before = survivor.lifecycle;
  survivor.lifecycle = mergeLifecycles(before, merged.lifecycle);
  if (survivor.lifecycle.stage !== before.stage) {
    sink.lifecycleChanged({
      leadId: survivor.leadId,
      from: before.stage,
      to: survivor.lifecycle.stage,
      causeKind: 'merge',
      causeDetail: `merged lead ${merged.leadId} (${merged.lifecycle.stage}) into ${survivor.leadId}: ${event.value.reason}`,
      causeEventId: event.eventId,
      reason: null,
      cycle: survivor.lifecycle.mqlCycle,
      repId: null,
      occurredAt: Math.max(event.occurredAt, survivor.lifecycle.enteredAt),
    });
  }
};

/** leads-merged: moves the merged leads' signals, outcome and lifecycle into the survivor, leaves tombstones that redirect late events, and re-scores. */
export class MergeLeads {
  async execute(events: readonly Incoming<LeadsMerged>[], tx: ScoringTx): Promise<void> {
    const model = await requireDefaultModel(tx.models);
    const ids = events.flatMap((e) =>
      [e.value.leadId, ...e.value.mergedLeadIds].map((leadId) => ({ leadId, at: e.occurredAt })),
    );
    const leads = await LeadWorkingSet.open(tx.leads, firstSeenByLead(ids));
    for (const event of events) {
      const survivor = leads.resolve(event.value.leadId);
      if (isErasedFor(survivor, event.occurredAt)) continue;
      seen(survivor, event.occurredAt);
      const mergedIds = [...new Set(event.value.mergedLeadIds)];
      for (const mergedId of mergedIds) {
        const merged = leads.resolve(mergedId);
        if (merged.leadId === survivor.leadId) continue;
        absorb(survivor, merged, event, tx.events);
        Object.assign(merged, {
          ...newLeadRecord(merged.leadId, merged.firstSeenAt),
          mergedInto: survivor.leadId,
          erasure: merged.erasure,
        });
        leads.touch(merged, event.occurredAt);
      }
      await tx.leads.redirectMerged(mergedIds, survivor.leadId);
      rescoreLead(
        survivor,
        model,
        { cause: 'merge', eventId: event.eventId, evaluateAt: evaluationTime(survivor, event.occurredAt) },
        tx.events,
      );
      leads.touch(survivor, event.occurredAt);
    }
    // The merged leads' contributions leave their accounts; the survivor's is re-counted.
    // Leads first: the accounts' row locks, which batches of other partitions may wait for, are then
    // held only for the roll-up's own statements and the commit.
    await leads.save();
    await queueAccountRollUps(leads.accountChanges(), 'lead:merge', tx);
  }
}
