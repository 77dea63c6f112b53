import type { Band } from './band';

/** Reasons a rep gives when rejecting a lead. The ones in DISQUALIFYING_REJECTION_REASONS end the lead for good. */
export const REJECTION_REASONS = [
  'bad_timing',
  'no_budget',
  'no_response',
  'wrong_contact',
  'not_a_fit',
  'competitor',
  'student',
  'invalid_contact',
  'spam',
  'other',
] as const;
export type RejectionReason = (typeof REJECTION_REASONS)[number];

/** Who the person is, not whether they are ready: no amount of nurturing changes these. */
export const DISQUALIFYING_REJECTION_REASONS: readonly RejectionReason[] = [
  'competitor',
  'student',
  'invalid_contact',
  'spam',
];

/** Something that may move a lead through the lifecycle. The event time is passed to `transition` alongside. */
export type LifecycleCause =
  | {
      kind: 'score_changed';
      /** The lead's band under the lifecycle (aligned) model. */
      band: Band;
      /** Set when band is "disqualified". */
      disqualifiedBy?: string;
      /** The score counted only touchpoints from this moment on (see scoreLead's engagementSince). */
      engagementSince?: number;
      /**
       * With engagementSince: whether touchpoints from then on earned engagement points. Fit alone can
       * reach MQL, so a sales-ready band counted from the recycle on does not show new interest by itself.
       */
      engagedSince?: boolean;
    }
  | { kind: 'disposition_accepted' }
  | { kind: 'disposition_rejected'; reason: RejectionReason; note?: string }
  | { kind: 'disposition_qualified' }
  | { kind: 'disposition_disqualified'; reason: string }
  | { kind: 'disposition_recycled'; reason?: string }
  | { kind: 'opportunity_created'; opportunityId: string }
  | { kind: 'opportunity_won'; opportunityId: string }
  | { kind: 'opportunity_lost'; opportunityId: string; reason?: string };

export type LifecycleCauseKind = LifecycleCause['kind'];

export const LIFECYCLE_CAUSE_KINDS: readonly LifecycleCauseKind[] = [
  'score_changed',
  'disposition_accepted',
  'disposition_rejected',
  'disposition_qualified',
  'disposition_disqualified',
  'disposition_recycled',
  'opportunity_created',
  'opportunity_won',
  'opportunity_lost',
];
