import type { Candidate } from '../../domain';

export type AssignmentOutcome = 'assigned' | 'queued' | 'held' | 'kept';

/** One routing decision about a lead: what happened, and its trace. Unique per (lead, cause). */
export type AssignmentRecord = {
  readonly assignmentId: string;
  readonly leadId: string;
  /** What caused it: "cycle:3" (sales-ready), "cycle:3:release:<due>" (held timer), "sla:<record>:breached". */
  readonly causeKey: string;
  readonly causeEventId: string | null;
  readonly cycle: number;
  readonly kind: 'initial' | 'reassignment' | 'escalation';
  readonly outcome: AssignmentOutcome;
  /** How the owner was found (null unless assigned to a rep). */
  readonly via: 'pool' | 'account_owner' | 'manager' | null;
  readonly repId: string | null;
  readonly queueId: string | null;
  readonly previousRepId: string | null;
  readonly teamId: string | null;
  readonly ruleId: string | null;
  readonly rulesVersion: number;
  readonly poolId: string | null;
  readonly position: number | null;
  readonly candidates: readonly Candidate[];
  readonly reason: string;
  readonly occurredAt: number;
};

/** Per pool and UTC day: leads held, queued, escalated (decisions that did not go to a pool rep). */
export type PoolDayOutcomes = {
  readonly poolId: string | null;
  readonly day: string;
  readonly held: number;
  readonly queued: number;
  readonly escalated: number;
};

/** routing_assignments, bound to one transaction. */
export abstract class AssignmentStore {
  /** Which of the (lead, cause) pairs already have a decision: a duplicated cause is applied once. */
  abstract existing(pairs: readonly { leadId: string; causeKey: string }[]): Promise<Set<string>>;
  abstract insertMany(rows: readonly AssignmentRecord[]): Promise<void>;
  /** A lead's decisions, oldest first. */
  abstract history(leadId: string): Promise<AssignmentRecord[]>;
  /** Held, queued and escalated decisions per pool and UTC day in [fromDay, toDay]. */
  abstract outcomesByPool(fromDay: string, toDay: string): Promise<PoolDayOutcomes[]>;
}

export const pairKey = (leadId: string, causeKey: string): string => `${leadId}\u0000${causeKey}`;
