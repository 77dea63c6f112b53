import type { Pause } from './interval';
import type { SlaDuration } from './sla-duration';
import type { DispositionAction, Disposition, LeadSlaKind } from './sla-policy';

/** Where a record stands. `paused`: the clock is stopped; `met`, `breached`, `cancelled`: outcomes. */
export type SlaStatus = 'running' | 'warning' | 'paused' | 'met' | 'breached' | 'cancelled';

/** What happened to a record: one status event each (CLOCKS.md has the state diagram). */
export type SlaStep =
  | 'started'
  | 'warning'
  | 'breached'
  | 'escalated'
  | 'reassignment_requested'
  | 'met'
  | 'first_action'
  | 'paused'
  | 'resumed'
  | 'cancelled'
  | 'corrected';

/** The durable timers of a record, one pending at a time (the next one due). */
export type TimerKind = 'warning' | 'breach' | 'escalation' | 'reassignment';

/** What caused a step: the event that met it (its event id) or the timer that fired. */
export type SlaCause = {
  readonly kind: 'assignment' | 'activity' | 'disposition' | 'timer' | 'api' | 'merge' | 'erasure';
  /** The event id of the causing event, or the timer's id. */
  readonly id: string;
  readonly detail: string;
};

/** The policy as it was when the clock started: later versions never change a running record. */
export type PolicySnapshot = {
  readonly id: string;
  readonly version: number;
  readonly target: SlaDuration;
  readonly warningAt: number | null;
  readonly escalateAfter: SlaDuration | null;
  readonly reassignAfter: SlaDuration | null;
  readonly onDisposition: Readonly<Partial<Record<Disposition, DispositionAction>>>;
};

/** One per-lead SLA clock: a lead assigned to a rep, held to one policy on one calendar version. */
export type SlaRecord = {
  readonly id: string;
  readonly kind: LeadSlaKind;
  readonly leadId: string;
  readonly repId: string;
  readonly teamId: string | null;
  readonly assignmentId: string;
  readonly policy: PolicySnapshot;
  readonly calendar: { readonly id: string; readonly version: number };
  /** What the policy was chosen on (band, region, source as known at assignment). */
  readonly matchedOn: {
    readonly band: string | null;
    readonly region: string | null;
    readonly source: string | null;
  };
  readonly startedAt: number;
  readonly pauses: readonly Pause[];
  readonly status: SlaStatus;
  /** The deadline as the calendar and pauses give it; null while paused. */
  readonly dueAt: number | null;
  readonly warnedAt: number | null;
  readonly breachedAt: number | null;
  readonly escalatedAt: number | null;
  readonly reassignmentRequestedAt: number | null;
  /** When it was met (event time of the first qualifying action before the deadline). */
  readonly resolvedAt: number | null;
  readonly resolvedBy: SlaCause | null;
  /** The first qualifying action, also after a breach (extended tracking). */
  readonly firstActionAt: number | null;
  /** When it stopped being tracked (cancelled, reassigned, erased, merged). */
  readonly closedAt: number | null;
  /** Sequence number of the status event that set the current outcome (what a correction supersedes). */
  readonly outcomeSequence: number | null;
  /** Status events emitted so far; the next one gets this number + 1. */
  readonly sequence: number;
};

/** One status change, as the status event carries it. */
export type SlaChange = {
  readonly sequence: number;
  readonly step: SlaStep;
  readonly status: SlaStatus;
  /** Event time of the change (the deadline for a breach, the touch for a met). */
  readonly at: number;
  readonly cause: SlaCause;
  /** The sequence of the event this one corrects (a breach turned met), or null. */
  readonly supersedes: number | null;
  readonly elapsedBusinessMs: number;
};
