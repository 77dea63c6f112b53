import type { SlaDuration } from './sla-duration';

/** Score bands as scoring names them (lead-scored's Band). */
export const BANDS = ['hot', 'mql', 'nurture', 'cold', 'disqualified'] as const;
export type Band = (typeof BANDS)[number];

/** Sales dispositions as ingestion names them (lead-dispositioned's Disposition). */
export const DISPOSITIONS = ['accepted', 'rejected', 'qualified', 'disqualified', 'recycled'] as const;
export type Disposition = (typeof DISPOSITIONS)[number];

/** What a disposition does to a per-lead SLA clock. */
export type DispositionAction = 'meet' | 'pause' | 'cancel';

/** The per-lead promises of sales: respond (first touch) and give a disposition. */
export type LeadSlaKind = 'response' | 'disposition';

/** Which leads a policy is for; an empty list matches anything. */
export type PolicyMatch = {
  readonly bands: readonly Band[];
  readonly teams: readonly string[];
  readonly regions: readonly string[];
  readonly sources: readonly string[];
};

/** A sales SLA: the clock starts at assignment and stops at the first touch or at a disposition. */
export type LeadSlaPolicy = {
  readonly id: string;
  readonly version: number;
  readonly name: string;
  readonly kind: LeadSlaKind;
  /** Among matching policies of a kind, the highest priority applies (then the more specific, then the id). */
  readonly priority: number;
  readonly appliesTo: PolicyMatch;
  /** The calendar to measure on; null: the calendar for the rep's team or the lead's region. */
  readonly calendarId: string | null;
  readonly target: SlaDuration;
  /** Warning when this share of the business time to the deadline has passed (0 < x < 1); null: none. */
  readonly warningAt: number | null;
  /** Escalation to the team's manager this long after the breach; null: none. */
  readonly escalateAfter: SlaDuration | null;
  /** Request for reassignment (routing acts on it) this long after the breach; null: none. */
  readonly reassignAfter: SlaDuration | null;
  readonly onDisposition: Readonly<Partial<Record<Disposition, DispositionAction>>>;
};

export type VolumePeriod = 'week' | 'month' | 'quarter';

/** Marketing's side: MQLs per period for a segment against a target, and a quality floor. */
export type VolumeSlaPolicy = {
  readonly id: string;
  readonly version: number;
  readonly name: string;
  readonly kind: 'volume';
  readonly period: VolumePeriod;
  /** The zone periods start and end in (weeks start on Monday). */
  readonly timeZone: string;
  readonly segment: { readonly regions: readonly string[]; readonly sources: readonly string[] };
  readonly targetMqls: number;
  /** Lowest acceptable share of the period's MQLs that sales accepted (0..1); null: no floor. */
  readonly qualityFloor: number | null;
  /** Projected MQLs below target × this are at risk (1: any projected shortfall). */
  readonly atRiskBelow: number;
  /** Wall-clock hours between evaluations during the period; one more at its end. */
  readonly evaluateEveryHours: number;
};

export type SlaPolicy = LeadSlaPolicy | VolumeSlaPolicy;
export type SlaPolicyKind = SlaPolicy['kind'];
