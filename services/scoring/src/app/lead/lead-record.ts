import {
  type LeadOutcome,
  type LeadProfile,
  type LeadScore,
  type LifecycleState,
  initialLifecycleState,
  type TouchpointHistory,
} from '../../domain';

/** Everything the service keeps about one lead: its signals, its current score under the default model, its lifecycle. */
export type LeadRecord = {
  leadId: string;
  /** Earliest event time known for the lead (placeholders included). */
  firstSeenAt: number;
  /** null until a lead-upserted arrives (placeholder created by a touchpoint, disposition...). */
  profile: LeadProfile | null;
  /** Event time of the profile held; older upserts are ignored. */
  profileAt: number | null;
  touchpoints: TouchpointHistory;
  /** Current score under the default model, with its explanation. */
  score: LeadScore | null;
  lifecycle: LifecycleState;
  /** The account (company) ingestion matched the lead to; its contribution sits there. */
  account: LeadAccount | null;
  /** Furthest outcome sales reported (for model comparison). */
  outcome: LeadOutcome | null;
  /** Set when the lead was merged into another one: events for it go to the survivor. */
  mergedInto: string | null;
  /** Set after a GDPR erasure: events at or before it are ignored. */
  erasure: { erasureId: string; requestedBy: string; at: number } | null;
};

/** A lead's account as lead-upserted names it (domain match or group call). */
export type LeadAccount = { accountId: string; domain?: string; name?: string };

export const newLeadRecord = (leadId: string, firstSeenAt: number): LeadRecord => ({
  leadId,
  firstSeenAt,
  profile: null,
  profileAt: null,
  touchpoints: {},
  score: null,
  lifecycle: initialLifecycleState(firstSeenAt),
  account: null,
  outcome: null,
  mergedInto: null,
  erasure: null,
});

/** A lead with nothing to score on (a placeholder created by a disposition or an opportunity). */
export const hasSignals = (lead: LeadRecord): boolean =>
  lead.profile !== null || Object.keys(lead.touchpoints).length > 0;
